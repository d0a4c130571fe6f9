/**
 * A local stand-in for a Dataverse environment's Web API (`http://127.0.0.1:<port>/api/data/v9.2/`)
 * that follows the documented contracts strictly (../../../../shared/spec/dataverse-webapi.md): it
 * refuses a request without the OData headers or a valid bearer token, a wrong binding path, a body
 * of the wrong shape and an unknown solution; keeps translations per solution and really applies
 * imports; runs async operations that progress over time; answers 429 with Retry-After on demand
 * and can drop a connection mid-answer. Tokens come from `issueToken()` or the HTTPS token stand-in.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { AsyncJobs } from './async-jobs';
import {
  closeServer,
  listenOnLoopback,
  readBody,
  Refusal,
  sendJson,
  sendNoContent,
  sendRefusal,
} from './http';
import { ALL_PRIVILEGES, privilegeId, requirePrivileges } from './privileges';
import { RecordStore } from './record-store';
import { readSolutionZip } from './solution-zip';
import { TranslationsStore } from './translations-store';

export interface StandInSolution {
  uniqueName: string;
  version?: string;
  managed?: boolean;
  /** Its translations: a CrmTranslations.xml, or a generated sample of about this many labels. */
  translations?: { xml: string } | { labels: number; seed?: number };
}

export interface StandInOptions {
  solutions?: StandInSolution[];
  /** The user's privileges (default: all the stand-in knows). */
  privileges?: readonly string[];
  /** How long an async operation runs. */
  jobDurationMs?: number;
  organizationName?: string;
  baseLanguage?: number;
  languages?: number[];
}

export interface Deployed {
  bytes: Buffer;
  body: Record<string, unknown>;
}

const API = '/api/data/v9.2/';
const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const BODY_LIMIT = 64 * 1024 * 1024;

function bodyShape(
  body: unknown,
  required: readonly string[],
  optional: readonly string[] = [],
): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new Refusal(400, '0x80040203', 'The request body must be a JSON object');
  }
  const record = body as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!required.includes(key) && !optional.includes(key)) {
      throw new Refusal(
        400,
        '0x80048d19',
        `Error identified in Payload provided by the user for Entity :'', Property '${key}' does not exist`,
      );
    }
  }
  for (const key of required) {
    if (record[key] === undefined || record[key] === null || record[key] === '') {
      throw new Refusal(400, '0x80040203', `Required parameter ${key} is missing`);
    }
  }
  return record;
}

function base64Of(value: unknown, name: string): Buffer {
  if (typeof value !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(value)) {
    throw new Refusal(400, '0x80048d19', `${name} is not a valid Edm.Binary (base64) value`);
  }
  return Buffer.from(value, 'base64');
}

function jobId(value: unknown): string {
  if (typeof value !== 'string' || !guid.test(value))
    throw new Refusal(400, '0x80048d19', 'ImportJobId is not a GUID');
  return value.toLowerCase();
}

export class DataverseStandIn {
  readonly store = new RecordStore();
  readonly translations = new TranslationsStore();
  readonly jobs: AsyncJobs;
  readonly userId = randomUUID();
  readonly organizationId = randomUUID();
  readonly businessUnitId = randomUUID();
  /** Every request as `METHOD path` (without the API prefix and query), in order. */
  readonly requests: string[] = [];
  readonly deployed: Deployed[] = [];
  published = 0;
  privileges: Set<string>;
  jobDurationMs: number;
  private readonly tokens = new Map<string, string>();
  private throttle = { count: 0, retryAfter: 1, status: 429 };
  private readonly drops = new Set<string>();
  private readonly delays = new Map<string, number>();
  private server: Server | undefined;
  url = '';

