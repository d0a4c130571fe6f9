import { ExitCode } from '../errors';
import { processIo } from './io';
import { run } from './run';

// The process edge: the only place that touches process.exitCode.
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
