import { Command, CommanderError } from 'commander';
import { CrmKitError, ExitCode } from '../errors';
import { createContext, type CommandContext } from './context';
import type { CliIo } from './io';
import { commandGroups } from './commands';
import { VERSION } from '../version';
import { failureText, isFileSystemError } from '../fs/write-error';

/**
 * `crmkit help labels export` as `crmkit labels export --help`: commander's own help command
 * knows only the first level, and would print the help of `labels`.
 */
function helpAsOption(argv: readonly string[]): string[] {
  return argv[0] === 'help' ? [...argv.slice(1), '--help'] : [...argv];
}

/**
 * The whole CLI as a function: parses argv (without node and script), runs the command,
 * and returns the exit code. User errors become one line on stderr; nothing here exits the process.
 */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  let exitCode: number = ExitCode.ok;
  const ctx: CommandContext = createContext(io, (code) => {
    exitCode = Math.max(exitCode, code);
  });

  const program = new Command('crmkit')
    .description('Dynamics 365 / Dataverse toolkit: label workbooks, solution packaging')
    .version(VERSION, '-V, --version', 'print the version of crmkit')
    .enablePositionalOptions()
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout(s),
      writeErr: (s) => io.stderr(s),
      outputError: (s, write) => write(s),
    })
    .showHelpAfterError('(run with --help for usage)');

  for (const group of commandGroups) {
    group.register(program.command(group.name).description(group.description).exitOverride(), ctx);
  }

  try {
    await program.parseAsync(helpAsOption(argv), { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.exitCode === 0) return ExitCode.ok;
      return ExitCode.usage;
    }
    return reportFailure(e, io);
  }
  return exitCode;
}

/**
 * A failed command: a CrmKitError as its one line (and its problems), an unexplained file-system
 * failure as one line with exit 5 (not a bug); anything else is a bug and is thrown on.
 */
export function reportFailure(e: unknown, io: Pick<CliIo, 'stderr'>): ExitCode {
  if (e instanceof CrmKitError) {
    io.stderr(`crmkit: ${e.message}\n`);
    for (const p of e.problems) io.stderr(`  ${p.where}: ${p.message}\n`);
    return e.exitCode;
  }
  if (isFileSystemError(e)) {
    const where = (e as { path?: unknown }).path;
    io.stderr(`crmkit: ${typeof where === 'string' ? `${where}: ` : ''}${failureText(e)}\n`);
    return ExitCode.failure;
  }
  throw e;
}