  constructor(private readonly options: StandInOptions = {}) {
    this.privileges = new Set(options.privileges ?? ALL_PRIVILEGES);
    this.jobDurationMs = options.jobDurationMs ?? 300;
    this.jobs = new AsyncJobs(this.store);
    this.store.define({ entitySet: 'solutions', primaryKey: 'solutionid' });
    this.store.define({ entitySet: 'organizations', primaryKey: 'organizationid' });
    this.store.insert('organizations', {
      organizationid: this.organizationId,
      name: options.organizationName ?? 'Contoso (stand-in)',
      languagecode: options.baseLanguage ?? 1033,
    });
    for (const s of options.solutions ?? []) this.addSolution(s);
  }

  addSolution(s: StandInSolution): void {
    this.store.insert('solutions', {
      uniquename: s.uniqueName,
      version: s.version ?? '1.0.0.0',
      ismanaged: s.managed ?? false,
    });
    if (s.translations !== undefined) this.translations.add(s.uniqueName, s.translations);
  }

  /** A valid bearer token for the stand-in's user (what CRMKIT_TOKEN would hold). */
  issueToken(): string {
    const token = `standin.${randomBytes(24).toString('base64url')}`;
    this.tokens.set(token, this.userId);
    return token;
  }

  acceptToken(token: string): void {
    this.tokens.set(token, this.userId);
  }

  /** Every token given so far stops working (they expired). */
  expireTokens(): void {
    this.tokens.clear();
  }

  /** The next `count` API requests are refused with `status` (429 or 503) and Retry-After. */
  throttleNext(count: number, retryAfterSeconds = 1, status = 429): void {
    this.throttle = { count, retryAfter: retryAfterSeconds, status };
  }

  /** The next answer to `action` comes only after `ms` (a slow export). */
  delayNext(action: string, ms: number): void {
    this.delays.set(action, ms);
  }

  /** The next answer to `action` (e.g. `ExportTranslation`) is cut off after its first bytes. */
  dropNext(action: string): void {
    this.drops.add(action);
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    this.url = `http://127.0.0.1:${await listenOnLoopback(this.server)}`;
    return this;
  }

