/**
 * Per-language workbooks re-saved by LibreOffice Calc (`soffice --headless --convert-to xlsx`)
 * import with nothing changed, and `labels check` reads them like the file they came from.
 * Skips, saying why, only where soffice is missing (.ci/run installs libreoffice-calc-nogui).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  translationsXml,
  translationsZip,
  xmlOfZip,
  type FixtureLabel,
} from '../fixtures/crm-xml/translations';
import { convertWithLibreOffice, libreOfficeSkipReason } from '../support/libreoffice';
import { cliWorkspace } from './support';

const skipReason = libreOfficeSkipReason('LibreOffice re-save of per-language workbooks');
if (skipReason !== undefined) console.warn(skipReason);

const labels: FixtureLabel[] = [
  {
    sheet: 'Display Strings',
    entity: 'Messages',
    objectId: 'Deleted',
    texts: { 1033: 'Deleted {0} of {1}', 1049: 'Удалено {0} из {1}' },
  },
  { entity: 'account', objectId: 'a1', texts: { 1033: 'Two\r\nlines', 1049: 'Две\r\nстроки', 1026: '' } },
  {
    entity: 'account',
    objectId: 'a2',
    texts: { 1033: '  spaced  ', 1049: '  с пробелами  ', 1026: '  с интервали  ' },
  },
  { entity: 'account', objectId: 'a3', texts: { 1033: '=SUM(A1)', 1049: '=СУММ(A1)', 1026: '' } },
  { entity: 'account', objectId: 'a4', texts: { 1033: '00123', 1049: '00123', 1026: 'TRUE' } },
  { entity: 'account', objectId: 'a5', texts: { 1033: 'Fax', 1049: 'Fax', 1058: 'Факс' } },
];

/** Re-saves `file` (inside `dir`) with LibreOffice Calc; returns the copy's path relative to `dir`. */
async function resave(dir: string, file: string): Promise<string> {
  const outDir = path.join(dir, 'resaved');
  await mkdir(outDir, { recursive: true });
  await convertWithLibreOffice(dir, 'xlsx:Calc MS Excel 2007 XML', outDir, [path.join(dir, file)]);
  return path.join('resaved', path.basename(file));
}

describe.skipIf(skipReason !== undefined)('per-language workbooks re-saved by LibreOffice Calc', () => {
  let ru = '';
  let bg = '';
  const work = cliWorkspace('crmkit-qa-lo-');
  const { cli } = work;

  beforeAll(async () => {
    await writeFile(path.join(work.dir, 'Solution.zip'), await translationsZip(translationsXml(labels)));
    expect(
      (await cli('labels', 'export', 'Solution.zip', '--split', '--lang', '1049,1026', '-o', 'split')).code,
    ).toBe(0);
    ru = await resave(work.dir, 'split/Solution.1049.xlsx');
    bg = await resave(work.dir, 'split/Solution.1026.xlsx');
  }, 200_000);

  it('import with nothing changed: the XML comes back byte for byte', async () => {
    const { code, err } = await cli('labels', 'import', ru, bg, '--into', 'Solution.zip', '-o', 'out.zip');
    expect(err).toBe('');
    expect(code).toBe(0);
    const before = await xmlOfZip(await readFile(path.join(work.dir, 'Solution.zip')));
    const after = await xmlOfZip(await readFile(path.join(work.dir, 'out.zip')));
    expect(after).toBe(before);
  });

  it('check reads the re-saved workbook like the file it came from', async () => {
    const shape = (out: string): string[] =>
      (
        JSON.parse(out) as { problems: { severity: string; code: string; key: string; lcid: number }[] }
      ).problems
        .filter((p) => p.lcid === 1049 || p.lcid === 1033)
        .map((p) => `${p.severity} ${p.code} ${p.key} ${p.lcid}`);
    const fromZip = await cli('labels', 'check', 'Solution.zip', '--json');
    const fromRu = await cli('labels', 'check', ru, '--json');
    expect(shape(fromRu.out)).toEqual(shape(fromZip.out));
    expect(shape(fromRu.out)).toContain('warning same-as-base account / a5 / DisplayName 1049');
  });
});
