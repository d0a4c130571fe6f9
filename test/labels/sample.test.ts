import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BUNDLED_SAMPLE, writeSampleFile } from '../../src/labels/sample-file';
import { sampleLabels } from '../../src/labels/crm-xml/sample';
import { tempDir, removeTempDirs } from './support';

afterAll(removeTempDirs);

const root = path.resolve(import.meta.dirname, '../..');

describe('the sample generator', () => {
  it('regenerates the committed sample zip byte for byte (run `npm run sample` after changing it)', async () => {
    const out = path.join(tempDir(), 'sample.zip');
    await writeSampleFile(out, BUNDLED_SAMPLE.options);
    expect(readFileSync(out).equals(readFileSync(path.join(root, BUNDLED_SAMPLE.path)))).toBe(true);
  });

  it('covers tables, plural names, columns, choices, forms, views, ribbon and messages with placeholders', () => {
    const labels = [...sampleLabels(BUNDLED_SAMPLE.options)];
    const columns = new Set(labels.map((l) => l.column));
    for (const c of [
      'LocalizedName',
      'LocalizedCollectionName',
      'DisplayName',
      'Description',
      'displayname',
      'name',
      'LocLabel',
      'friendlyname',
    ]) {
      expect(columns).toContain(c);
    }
    expect(labels.some((l) => l.sheet === 'Display Strings' && /\{0\}/.test(l.texts.get(1033) ?? ''))).toBe(
      true,
    );
    expect(labels.some((l) => l.entity === 'RibbonCustomization')).toBe(true);
  });

  it('translates partly, with real Russian, Bulgarian and Ukrainian text', () => {
    const labels = [...sampleLabels(BUNDLED_SAMPLE.options)];
    const share = (lcid: number) =>
      labels.filter((l) => (l.texts.get(lcid) ?? '') !== '').length / labels.length;
    expect(share(1049)).toBeGreaterThan(0.6);
    expect(share(1058)).toBeLessThan(0.5);
    const account = labels.find((l) => l.entity === 'account' && l.column === 'LocalizedName')!;
    expect(
      [account.texts.get(1049), account.texts.get(1026), account.texts.get(1058)].filter((t) => t !== ''),
    ).toEqual(expect.arrayContaining([expect.stringMatching(/^(Организация|Фирма|Організація)$/)]));
  });
});
