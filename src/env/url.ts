/**
 * The address of a Dynamics environment (`--env` or CRMKIT_ENV): https, or plain http only to a
 * loopback address (127.0.0.0/8, ::1, localhost), which exists for local stand-ins. The Web API
 * lives at `<origin>/api/data/v9.2/`.
 */
import { isIP } from 'node:net';
import { CrmKitError } from '../errors';

export interface EnvUrl {
  /** `https://contoso.crm4.dynamics.com`: no path, no trailing slash. */
  origin: string;
  /** `<origin>/api/data/v9.2/` */
  apiBase: string;
  /** As the user typed it, for messages. */
  typed: string;
}

export const API_PATH = '/api/data/v9.2/';

/** 127.0.0.0/8, ::1 and localhost. */
export function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host === '::1') return true;
  return isIP(host) === 4 && host.startsWith('127.');
}

function refuse(typed: string, why: string): CrmKitError {
  return new CrmKitError('ENV_URL', `--env ${typed}: ${why}`);
}

export function parseEnvUrl(typed: string): EnvUrl {
  let url: URL;
  try {
    url = new URL(typed.trim());
  } catch {
    throw refuse(typed, 'not an address; expected e.g. https://contoso.crm4.dynamics.com');
  }
  if (url.protocol === 'http:' && !isLoopback(url.hostname)) {
    throw refuse(typed, 'https is required (plain http only to a loopback address such as 127.0.0.1)');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw refuse(typed, `${url.protocol.replace(/:$/, '')} is not https`);
  }
  if (url.username !== '' || url.password !== '')
    throw refuse(typed, 'an address with a user name or password is refused');
  if (url.search !== '' || url.hash !== '')
    throw refuse(typed, 'give the environment address without ? or #');
  const extra = url.pathname.replace(/\/+$/, '');
  if (extra !== '' && extra !== API_PATH.replace(/\/$/, '')) {
    throw refuse(typed, `give the environment address without a path (not ${url.pathname})`);
  }
  return { origin: url.origin, apiBase: `${url.origin}${API_PATH}`, typed };
}

/** `--env` or else CRMKIT_ENV; a usage error when neither is given. */
export function envUrlFrom(
  option: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
): EnvUrl {
  const value = option ?? env.CRMKIT_ENV;
  if (value === undefined || value.trim() === '') {
    throw new CrmKitError(
      'USAGE',
      'give the environment with --env <url> or CRMKIT_ENV, e.g. https://contoso.crm4.dynamics.com',
    );
  }
  return parseEnvUrl(value);
}
