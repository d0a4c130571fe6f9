/**
 * Interactive sign-in for people: `crmkit env login` runs MSAL's device-code flow and keeps the
 * result in the user's token cache (config-dir.ts); later commands take a token from it silently,
 * refreshing it when it expired. `crmkit env logout` removes the cache.
 */
import path from 'node:path';
import {
  PublicClientApplication,
  type AccountInfo,
  type ICachePlugin,
  type TokenCacheContext,
} from '@azure/msal-node';
import { CrmKitError } from '../../errors';
import type { EnvUrl } from '../url';
import { authError } from './auth-error';
import { configDir, readPrivate, removePrivate, writePrivate } from './config-dir';
import { authOptions, DEFAULT_PUBLIC_CLIENT_ID, quietSystem } from './msal-config';
import { accountFor, forgetSignIns, rememberSignIn } from './sign-ins';

type Env = Readonly<Record<string, string | undefined>>;

export const CACHE_FILE = 'msal-cache.json';

function cachePlugin(file: string): ICachePlugin {
  return {
    async beforeCacheAccess(context: TokenCacheContext) {
      const text = await readPrivate(file);
      if (text !== undefined) context.tokenCache.deserialize(text);
    },
    async afterCacheAccess(context: TokenCacheContext) {
      if (context.cacheHasChanged) await writePrivate(file, context.tokenCache.serialize());
    },
  };
}

function publicApp(env: Env, clientId: string): PublicClientApplication {
  const file = path.join(configDir(env), CACHE_FILE);
  return new PublicClientApplication({
    auth: authOptions(env, clientId, env.CRMKIT_TENANT_ID ?? 'organizations'),
    cache: { cachePlugin: cachePlugin(file) },
    system: quietSystem,
  });
}

const scopesFor = (url: EnvUrl): string[] => [`${url.origin}/user_impersonation`];

export interface LoginOptions {
  url: EnvUrl;
  env: Env;
  clientId?: string;
  /** Shows the sign-in service's instruction (open this page, enter this code). */
  onCode: (message: string) => void;
  signal?: AbortSignal;
}

export interface SignedIn {
  username: string;
  clientId: string;
  cacheFile: string;
}

export async function login(o: LoginOptions): Promise<SignedIn> {
  const clientId = o.clientId ?? DEFAULT_PUBLIC_CLIENT_ID;
  const app = publicApp(o.env, clientId);
  const request = {
    scopes: scopesFor(o.url),
    deviceCodeCallback: (r: { message: string }) => o.onCode(r.message),
  };
  const cancel = (): void => {
    (request as { cancel?: boolean }).cancel = true;
  };
  o.signal?.addEventListener('abort', cancel, { once: true });
  try {
    const result = await app.acquireTokenByDeviceCode(request).catch((e: unknown) => {
      throw authError(e, `device code for ${o.url.origin}`);
    });
    if (result?.account == null) throw new CrmKitError('ENV_AUTH', 'the sign-in service gave no account');
    await rememberSignIn(o.env, o.url.origin, { clientId, homeAccountId: result.account.homeAccountId });
    return {
      username: result.account.username,
      clientId,
      cacheFile: path.join(configDir(o.env), CACHE_FILE),
    };
  } finally {
    o.signal?.removeEventListener('abort', cancel);
  }
}

export interface SilentOptions {
  url: EnvUrl;
  env: Env;
  clientId?: string;
  fresh: boolean;
}

function notSignedIn(url: EnvUrl): CrmKitError {
  return new CrmKitError(
    'ENV_AUTH',
    `not signed in to ${url.origin}: run crmkit env login --env ${url.origin}, or set CRMKIT_TOKEN or CRMKIT_CLIENT_ID, CRMKIT_CLIENT_SECRET and CRMKIT_TENANT_ID`,
  );
}

/** A token from the cache of `env login`, refreshed when expired (or when `fresh`). */
export async function signedInToken(o: SilentOptions): Promise<string> {
  const remembered = await accountFor(o.env, o.url.origin);
  if (remembered === undefined) throw notSignedIn(o.url);
  const app = publicApp(o.env, o.clientId ?? remembered.clientId);
  const accounts = await app.getTokenCache().getAllAccounts();
  const account: AccountInfo | undefined = accounts.find((a) => a.homeAccountId === remembered.homeAccountId);
  if (account === undefined) throw notSignedIn(o.url);
  const result = await app
    .acquireTokenSilent({ account, scopes: scopesFor(o.url), forceRefresh: o.fresh })
    .catch((e: unknown) => {
      const error = authError(e, `the sign-in kept for ${o.url.origin}`);
      throw new CrmKitError('ENV_AUTH', `${error.message}; run crmkit env login --env ${o.url.origin} again`);
    });
  return result.accessToken;
}

/** Forgets every sign-in: removes the token cache. True when there was one. */
export async function logout(env: Env): Promise<{ removed: boolean; cacheFile: string }> {
  const file = path.join(configDir(env), CACHE_FILE);
  const removed = await removePrivate(file);
  const forgotten = await forgetSignIns(env);
  return { removed: removed || forgotten, cacheFile: file };
}
