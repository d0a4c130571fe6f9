/** `labels translate --provider deepl` end to end against the strict DeepL stand-in. */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import JSZip from 'jszip';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { translateLabels } from '../../../src/labels';
import { MACHINE_FILL_ARGB } from '../../../src/labels/workbook/styles';
import { translationsXml, translationsZip, xmlOfZip } from '../../fixtures/crm-xml/translations';
import { startDeepl, type DeeplStandIn } from '../../support/mt/deepl';
import { editWithSheetJs, findCell, setText, XLSX } from '../support';
import { copyOf, crmkitWithEnv, rowsOf, textOf, workbookIn } from './support';

const KEY = 'deepl-secret-key-1234:fx';
let dir: string;
let deepl: DeeplStandIn;
let book: string;
let n = 0;
const env = (): Record<string, string> => ({ DEEPL_API_KEY: KEY, DEEPL_API_URL: deepl.url });
const fresh = (): Promise<string> => copyOf(book, `case-${++n}.xlsx`);
/** `crmkit labels translate <file> --provider deepl …` with the environment given. */
const runTranslate = (environment: Record<string, string>, file: string, ...more: string[]) =>
  crmkitWithEnv(dir, environment, 'labels', 'translate', file, '--provider', 'deepl', ...more);

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'crmkit-deepl-'));
  deepl = await startDeepl(KEY);
  book = await workbookIn(dir);
});
afterAll(async () => {
  await deepl.close();
  await rm(dir, { recursive: true, force: true });
});
beforeEach(() => {
  deepl.requests.length = 0;
  deepl.behaviour.misbehave = 'none';
});

describe('labels translate --provider deepl', () => {
  it('fills only the empty cells, once per distinct base text, with placeholders and markup intact', async () => {
    const file = await fresh();
    const r = await runTranslate(env(), path.basename(file));
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const rows = await rowsOf(file);
    expect(textOf(rows, 'a1')).toBe('[RU] Account name');
    expect(textOf(rows, 'c1')).toBe('[RU] Account name');
    expect(textOf(rows, 'a2')).toBe('[RU] Save {0} of {1}');
    expect(textOf(rows, 'a3')).toBe('[RU] Click <b>Save</b> & close');
    expect(textOf(rows, 'a4')).toBe('Закрыть');
    expect(textOf(rows, 'm1')).toBe('[RU] Saved {0}');
    const sent = deepl.requests.flatMap((q) => (q.body as { text: string[] }).text);
    expect(sent.filter((t) => t === 'Account name')).toHaveLength(1);
    expect(sent).toContain('Click <x id="1"/>Save<x id="2"/> &amp; close');
    expect(deepl.requests[0]!.headers.authorization).toBe(`DeepL-Auth-Key ${KEY}`);
    expect(r.out).not.toContain(KEY);
  });
});

describe('reviewing machine translations', () => {
  let translated: string;
  beforeAll(async () => {
    translated = await fresh();
    const r = await runTranslate(env(), path.basename(translated), '--quiet');
    expect(r.code).toBe(0);
  });

  it('marks each machine translation with its own fill and a note naming the service and date', async () => {
    const wb = XLSX.read(await readFile(translated), { type: 'buffer', cellStyles: true });
    const ws = wb.Sheets['Localized Labels']!;
    const cell = findCell(wb, {
      sheet: 'Localized Labels',
      objectId: 'a1',
      column: 'DisplayName',
      lcid: 1049,
    });
    const noteOf = (ref: string): string | undefined => (ws[ref] as XLSX.CellObject | undefined)?.c?.[0]?.t;
    const comment = noteOf(cell);
    expect(comment).toBe(`machine translation: deepl, ${new Date().toISOString().slice(0, 10)}`);
    const kept = findCell(wb, {
      sheet: 'Localized Labels',
      objectId: 'a4',
      column: 'DisplayName',
      lcid: 1049,
    });
    expect(noteOf(kept)).toBeUndefined();
    const zipped = await JSZip.loadAsync(await readFile(translated));
    expect(await zipped.file('xl/styles.xml')!.async('string')).toContain(MACHINE_FILL_ARGB);
  });

  it('labels check counts the unreviewed machine translations per sheet as a warning, or an error with --no-unreviewed-mt', async () => {
    const name = path.basename(translated);
    const warn = await crmkitWithEnv(dir, {}, 'labels', 'check', name, '--json', '--quiet');
    const problems = (
      JSON.parse(warn.out) as { problems: { severity: string; code: string; sheet: string; key: string }[] }
    ).problems;
    const mt = problems.filter((p) => p.code === 'machine-translation-unreviewed');
    expect(mt.map((p) => `${p.severity} ${p.sheet} ${p.key}`).sort()).toEqual([
      'warning Display Strings 1 cell(s)',
      'warning Localized Labels 5 cell(s)',
    ]);
    expect(warn.code).toBe(0);
    const strict = await crmkitWithEnv(dir, {}, 'labels', 'check', name, '--no-unreviewed-mt', '--quiet');
    expect(strict.code).toBe(1);
    expect(strict.out).toMatch(/error\s+machine-translation-unreviewed/);
  });

  it('counts a text a translator changed as reviewed, also after translating the workbook again', async () => {
    const edited = await copyOf(translated, 'edited.xlsx');
    editWithSheetJs(edited, (wb) => {
      setText(
        wb,
        { sheet: 'Localized Labels', objectId: 'a2', column: 'DisplayName', lcid: 1049 },
        'Сохранить {0} из {1}',
      );
    });
    const again = await runTranslate(env(), 'edited.xlsx', '--quiet');
    expect(again.out).toContain('0 cell(s) machine translated');
    const rows = await rowsOf(edited);
    expect(rows.find((r) => r.objectId === 'a2')?.machine?.get(1049)).toBeUndefined();
    expect(rows.filter((r) => r.machine?.get(1049)?.reviewed === false)).toHaveLength(5);
  });

  it('imports the machine translations into the zip like texts a translator typed', async () => {
    const r = await crmkitWithEnv(
      dir,
      {},
      'labels',
      'import',
      path.basename(translated),
      '--into',
      'Solution.zip',
      '-o',
      'out.zip',
      '--quiet',
    );
    expect(r.err).toBe('');
    expect(r.out).toContain('6 label text(s) changed');
    const xml = await xmlOfZip(await readFile(path.join(dir, 'out.zip')));
    expect(xml).toContain('[RU] Save {0} of {1}');
    expect(xml).toContain('Закрыть');
  });
});

