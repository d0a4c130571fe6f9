/**
 * Which account and public client signed in to which environment (`env login`), so later
 * commands find the account in MSAL's cache without being told. No token is kept here.
 */
import path from 'node:path';
import { configDir, readPrivate, removePrivate, writePrivate } from './config-dir';

type Env = Readonly<Record<string, string | undefined>>;

export interface SignIn {
  clientId: string;
  homeAccountId: string;
}

const FILE = 'sign-ins.json';
const fileOf = (env: Env): string => path.join(configDir(env), FILE);

async function readAll(env: Env): Promise<Record<string, SignIn>> {
  const text = await readPrivate(fileOf(env));
  if (text === undefined) return {};
  try {
    const parsed = JSON.parse(text) as unknown;
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, SignIn>) : {};
  } catch {
    return {};
  }
}

export async function accountFor(env: Env, origin: string): Promise<SignIn | undefined> {
  const found = (await readAll(env))[origin];
  return typeof found?.clientId === 'string' && typeof found.homeAccountId === 'string' ? found : undefined;
}

export async function rememberSignIn(env: Env, origin: string, signIn: SignIn): Promise<void> {
  const all = await readAll(env);
  all[origin] = signIn;
  await writePrivate(fileOf(env), `${JSON.stringify(all, null, 2)}\n`);
}

export function forgetSignIns(env: Env): Promise<boolean> {
  return removePrivate(fileOf(env));
}
