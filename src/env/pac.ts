/**
 * `solution deploy --via pac`: Microsoft's Power Platform CLI imports the zip with its own sign-in
 * (`pac auth`). crmkit only spawns `pac solution import` and passes its output on; the Web API
 * path stays the default and needs no .NET.
 */
import { spawn } from 'node:child_process';
import { CrmKitError } from '../errors';

export interface PacImportOptions {
  zip: string;
  /** The environment's address; pac's active profile when undefined. */
  environment?: string;
  overwriteUnmanaged: boolean;
  publishWorkflows: boolean;
  publish: boolean;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  onOutput: (text: string) => void;
  signal?: AbortSignal;
}

export function pacImportArguments(
  o: Pick<PacImportOptions, 'zip' | 'environment' | 'overwriteUnmanaged' | 'publishWorkflows' | 'publish'>,
): string[] {
  return [
    'solution',
    'import',
    '--path',
    o.zip,
    ...(o.environment === undefined ? [] : ['--environment', o.environment]),
    ...(o.overwriteUnmanaged ? ['--force-overwrite'] : []),
    ...(o.publishWorkflows ? ['--activate-plugins'] : []),
    ...(o.publish ? ['--publish-changes'] : []),
    '--async',
  ];
}

export function pacImport(o: PacImportOptions): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('pac', pacImportArguments(o), {
      cwd: o.cwd,
      env: o.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      signal: o.signal,
    });
    child.stdout.on('data', (d: Buffer) => o.onOutput(d.toString()));
    child.stderr.on('data', (d: Buffer) => o.onOutput(d.toString()));
    child.on('error', (e: NodeJS.ErrnoException) => {
      reject(
        e.code === 'ENOENT'
          ? new CrmKitError(
              'USAGE',
              '--via pac: pac (Power Platform CLI) is not on the PATH; leave out --via pac to import through the Web API',
            )
          : new CrmKitError('ENV_SERVICE', `pac solution import could not run: ${e.message}`),
      );
    });
    child.on('close', (code, signal) => {
      if (code === 0) resolve();
      else
        reject(
          new CrmKitError(
            'ENV_JOB_FAILED',
            `pac solution import failed (${code === null ? `signal ${signal ?? '?'}` : `exit ${code}`}); its output is above`,
          ),
        );
    });
  });
}
