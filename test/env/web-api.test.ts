/**
 * The environments library (src/env) against the Dataverse stand-in, in process: the stand-in's
 * strictness (headers, binding path, body shape), translations imports that really land or fail
 * on a label over 500 characters, publishing, a new token once after a 401, and bounded retries.
 */
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CrmKitError } from '../../src/errors';
import {
  createWebApi,
  exportTranslation,
  importFailures,
  importTranslation,
  parseEnvUrl,
  publishAll,
  pullTranslations,
  type TokenSource,
} from '../../src/env';
import { labelKey } from '../../src/labels/crm-xml/model';
import { labelsOf } from '../support/dataverse/translations-store';
import { startDataverse, type DataverseStandIn } from '../support/dataverse/server';

let dv: DataverseStandIn;

beforeAll(async () => {
  dv = await startDataverse({
    jobDurationMs: 100,
    solutions: [{ uniqueName: 'ContosoSales', translations: { labels: 20 } }],
  });
});
afterAll(() => dv.close());

const fixed = (token: string): TokenSource => ({ kind: 'token', getToken: () => Promise.resolve(token) });
const api = (tokens: TokenSource = fixed(dv.issueToken())) =>
  createWebApi({
    url: parseEnvUrl(dv.url),
    tokens,
    retry: { maxAttempts: 3, maxTotalWaitMs: 5000, defaultWaitMs: 10 },
  });

