/**
 * The README's four lines from an environment and back (pull → translate → push), run as written
 * against the Dataverse stand-in: the address of its first line is the stand-in's, the comment
 * line is the translators' work (done here with SheetJS), and the `npx crmkit` lines run the
 * built CLI, the shell's glob expanded as a shell would.
 */
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { labelKey, type Label } from '../../src/labels/crm-xml/model';
import { readAll } from '../labels/crm-xml/support';
import { editWithSheetJs, XLSX } from '../labels/support';
import { startDataverse, type DataverseStandIn } from '../support/dataverse/server';
import { buildCli, root, runCli, workspace, type Workspace } from './support';

let dv: DataverseStandIn;
let ws: Workspace;

beforeAll(async () => {
  buildCli();
  dv = await startDataverse({
    jobDurationMs: 200,
    solutions: [{ uniqueName: 'ContosoSales', version: '1.2.0.0', translations: { labels: 40, seed: 11 } }],
  });
  ws = workspace('crmkit-push-readme-');
}, 60_000);

afterAll(async () => {
  await dv.close();
  ws.remove();
});

/** The shell block that follows "Straight from an environment" in the README. */
function readmeLines(): string[] {
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
  const at = readme.indexOf('Straight from an environment');
  const block = /```sh\n([\s\S]*?)```/.exec(readme.slice(at));
  if (at < 0 || block === null) throw new Error('the README has no pull → push example');
  return block[1]!.trimEnd().split('\n');
}

/** A command line's words, without its comment, with `*` expanded in `cwd` as sh does. */
function words(line: string, cwd: string): string[] {
  return line
    .replace(/\s+#.*$/, '')
    .trim()
    .split(/\s+/)
    .flatMap((word) => {
      if (!word.includes('*')) return [word];
      const folder = path.dirname(word);
      const pattern = new RegExp(`^${path.basename(word).replace(/\./g, '\\.').replace(/\*/g, '.*')}$`);
      return readdirSync(path.join(cwd, folder))
        .filter((name) => pattern.test(name))
        .sort()
        .map((name) => path.join(folder, name));
    });
}

interface Filled {
  key: string;
  lcid: number;
  text: string;
}

/** A translator's work: the first empty cells of each workbook filled with the base text and a mark. */
function translate(folder: string): Filled[] {
  const filled: Filled[] = [];
  for (const name of readdirSync(folder).filter((n) => n.endsWith('.xlsx'))) {
    const lcid = Number(/\.(\d+)\.xlsx$/.exec(name)?.[1]);
    editWithSheetJs(path.join(folder, name), (wb) => {
      const sheet = 'Localized Labels';
      const ws = wb.Sheets[sheet]!;
      const rows = XLSX.utils.sheet_to_json<string[]>(ws, { header: 1, raw: false, defval: '' });
      const header = rows[0] ?? [];
      const target = header.findIndex((h) => h.endsWith(`(${lcid})`));
      const base = header.findIndex((h) => h.endsWith('(1033)'));
      for (let r = 1, n = 0; r < rows.length && n < 3; r++) {
        const cells = rows[r]!;
        if (cells[target] !== '' || (cells[base] ?? '') === '') continue;
        const text = `${cells[base]} [${lcid}]`;
        ws[XLSX.utils.encode_cell({ r, c: target })] = { t: 's', v: text };
        const key = labelKey({ sheet, entity: cells[0]!, objectId: cells[1]!, column: cells[2]! });
        filled.push({ key, lcid, text });
        n++;
      }
    });
  }
  return filled;
}

async function labelsNow(): Promise<Map<string, Label>> {
  const { labels } = await readAll(dv.translations.xml('ContosoSales'));
  return new Map(labels.map((l) => [labelKey(l), l]));
}

it('the README pull → translate → push lands exactly what the translators typed', async () => {
  const dir = path.join(ws.dir, 'readme');
  mkdirSync(dir);
  const env: Record<string, string> = { ...ws.env, CRMKIT_TOKEN: dv.issueToken() };
  const before = await labelsNow();
  let filled: Filled[] = [];
  const lines = readmeLines();
  expect(lines).toHaveLength(4);
  for (const line of lines) {
    const exported = /^export CRMKIT_ENV=\S+/.exec(line);
    if (exported !== null) {
      env.CRMKIT_ENV = dv.url;
      continue;
    }
    if (line.startsWith('#')) {
      filled = translate(path.join(dir, 'for-translators'));
      continue;
    }
    const [npx, crmkit, ...args] = words(line, dir);
    expect([npx, crmkit]).toEqual(['npx', 'crmkit']);
    const r = await runCli(dir, args, env);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
  }
  expect(filled.length).toBeGreaterThanOrEqual(6);
  const after = await labelsNow();
  const expected = new Map([...before].map(([key, label]) => [key, new Map(label.texts)]));
  for (const f of filled) expected.get(f.key)!.set(f.lcid, f.text);
  expect(new Map([...after].map(([key, label]) => [key, label.texts]))).toEqual(expected);
  expect(dv.published).toBe(1);
});
