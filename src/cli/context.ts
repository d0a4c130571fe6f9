import path from 'node:path';
import type { CliIo } from './io';
import type { ExitCode } from '../errors';

/** Handed to every command: the io and a place to put the exit status of a check. */
export interface CommandContext {
  io: CliIo;
  /** Sets the exit status without throwing (e.g. a check that found errors). */
  setExitCode: (code: ExitCode) => void;
  /** Resolves a user-given path against the io's working folder. */
  resolve: (p: string) => string;
}

export function createContext(io: CliIo, onExit: (code: ExitCode) => void): CommandContext {
  return {
    io,
    setExitCode: onExit,
    resolve: (p) => path.resolve(io.cwd, p),
  };
}