  close(): Promise<void> {
    return closeServer(this.server);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    if (!url.pathname.startsWith(API)) {
      res.writeHead(404, { 'Content-Type': 'text/html' });
      res.end('<html><body>Not found</body></html>');
      return;
    }
    const path = decodeURIComponent(url.pathname.slice(API.length));
    this.requests.push(`${req.method ?? '?'} ${path}`);
    try {
      this.checkHeaders(req);
      if (this.throttle.count > 0) {
        this.throttle.count--;
        throw new Refusal(
          this.throttle.status,
          '0x80072322',
          'Number of requests exceeded the limit of 6000 over time window of 300 seconds.',
          {
            'Retry-After': String(this.throttle.retryAfter),
          },
        );
      }
      if (req.method === 'GET') {
        sendJson(res, 200, this.get(path, url.searchParams));
        return;
      }
      if (req.method !== 'POST')
        throw new Refusal(405, '0x80060888', `${req.method ?? ''} is not allowed here`);
      const raw = await readBody(req, BODY_LIMIT);
      let body: unknown;
      try {
        body = raw.length === 0 ? undefined : JSON.parse(raw.toString('utf8'));
      } catch {
        throw new Refusal(400, '0x80040203', 'The request body is not valid JSON');
      }
      const answer = await this.post(path, body);
      const action = path.replace(/^.*\.CRM\./, '');
      const delay = this.delays.get(action);
      if (delay !== undefined) {
        this.delays.delete(action);
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
      if (this.drops.delete(action)) {
        const text = JSON.stringify(answer);
        res.writeHead(200, {
          'Content-Type': 'application/json; charset=utf-8',
          'Content-Length': Buffer.byteLength(text),
        });
        res.write(text.slice(0, Math.min(200, text.length - 1)));
        setTimeout(() => res.socket?.destroy(), 20);
        return;
      }
      if (answer === undefined) sendNoContent(res);
      else sendJson(res, 200, answer);
    } catch (e) {
      if (e instanceof Refusal) sendRefusal(res, e);
      else
        sendJson(res, 500, {
          error: { code: '0x80040216', message: `stand-in fault: ${(e as Error).message}` },
        });
    }
  }

  private checkHeaders(req: IncomingMessage): void {
    const h = req.headers;
    const bearer = /^Bearer (\S+)$/.exec(h.authorization ?? '')?.[1];
    if (bearer === undefined || !this.tokens.has(bearer)) throw new Refusal(401, '', 'no valid bearer token');
    if (h['odata-maxversion'] !== '4.0' || h['odata-version'] !== '4.0') {
      throw new Refusal(400, '0x80060888', 'OData-MaxVersion and OData-Version 4.0 headers are required');
    }
    if (!(h.accept ?? '').split(',').some((a) => a.trim().startsWith('application/json'))) {
      throw new Refusal(406, '0x80060888', 'Accept must be application/json');
    }
    const length = Number(h['content-length'] ?? 0);
    if (req.method === 'POST' && length > 0 && h['content-type'] !== 'application/json; charset=utf-8') {
      throw new Refusal(415, '0x80060888', 'Content-Type must be application/json; charset=utf-8');
    }
  }

  private get(path: string, search: URLSearchParams): unknown {
    const userFn =
      /^systemusers\(([0-9a-f-]{36})\)\/Microsoft\.Dynamics\.CRM\.RetrieveUserPrivileges\(\)$/i.exec(path);
    if (userFn !== null) {
      if (userFn[1]!.toLowerCase() !== this.userId)
        throw new Refusal(404, '0x80040217', `systemuser With Id = ${userFn[1]!} Does Not Exist`);
      return {
        RolePrivileges: [...this.privileges].map((name) => ({
          Depth: 'Global',
          PrivilegeId: privilegeId(name),
          BusinessUnitId: this.businessUnitId,
          PrivilegeName: name,
        })),
      };
    }
    switch (path.replace(/\(\)$/, '')) {
      case 'WhoAmI':
        return {
          UserId: this.userId,
          BusinessUnitId: this.businessUnitId,
          OrganizationId: this.organizationId,
        };
      case 'RetrieveVersion':
        return { Version: '9.2.25061.176' };
      case 'RetrieveProvisionedLanguages':
        return { RetrieveProvisionedLanguages: this.options.languages ?? [1033, 1049, 1026, 1058] };
    }
    if (/^(solutions|organizations|asyncoperations|importjobs)(\(|$)/.test(path)) {
      if (path.startsWith('solutions')) requirePrivileges(this.privileges, this.userId, ['prvReadSolution']);
      return this.store.query(path, search);
    }
    throw new Refusal(404, '0x80060888', `Resource not found for the segment '${path.split('/')[0]!}'.`);
  }

  private solutionNamed(name: unknown): Record<string, unknown> {
    const row = this.store
      .rows('solutions')
      .find((s) => String(s.uniquename).toLowerCase() === String(name).toLowerCase());
    if (row === undefined)
      throw new Refusal(404, '0x8004f01d', `The solution ${String(name)} does not exist.`);
    return row;
  }

  private startJob(
    name: string,
    importJobId: string | undefined,
    work: () => Promise<{
      ok: boolean;
      message?: string;
      failures?: { component: string; message: string }[];
    }>,
    solutionName?: string,
  ): string {
    const asyncOperationId = randomUUID();
    this.jobs.start({
      asyncOperationId,
      importJobId,
      name,
      solutionName,
      durationMs: this.jobDurationMs,
      work,
    });
    return asyncOperationId;
  }

  private async post(path: string, body: unknown): Promise<unknown> {
    switch (path) {
      case 'solutions/Microsoft.Dynamics.CRM.ExportTranslation': {
        requirePrivileges(this.privileges, this.userId, ['prvReadSolution', 'prvReadCustomization']);
        const b = bodyShape(body, ['SolutionName']);
        const solution = this.solutionNamed(b.SolutionName);
        const name = String(solution.uniquename);
        if (!this.translations.has(name)) this.translations.add(name, { labels: 20 });
        return {
          ExportTranslationFile: Buffer.from(await this.translations.exportZip(name)).toString('base64'),
        };
      }
      case 'ImportTranslation': {
        requirePrivileges(this.privileges, this.userId, ['prvWriteCustomization']);
        const b = bodyShape(body, ['TranslationFile', 'ImportJobId']);
        const outcome = await this.translations.applyImport(base64Of(b.TranslationFile, 'TranslationFile'));
        if (!outcome.ok)
          throw new Refusal(
            400,
            '0x80048541',
            outcome.failures.map((f) => `${f.component}: ${f.message}`).join('; '),
          );
        return undefined;
      }
      case 'ImportTranslationAsync': {
        requirePrivileges(this.privileges, this.userId, ['prvWriteCustomization']);
        const b = bodyShape(body, ['TranslationFile', 'ImportJobId']);
        const bytes = base64Of(b.TranslationFile, 'TranslationFile');
        const asyncOperationId = this.startJob('Import Translation', jobId(b.ImportJobId), () =>
          this.translations.applyImport(bytes),
        );
        return { AsyncOperationId: asyncOperationId };
      }
      case 'PublishAllXml':
      case 'PublishAllXmlAsync': {
        requirePrivileges(this.privileges, this.userId, ['prvWriteQuery']);
        if (body !== undefined) bodyShape(body, []);
        if (path === 'PublishAllXml') {
          this.published++;
          return undefined;
        }
        return {
          AsyncOperationId: this.startJob('Publish All', undefined, () => {
            this.published++;
            return Promise.resolve({ ok: true });
          }),
        };
      }
      case 'ImportSolutionAsync': {
        requirePrivileges(this.privileges, this.userId, ['prvCreateCustomization', 'prvWriteSolution']);
        const b = bodyShape(
          body,
          ['CustomizationFile', 'OverwriteUnmanagedCustomizations', 'PublishWorkflows', 'ImportJobId'],
          ['HoldingSolution', 'ConvertToManaged', 'SkipProductUpdateDependencies', 'SolutionParameters'],
        );
        for (const flag of ['OverwriteUnmanagedCustomizations', 'PublishWorkflows'] as const) {
          if (typeof b[flag] !== 'boolean')
            throw new Refusal(400, '0x80048d19', `${flag} must be Edm.Boolean`);
        }
        const bytes = base64Of(b.CustomizationFile, 'CustomizationFile');
        const importJobId = jobId(b.ImportJobId);
        const asyncOperationId = this.startJob('Import Solution', importJobId, () =>
          this.importSolution(bytes, b),
        );
        return { AsyncOperationId: asyncOperationId, ImportJobKey: importJobId };
      }
    }
    throw new Refusal(404, '0x80060888', `Resource not found for the segment '${path.split('/')[0]!}'.`);
  }

  private async importSolution(
    bytes: Buffer,
    body: Record<string, unknown>,
  ): Promise<{ ok: boolean; message?: string; failures?: { component: string; message: string }[] }> {
    const solution = await readSolutionZip(bytes);
    if ('error' in solution)
      return { ok: false, failures: [{ component: 'solution', message: solution.error }] };
    const existing = this.store
      .rows('solutions')
      .find((s) => String(s.uniquename).toLowerCase() === solution.uniqueName.toLowerCase());
    if (existing !== undefined && existing.ismanaged !== solution.managed) {
      const message = solution.managed
        ? `The solution is already installed on this system as an unmanaged solution and the package supplied is attempting to install it in managed mode.`
        : `The solution is already installed as a managed solution; an unmanaged package of it cannot be imported.`;
      return { ok: false, failures: [{ component: solution.uniqueName, message }] };
    }
    if (existing === undefined)
      this.addSolution({
        uniqueName: solution.uniqueName,
        version: solution.version,
        managed: solution.managed,
      });
    else this.store.update('solutions', String(existing.solutionid), { version: solution.version });
    this.deployed.push({ bytes, body });
    return { ok: true };
  }
}

/** Starts a stand-in; close it after the test. */
export function startDataverse(options: StandInOptions = {}): Promise<DataverseStandIn> {
  return new DataverseStandIn(options).start();
}
