/**
 * Ctrl-C (SIGINT) and SIGTERM: the running command's temporary files are removed, one line says
 * so, and the process exits 130 (SIGINT) or 143 (SIGTERM), as shells report a signal (128 + n).
 */
import { abandonTempFilesSync } from '../fs/temp-files';

export const interruptExitCodes = { SIGINT: 130, SIGTERM: 143 } as const;

/** The line printed on interruption, given how many outputs were complete before it. */
export function interruptedLine(completed: number): string {
  return completed === 0
    ? 'crmkit: interrupted; nothing was written\n'
    : `crmkit: interrupted; ${completed} file(s) were complete and kept, the unfinished output was removed\n`;
}

let note: string | undefined;

/**
 * A line to add when interrupted while waiting for work that goes on without crmkit (an import
 * job in Dynamics: its id and how to check it later); undefined removes it.
 */
export function setInterruptNote(text: string | undefined): void {
  note = text;
}

/** Installs the handlers (the process edge calls this once). */
export function exitOnInterrupt(write: (text: string) => void, exit: (code: number) => never): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      const { completed } = abandonTempFilesSync();
      write(interruptedLine(completed));
      if (note !== undefined) write(note);
      exit(interruptExitCodes[signal]);
    });
  }
}
