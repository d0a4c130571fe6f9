/**
 * The MSAL settings crmkit uses: the authority (Microsoft Entra ID, or CRMKIT_AUTHORITY_HOST for a
 * local token stand-in, which must be https, as MSAL requires), and a logger that says nothing, so
 * no token or secret can reach the output.
 */
import { LogLevel, type Configuration, type NodeAuthOptions } from '@azure/msal-node';
import { CrmKitError } from '../../errors';

type Env = Readonly<Record<string, string | undefined>>;

export const DEFAULT_AUTHORITY_HOST = 'https://login.microsoftonline.com';

/** Microsoft's public client id for Dataverse samples; `--client-id` changes it. */
export const DEFAULT_PUBLIC_CLIENT_ID = '51f81489-12ee-4a9e-aaae-a2591f45987d';

export function authorityHost(env: Env): string {
  const typed = env.CRMKIT_AUTHORITY_HOST;
  if (typed === undefined || typed === '') return DEFAULT_AUTHORITY_HOST;
  let url: URL;
  try {
    url = new URL(typed);
  } catch {
    throw new CrmKitError('ENV_AUTH', `CRMKIT_AUTHORITY_HOST ${typed}: not an address`);
  }
  if (url.protocol !== 'https:')
    throw new CrmKitError('ENV_AUTH', `CRMKIT_AUTHORITY_HOST ${typed}: must be https`);
  return url.origin;
}

/** The auth part of an MSAL configuration for `tenant` (a GUID, a domain or `organizations`). */
export function authOptions(env: Env, clientId: string, tenant: string): NodeAuthOptions {
  const host = authorityHost(env);
  const auth: NodeAuthOptions = { clientId, authority: `${host}/${encodeURIComponent(tenant)}` };
  // A host of our own is no Microsoft cloud: naming it a known authority skips the cloud's
  // instance discovery, and MSAL reads the host's own OpenID configuration.
  if (host !== DEFAULT_AUTHORITY_HOST) auth.knownAuthorities = [new URL(host).host];
  return auth;
}

export const quietSystem: Configuration['system'] = {
  loggerOptions: { logLevel: LogLevel.Error, piiLoggingEnabled: false, loggerCallback: () => undefined },
};