describe('errors DeepL answers', () => {
  it('reports an exhausted quota (456) at once, without retrying, and changes no file', async () => {
    const file = await fresh();
    const before = await readFile(file);
    deepl.failNext(456, 1);
    const r = await runTranslate(env(), path.basename(file), '--quiet');
    expect(r.code).toBe(5);
    expect(r.err).toBe(
      'crmkit: deepl, batch 1 of 1, language 1049: the character quota is used up (HTTP 456): Quota exceeded\n',
    );
    expect(deepl.requests).toHaveLength(1);
    expect(await readFile(file)).toEqual(before);
  });

  it("waits as long as a 429 answer's Retry-After says before trying again", async () => {
    const file = await fresh();
    deepl.failNext(429, 1, { 'Retry-After': '1' });
    const started = Date.now();
    await translateLabels({
      inputs: [{ path: file, name: path.basename(file) }],
      provider: 'deepl',
      env: env(),
      retry: { baseDelayMs: 1 },
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(deepl.requests.filter((q) => q.path === '/v2/translate')).toHaveLength(2);
  });

  it('names the missing key variable and sends nothing', async () => {
    const file = await fresh();
    const r = await runTranslate({ DEEPL_API_URL: deepl.url }, path.basename(file));
    expect(r.code).toBe(2);
    expect(r.err).toBe('crmkit: --provider deepl: set DEEPL_API_KEY in the environment\n');
    expect(deepl.requests).toHaveLength(0);
  });

  it('refuses plain http to another machine, where the key would travel in clear', async () => {
    const file = await fresh();
    const r = await runTranslate(
      { DEEPL_API_KEY: KEY, DEEPL_API_URL: 'http://example.com' },
      path.basename(file),
    );
    expect(r.code).toBe(2);
    expect(r.err).toContain('DEEPL_API_URL: http://example.com is not https');
  });
});

describe('glossaries through DeepL', () => {
  it('creates a DeepL glossary for the run, translates with it and deletes it afterwards', async () => {
    const file = await fresh();
    const glossary = path.join(__dirname, '../../fixtures/glossary/terms.tbx');
    const r = await runTranslate(env(), path.basename(file), '--glossary', glossary, '--quiet');
    expect(r.err).toBe('');
    const created = deepl.requests.find((q) => q.path === '/v2/glossaries' && q.method === 'POST');
    expect(created?.body).toMatchObject({ source_lang: 'en', target_lang: 'ru', entries_format: 'tsv' });
    const translate = deepl.requests.find((q) => q.path === '/v2/translate');
    expect(translate?.body).toMatchObject({ glossary_id: 'g-1', source_lang: 'EN' });
    expect(deepl.requests.at(-1)).toMatchObject({ method: 'DELETE', path: '/v2/glossaries/g-1' });
    expect(deepl.glossaries.size).toBe(0);
    expect(textOf(await rowsOf(file), 'a1')).toBe('[RU] Организация name');
  });
});

describe('answers that lose a placeholder', () => {
  it('are refused with one line per text naming the cells, which stay empty', async () => {
    deepl.behaviour.misbehave = 'drop-tags';
    const file = await fresh();
    const name = path.basename(file);
    const r = await runTranslate(env(), name, '--quiet');
    expect(r.code).toBe(0);
    expect(r.err).toContain(
      `refused: ${name} › Localized Labels!F3 (1049): the deepl translation of "Save {0} of {1}" has lost {0} {1}; left empty\n`,
    );
    expect(textOf(await rowsOf(file), 'a2')).toBe('');
  });
});

describe('memory before the service', () => {
  it('fills from a past translation first, marked as memory, and sends only the rest', async () => {
    const file = await fresh();
    const old = [
      { entity: 'x', objectId: 'old', column: 'DisplayName', texts: { 1033: 'Step %1', 1049: 'Шаг %1' } },
    ];
    await writeFile(
      path.join(dir, 'old.zip'),
      await translationsZip(translationsXml(old, { languages: [1033, 1049] })),
    );
    const r = await runTranslate(env(), path.basename(file), '--memory', 'old.zip', '--quiet');
    expect(r.out).toContain('5 cell(s) machine translated by deepl (1049: 5), 1 from memory or glossary');
    const rows = await rowsOf(file);
    expect(textOf(rows, 'c2')).toBe('Шаг %1');
    expect(rows.find((row) => row.objectId === 'c2')?.machine).toBeUndefined();
    const sent = deepl.requests.flatMap((q) => (q.body as { text: string[] }).text);
    expect(sent).not.toContain('Step %1');
  });
});
