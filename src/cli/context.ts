import path from 'node:path';
import type { CliIo } from './io';
import type { ExitCode } from '../errors';
import type { NamedFile } from '../fs/open-input';

/** Handed to every command: the io and a place to put the exit status of a check. */
export interface CommandContext {
  io: CliIo;
  /** Sets the exit status without throwing (e.g. a check that found errors). */
  setExitCode: (code: ExitCode) => void;
  /** Resolves a user-given path against the io's working folder. */
  resolve: (p: string) => string;
  /** A file named on the command line: resolved, and named in messages as the user typed it. */
  file: (typed: string) => NamedFile;
}

export function createContext(io: CliIo, onExit: (code: ExitCode) => void): CommandContext {
  const resolve = (p: string): string => path.resolve(io.cwd, p);
  return {
    io,
    setExitCode: onExit,
    resolve,
    file: (typed) => ({ path: resolve(typed), name: typed }),
  };
}