async function failure(p: Promise<unknown>): Promise<CrmKitError> {
  const e = await p.then(
    () => undefined,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(CrmKitError);
  return e as CrmKitError;
}

describe('the Dataverse stand-in', () => {
  it('refuses a request without the OData headers', async () => {
    const r = await fetch(`${dv.url}/api/data/v9.2/WhoAmI`, {
      headers: { Authorization: `Bearer ${dv.issueToken()}`, Accept: 'application/json' },
    });
    expect(r.status).toBe(400);
    const body = (await r.json()) as { error: { message: string } };
    expect(body.error.message).toContain('OData-MaxVersion');
  });

  it('refuses ExportTranslation unbound, and a body with an unknown parameter', async () => {
    const e = await failure(api().post('ExportTranslation', { SolutionName: 'ContosoSales' }));
    expect(e.message).toContain("Resource not found for the segment 'ExportTranslation'");
    const shape = await failure(
      api().post('solutions/Microsoft.Dynamics.CRM.ExportTranslation', {
        SolutionName: 'ContosoSales',
        Extra: 1,
      }),
    );
    expect(shape.message).toContain("Property 'Extra' does not exist");
  });

  it('applies an imported translation, so the next export carries it', async () => {
    const client = api();
    const pulled = await pullTranslations(client, 'ContosoSales');
    const zip = await JSZip.loadAsync(pulled.bytes);
    const xml = await zip.file('CrmTranslations.xml')!.async('string');
    const label = [...(await labelsOf(xml, 'x')).values()].find((l) => {
      const text = l.texts.get(1049) ?? '';
      return text !== '' && xml.split(`>${text}<`).length === 2;
    })!;
    zip.file('CrmTranslations.xml', xml.replace(`>${label.texts.get(1049)!}<`, '>Новый текст<'));
    const job = await importTranslation(client, await zip.generateAsync({ type: 'uint8array' }), {
      pollMs: 20,
    });
    expect(job.importJobId).toMatch(/^[0-9a-f-]{36}$/);
    const after = await exportTranslation(client, pulled.solution);
    const text = await (await JSZip.loadAsync(after)).file('CrmTranslations.xml')!.async('string');
    const labels = await labelsOf(text, 'after');
    expect(labels.get(labelKey(label))!.texts.get(1049)).toBe('Новый текст');
    expect(labels.get(labelKey(label))!.texts.get(1033)).toBe(label.texts.get(1033));
    await publishAll(client, { pollMs: 20 });
    expect(dv.published).toBeGreaterThan(0);
  });

  it('fails the import job on a label over 500 characters, naming the label', async () => {
    const client = api();
    const pulled = await pullTranslations(client, 'ContosoSales');
    const zip = await JSZip.loadAsync(pulled.bytes);
    const xml = await zip.file('CrmTranslations.xml')!.async('string');
    const label = [...(await labelsOf(xml, 'x')).values()].find(
      (l) => l.sheet === 'Localized Labels' && l.texts.get(1033) !== '',
    )!;
    zip.file('CrmTranslations.xml', xml.replace(`>${label.texts.get(1033)!}<`, `>${'x'.repeat(501)}<`));
    const e = await failure(
      importTranslation(client, await zip.generateAsync({ type: 'uint8array' }), { pollMs: 20 }),
    );
    expect(e.code).toBe('ENV_JOB_FAILED');
    expect(e.message).toMatch(
      /^the translations import \(import job [0-9a-f-]{36}\) failed: .* \/ .*: The label for language 1033 is 501 characters long/,
    );
  });

  it('asks for a new token once after a 401, then gives up with ENV_AUTH', async () => {
    let asked = 0;
    const good = dv.issueToken();
    const renewing: TokenSource = {
      kind: 'device-code',
      getToken: (fresh) => Promise.resolve(fresh ? (asked++, good) : 'expired'),
    };
    expect(await api(renewing).get('WhoAmI')).toMatchObject({ UserId: dv.userId });
    expect(asked).toBe(1);
    const never: TokenSource = { kind: 'device-code', getToken: () => Promise.resolve('expired') };
    expect((await failure(api(never).get('WhoAmI'))).code).toBe('ENV_AUTH');
  });

  it('retries 503 as Retry-After says, and stops after the bounded attempts', async () => {
    const waits: number[] = [];
    const client = createWebApi({
      url: parseEnvUrl(dv.url),
      tokens: fixed(dv.issueToken()),
      retry: { maxAttempts: 3, maxTotalWaitMs: 5000, defaultWaitMs: 10 },
      onWait: (w) => waits.push(w.ms),
    });
    dv.throttleNext(2, 0, 503);
    expect(await client.get('WhoAmI')).toMatchObject({ UserId: dv.userId });
    expect(waits).toEqual([0, 0]);
    dv.throttleNext(5, 0);
    const e = await failure(client.get('WhoAmI'));
    expect(e.message).toContain('is busy (HTTP 429) and still refused GET WhoAmI after 3 attempts');
    dv.throttleNext(0);
  });
});

describe('time limits of the client', () => {
  it('gives up a request that takes longer than its time-out', async () => {
    const client = createWebApi({
      url: parseEnvUrl(dv.url),
      tokens: fixed(dv.issueToken()),
      requestTimeoutMs: 1000,
    });
    dv.delayNext('ExportTranslation', 2500);
    const e = await failure(
      client.post('solutions/Microsoft.Dynamics.CRM.ExportTranslation', { SolutionName: 'ContosoSales' }),
    );
    expect(e.code).toBe('ENV_TIMEOUT');
    expect(e.message).toMatch(
      /did not answer POST solutions\/Microsoft\.Dynamics\.CRM\.ExportTranslation within 1 s$/,
    );
  });

  it("stops at once when the command's signal aborts, with its reason", async () => {
    const controller = new AbortController();
    const client = createWebApi({
      url: parseEnvUrl(dv.url),
      tokens: fixed(dv.issueToken()),
      signal: controller.signal,
    });
    dv.delayNext('ExportTranslation', 2000);
    const pending = client.post('solutions/Microsoft.Dynamics.CRM.ExportTranslation', {
      SolutionName: 'ContosoSales',
    });
    setTimeout(() => controller.abort(new CrmKitError('ENV_TIMEOUT', 'gave up after 1 s (--timeout)')), 200);
    expect((await failure(pending)).message).toBe('gave up after 1 s (--timeout)');
  });
});

describe('an import job report', () => {
  it.each([
    [
      '<importexportxml><entities><entity name="account"><result result="failure" errorcode="0x1" errortext="Bad label" /></entity></entities></importexportxml>',
      ['account: Bad label (0x1)'],
    ],
    ['<r><component name="a &amp; b" result="failure" errortext="x &lt; y" /></r>', ['a & b: x < y']],
    ['<r><c name="ok" result="success" /></r>', []],
    ['<!DOCTYPE r [<!ENTITY e "x">]><r><c name="&e;" result="failure" /></r>', []],
  ])('names each failed component: %s', (xml, expected) => {
    expect(importFailures(xml)).toEqual(expected);
  });
});
