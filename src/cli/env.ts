/**
 * `crmkit env …`: check (who am I, the organization, missing privileges), login (device code) and
 * logout. Each action turns argv into one call of the environments library (src/env).
 */
import type { Command } from 'commander';
import { ExitCode } from '../errors';
import { languageOf } from '../languages/lcid';
import type { CommandGroup } from './commands';
import type { CommandContext } from './context';
import { envOptions, openEnv, type EnvCliOptions } from './env-session';
import { envUrlFrom, loadEnv, type EnvironmentReport } from './features';
import { jsonOption, quietOption } from './options';

const languageName = (lcid: number): string => `${lcid} ${languageOf(lcid)?.englishName ?? '(unknown)'}`;

function reportTable(r: EnvironmentReport): string {
  const privileges = Object.entries(r.missing).map(
    ([command, missing]) =>
      `  ${command}: ${missing.length === 0 ? 'ok' : `missing ${missing.join(', ')}`}\n`,
  );
  return (
    `Environment:    ${r.url}\n` +
    `Signed in as:   user ${r.userId} (business unit ${r.businessUnitId})\n` +
    `Organization:   ${r.organizationName} (${r.organizationId}), version ${r.version}\n` +
    `Base language:  ${languageName(r.baseLanguage)}\n` +
    `Languages:      ${r.languages.map(languageName).join(', ')}\n` +
    `Privileges:\n${privileges.join('')}`
  );
}

function registerCheck(parent: Command, ctx: CommandContext): void {
  const command = parent
    .command('check')
    .description('who you are in the environment, its organization and languages, and missing privileges');
  jsonOption(quietOption(envOptions(command)), 'the report as JSON').action(
    async (o: EnvCliOptions & { json?: boolean }) => {
      const { checkEnvironment } = await loadEnv();
      const report = await checkEnvironment(await openEnv(ctx, o));
      ctx.io.stdout(o.json === true ? `${JSON.stringify(report, null, 2)}\n` : reportTable(report));
      if (Object.values(report.missing).some((m) => m.length > 0)) ctx.setExitCode(ExitCode.findings);
    },
  );
}

function registerLogin(parent: Command, ctx: CommandContext): void {
  envOptions(
    parent.command('login').description('sign in with a device code; the token is kept for later commands'),
  ).action(async (o: EnvCliOptions) => {
    const url = envUrlFrom(o.env, ctx.io.env);
    const { login } = await loadEnv();
    const signedIn = await login({
      url,
      env: ctx.io.env,
      clientId: o.clientId,
      onCode: (message) => ctx.io.stderr(`${message}\n`),
    });
    ctx.io.stdout(
      `Signed in to ${url.origin} as ${signedIn.username}; the sign-in is kept in ${signedIn.cacheFile}\n`,
    );
  });
}

function registerLogout(parent: Command, ctx: CommandContext): void {
  parent
    .command('logout')
    .description('forget every sign-in of crmkit env login (removes the token cache)')
    .action(async () => {
      const { logout } = await loadEnv();
      const result = await logout(ctx.io.env);
      ctx.io.stdout(
        result.removed ? `Signed out: removed ${result.cacheFile}\n` : 'Not signed in: nothing to remove\n',
      );
    });
}

export const envCommands: CommandGroup = {
  name: 'env',
  description: 'Dynamics environments: check the connection and privileges, sign in and out',
  register: (parent, ctx) => {
    registerCheck(parent, ctx);
    registerLogin(parent, ctx);
    registerLogout(parent, ctx);
  },
};
