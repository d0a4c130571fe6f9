import { ExitCode } from '../errors';
import { exitOnInterrupt } from './interrupt';
import { processIo } from './io';
import { run } from './run';

// The process edge: the only place that touches process.exitCode and the signals.
exitOnInterrupt(
  (text) => process.stderr.write(text),
  (code) => process.exit(code),
);
run(process.argv.slice(2), processIo()).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(
      `crmkit: internal error (please report): ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
    );
    process.exitCode = ExitCode.internal;
  },
);
