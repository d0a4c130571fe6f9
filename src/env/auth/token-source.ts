/**
 * Where the bearer token comes from, first match wins: CRMKIT_TOKEN as is; client credentials
 * (CRMKIT_CLIENT_ID + CRMKIT_CLIENT_SECRET + CRMKIT_TENANT_ID, scope `<env>/.default`); else the
 * device-code sign-in kept in the user's cache (`crmkit env login`), refreshed silently.
 */
import { ConfidentialClientApplication } from '@azure/msal-node';
import { CrmKitError } from '../../errors';
import type { EnvUrl } from '../url';
import { authError } from './auth-error';
import { authOptions, quietSystem } from './msal-config';
import { signedInToken } from './device-code';

type Env = Readonly<Record<string, string | undefined>>;

export type TokenKind = 'token' | 'client-credentials' | 'device-code';

export interface TokenSource {
  readonly kind: TokenKind;
  /** A token for the environment; `fresh` asks for a new one (after a 401). */
  getToken(fresh: boolean): Promise<string>;
}

export interface TokenSourceOptions {
  url: EnvUrl;
  env: Env;
  /** The public client of `env login` (device code only). */
  clientId?: string;
}

const clientVariables = ['CRMKIT_CLIENT_ID', 'CRMKIT_CLIENT_SECRET', 'CRMKIT_TENANT_ID'] as const;

function clientCredentials(
  o: TokenSourceOptions,
  clientId: string,
  secret: string,
  tenant: string,
): TokenSource {
  const app = new ConfidentialClientApplication({
    auth: { ...authOptions(o.env, clientId, tenant), clientSecret: secret },
    system: quietSystem,
  });
  const scopes = [`${o.url.origin}/.default`];
  return {
    kind: 'client-credentials',
    async getToken(fresh) {
      const result = await app
        .acquireTokenByClientCredential({ scopes, skipCache: fresh })
        .catch((e: unknown) => {
          throw authError(e, `client credentials of CRMKIT_CLIENT_ID ${clientId}`);
        });
      if (result === null)
        throw new CrmKitError('ENV_AUTH', 'the sign-in service gave no token for the client credentials');
      return result.accessToken;
    },
  };
}

export function tokenSource(o: TokenSourceOptions): TokenSource {
  const token = o.env.CRMKIT_TOKEN;
  if (token !== undefined && token.trim() !== '') {
    return { kind: 'token', getToken: () => Promise.resolve(token.trim()) };
  }
  const given = clientVariables.filter((name) => (o.env[name] ?? '') !== '');
  if (given.length === clientVariables.length) {
    return clientCredentials(
      o,
      o.env.CRMKIT_CLIENT_ID!,
      o.env.CRMKIT_CLIENT_SECRET!,
      o.env.CRMKIT_TENANT_ID!,
    );
  }
  if (given.length > 0 && !(given.length === 1 && given[0] === 'CRMKIT_TENANT_ID')) {
    const missing = clientVariables.filter((name) => !given.includes(name));
    throw new CrmKitError(
      'ENV_AUTH',
      `client credentials need ${missing.join(' and ')} too (${given.join(', ')} given)`,
    );
  }
  return {
    kind: 'device-code',
    getToken: (fresh) => signedInToken({ url: o.url, env: o.env, clientId: o.clientId, fresh }),
  };
}
