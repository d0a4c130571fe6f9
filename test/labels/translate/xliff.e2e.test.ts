/**
 * `labels translate` on XLIFF 1.2 and 2.0: machine translations get the review states the spec
 * names, the files still validate against the OASIS schemas, check counts them, and they import.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkLabels, exportLabels, importLabels, translateLabels } from '../../../src/labels';
import { readXliff } from '../../../src/labels/xliff';
import { translationsXml, translationsZip, xmlOfZip } from '../../fixtures/crm-xml/translations';
import { startDeepl, type DeeplStandIn } from '../../support/mt/deepl';
import { LABELS } from './support';

const XSD = '/work/shared/xsd/xliff';
let dir: string;
let deepl: DeeplStandIn;
const file = (name: string) => ({ path: path.join(dir, name), name });

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'crmkit-mt-xliff-'));
  deepl = await startDeepl('xliff-key');
  await writeFile(
    path.join(dir, 'Solution.zip'),
    await translationsZip(translationsXml(LABELS, { languages: [1033, 1049] })),
  );
});
afterAll(async () => {
  await deepl.close();
  await rm(dir, { recursive: true, force: true });
});

describe.each([
  ['1.2', 'ru.xlf', 'xliff-core-1.2-strict.xsd', 'needs-review-translation', 'mt-suggestion'],
  ['2.0', 'ru20.xlf', 'xliff-core-2.0.xsd', 'translated', 'crmkit:mt'],
] as const)('XLIFF %s', (version, name, xsd, state, qualifier) => {
  beforeAll(async () => {
    await exportLabels({ input: file('Solution.zip'), output: file(name), xliffVersion: version });
    await translateLabels({
      inputs: [file(name)],
      provider: 'deepl',
      env: { DEEPL_API_KEY: 'xliff-key', DEEPL_API_URL: deepl.url },
      date: '2026-12-03',
    });
  });

  it('marks each machine translation for review with a note, and keeps the translator text as it was', async () => {
    const read = readXliff(await readFile(path.join(dir, name), 'utf8'), name);
    const a2 = read.units.find((u) => u.key?.objectId === 'a2')!;
    expect(a2).toMatchObject({ target: '[RU] Save {0} of {1}', state, qualifier });
    expect(a2.notes).toContain('machine translation: deepl, 2026-12-03');
    const a4 = read.units.find((u) => u.key?.objectId === 'a4')!;
    expect(a4.target).toBe('Закрыть');
    expect(a4.qualifier).toBeUndefined();
  });

  it.skipIf(!existsSync(path.join(XSD, xsd)))('still validates against the OASIS schema', () => {
    expect(() =>
      execFileSync('xmllint', ['--noout', '--nonet', '--schema', path.join(XSD, xsd), path.join(dir, name)], {
        stdio: 'pipe',
      }),
    ).not.toThrow();
  });

  it('is counted by labels check as holding unreviewed machine translations', async () => {
    const result = await checkLabels({ input: file(name) });
    const mt = result.problems.filter((p) => p.code === 'machine-translation-unreviewed');
    expect(mt.map((p) => `${p.sheet} ${p.key}`).sort()).toEqual([
      'Display Strings 1 cell(s)',
      'Localized Labels 5 cell(s)',
    ]);
  });

  it('imports the machine translations into the zip', async () => {
    const out = `from-${version}.zip`;
    await importLabels({ workbooks: [file(name)], into: file('Solution.zip'), output: file(out) });
    const xml = await xmlOfZip(await readFile(path.join(dir, out)));
    expect(xml).toContain('[RU] Click &lt;b&gt;Save&lt;/b&gt; &amp; close');
  });
});
