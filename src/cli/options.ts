/**
 * Options several commands share, declared once: each function adds the option to a command.
 * And the parsers of option values (sizes, language lists, counts).
 */
import type { Command } from 'commander';
import { CrmKitError } from '../errors';
import type { Lcid } from '../labels';

/** `1049,1026` → [1049, 1026]. */
export function parseLanguages(value: string): Lcid[] {
  const parts = value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (parts.length === 0 || parts.some((p) => !/^\d{4,5}$/.test(p))) {
    throw new CrmKitError(
      'USAGE',
      `--lang ${value}: expected language codes separated by commas, e.g. 1049,1026`,
    );
  }
  return [...new Set(parts.map(Number))];
}

/** `2GiB`, `500MB`, `1.5G`, `1073741824` → bytes. */
export function parseSize(value: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([KMGT]?)(i?B)?\s*$/i.exec(value);
  if (m === null)
    throw new CrmKitError('USAGE', `--max-size ${value}: expected a size such as 2GiB or 500MB`);
  const unit = { '': 0, K: 1, M: 2, G: 3, T: 4 }[(m[2] ?? '').toUpperCase()] ?? 0;
  return Math.floor(Number(m[1]) * 1024 ** unit);
}

/** A whole number given to `flag`. */
export function parseCount(value: string, flag: string): number {
  if (!/^\d+$/.test(value)) throw new CrmKitError('USAGE', `${flag} ${value}: expected a whole number`);
  return Number(value);
}

/** `--max-size <size>`, default 1GiB: read with `parseSize`. */
export function maxSizeOption(command: Command): Command {
  return command.option('--max-size <size>', 'largest XML accepted inside a zip, e.g. 2GiB', '1GiB');
}

/** `--quiet`: no progress line. */
export function quietOption(command: Command): Command {
  return command.option('--quiet', 'no progress line');
}

/** `--json`, printing what `shape` says instead of a table. */
export function jsonOption(command: Command, shape: string): Command {
  return command.option('--json', `print ${shape} instead of a table`);
}

/** `--lang <lcids>`: read with `parseLanguages`. */
export function langOption(command: Command, description: string): Command {
  return command.option('--lang <lcids>', description);
}
