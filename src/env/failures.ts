/**
 * What went wrong talking to an environment, as one CrmKitError (exit 6): a connection that
 * failed (DNS, TLS, refused, dropped), or an error the Web API answered, with Dataverse's own code
 * and message (a missing privilege names the privilege).
 */
import { CrmKitError } from '../errors';
import {
  dataverseKindOf,
  hexCode,
  missingPrivilegeOf,
  normalizeDataverseCode,
} from '../widgets/shared/dataverse-codes';

const tlsCodes = /^(?:ERR_TLS_|CERT_|UNABLE_TO_|SELF_SIGNED_|DEPTH_ZERO_|ERR_SSL_|HOSTNAME_MISMATCH)/;

function causeCode(e: unknown): string | undefined {
  for (let c: unknown = e, depth = 0; c !== undefined && c !== null && depth < 5; depth++) {
    const code = (c as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    c = (c as { cause?: unknown }).cause;
  }
  return undefined;
}

/** A failed connection to `host`, in words. */
export function connectionError(e: unknown, host: string, reading = false): CrmKitError {
  const code = causeCode(e);
  let why: string;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') why = `cannot find the host ${host} (DNS)`;
  else if (code === 'ECONNREFUSED') why = `${host} refused the connection`;
  else if (code !== undefined && tlsCodes.test(code))
    why = `the TLS certificate of ${host} is not trusted (${code})`;
  else if (reading || code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || code === 'EPIPE')
    why = `the connection to ${host} was dropped${reading ? ' while reading the answer' : ''}`;
  else why = `cannot reach ${host}${code === undefined ? '' : ` (${code})`}`;
  return new CrmKitError('ENV_UNREACHABLE', why);
}

export interface ServiceAnswer {
  status: number;
  /** The parsed body, when it was JSON. */
  body: unknown;
  /** What was asked: `POST ImportTranslationAsync`. */
  what: string;
  host: string;
}

/** Dataverse's `{"error":{"code","message"}}`, or undefined when the body is not that. */
export function dataverseErrorOf(body: unknown): { code: number | undefined; message: string } | undefined {
  const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  if (typeof error !== 'object' || error === null || typeof error.message !== 'string') return undefined;
  return { code: normalizeDataverseCode(error.code), message: error.message.split('\n')[0]!.trim() };
}

export function serviceError(a: ServiceAnswer): CrmKitError {
  const error = dataverseErrorOf(a.body);
  if (error === undefined) {
    if (a.status === 401)
      return new CrmKitError('ENV_AUTH', `${a.host} refused the token (401) for ${a.what}`);
    return new CrmKitError(
      'ENV_UNREACHABLE',
      `${a.host} answered ${a.what} with HTTP ${a.status} and no Dataverse error: is it a Dynamics 365 environment?`,
    );
  }
  const code = error.code === undefined ? '' : ` ${hexCode(error.code)}`;
  const text = `${a.what}: HTTP ${a.status}${code}: ${error.message}`;
  if (a.status === 401) return new CrmKitError('ENV_AUTH', `${a.host} refused the token: ${text}`);
  if (dataverseKindOf(error) === 'privilege' || a.status === 403) {
    const privilege = missingPrivilegeOf(error.message);
    return new CrmKitError(
      'ENV_PRIVILEGE',
      `${privilege === undefined ? 'a privilege is missing' : `missing privilege ${privilege}`} (${text})`,
    );
  }
  return new CrmKitError('ENV_SERVICE', text);
}
