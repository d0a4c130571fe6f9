import { ExitCode } from '../errors';
import { exitOnInterrupt } from './interrupt';
import { processIo } from './io';
import { run } from './run';

// The process edge: the only place that touches process.exitCode and the signals.
exitOnInterrupt(
  // On a terminal the line starts below the progress line and the ^C the terminal echoed.
  (text) => process.stderr.write(process.stderr.isTTY ? `\n${text}` : text),
  (code) => process.exit(code),
);
/**
 * Ends the process once the command is over and its output is flushed: work a failure left
 * running (a reader still reading the input after its output failed) must not keep it alive.
 */
function end(code: number): void {
  process.exitCode = code;
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
}

run(process.argv.slice(2), processIo()).then(end, (e: unknown) => {
  process.stderr.write(
    `crmkit: internal error (please report): ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
  );
  end(ExitCode.internal);
});
