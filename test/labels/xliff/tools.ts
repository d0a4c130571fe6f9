/**
 * Independent consumers of the XLIFF crmkit writes: xmllint against the OASIS schemas in
 * ../shared/xsd/xliff, Debian's translate-toolkit (pocount, pofilter) and python3's xml.etree.
 * Each is optional: a test that cannot run says why it skips.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const repoRoot = path.resolve(__dirname, '../../..');
export const XSD_FOLDER = path.resolve(repoRoot, '../shared/xsd/xliff');
export const SCHEMAS = { '1.2': 'xliff-core-1.2-strict.xsd', '2.0': 'xliff-core-2.0.xsd' } as const;

function runs(command: string, args: string[]): boolean {
  const r = spawnSync(command, args, { encoding: 'utf8' });
  return r.error === undefined;
}

function reason(command: string, what: string): string | undefined {
  return runs(command, ['--version']) ? undefined : `skipping: ${command} is not installed (${what})`;
}

export const xmllintSkip = !existsSync(path.join(XSD_FOLDER, SCHEMAS['1.2']))
  ? `skipping schema validation: ${XSD_FOLDER} does not exist (../shared is absent)`
  : reason('xmllint', 'Debian package libxml2-utils');
export const translateToolkitSkip = reason('pocount', 'Debian package translate-toolkit');
export const pythonSkip = reason('python3', 'Debian package python3');

for (const why of [xmllintSkip, translateToolkitSkip, pythonSkip]) if (why !== undefined) console.warn(why);

/** Writes `text` to a temporary file named `name`, runs `use` on its path, removes it. */
export function withFile<T>(name: string, text: string | Buffer, use: (file: string, dir: string) => T): T {
  const dir = mkdtempSync(path.join(tmpdir(), 'crmkit-xliff-'));
  try {
    const file = path.join(dir, name);
    writeFileSync(file, text);
    return use(file, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** xmllint's messages for `file` against the schema of `version` ('' when valid). */
export function schemaErrors(file: string, version: keyof typeof SCHEMAS): string {
  const r = spawnSync(
    'xmllint',
    ['--noout', '--nonet', '--schema', path.join(XSD_FOLDER, SCHEMAS[version]), file],
    { encoding: 'utf8' },
  );
  return r.status === 0 ? '' : r.stderr;
}

/** `pocount --short-strings`: translated, fuzzy and untranslated units as translate-toolkit counts them. */
export function pocount(file: string): {
  total: number;
  translated: number;
  fuzzy: number;
  untranslated: number;
} {
  const r = spawnSync('pocount', ['--no-color', '--short-strings', file], { encoding: 'utf8' });
  const m = /total:\s*(\d+)\s*\|\s*(\d+)t\s+(\d+)f\s+(\d+)u/.exec(r.stdout);
  if (m === null) throw new Error(`pocount printed no counts: ${r.stdout}${r.stderr}`);
  return { total: Number(m[1]), translated: Number(m[2]), fuzzy: Number(m[3]), untranslated: Number(m[4]) };
}

/** What `pofilter -t pythonbraceformat` reports ('' when it finds nothing). */
export function pofilterBraces(file: string, dir: string): string {
  const out = path.join(dir, 'pofilter-out.xlf');
  const r = spawnSync('pofilter', ['--progress=none', '-t', 'pythonbraceformat', file, out], {
    encoding: 'utf8',
  });
  if (r.error !== undefined) throw r.error;
  // It writes the units that fail, each with a note naming the check, and nothing when none does.
  if (!existsSync(out)) return '';
  return (readFileSync(out, 'utf8').match(/pythonbraceformat[^<]*/g) ?? []).join('\n');
}

/** Runs a python3 program with `args`; returns its stdout, throwing with stderr on failure. */
export function python(program: string, ...args: string[]): string {
  const r = spawnSync('python3', ['-c', program, ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`python3 failed: ${r.stderr}`);
  return r.stdout;
}
