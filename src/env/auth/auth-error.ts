/** A failure of MSAL or of the sign-in service as one ENV_AUTH line: its error code and first line. */
import { CrmKitError } from '../../errors';

export function authError(e: unknown, what: string): CrmKitError {
  if (e instanceof CrmKitError) return e;
  const code = (e as { errorCode?: unknown }).errorCode;
  const message = e instanceof Error ? e.message : String(e);
  const first = message
    .split('\n')[0]!
    .replace(/^\w+: /, '')
    .trim();
  const prefix = typeof code === 'string' && code !== '' && !first.startsWith(code) ? `${code}: ` : '';
  return new CrmKitError('ENV_AUTH', `sign-in failed (${what}): ${prefix}${first}`);
}
