import { PassThrough } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Label, LabelSheet } from '../../../src/labels/crm-xml/model';
import { labelKey } from '../../../src/labels/crm-xml/model';
import { createWorkbookWriter } from '../../../src/labels/workbook/write';
import { BASE, FINGERPRINT, options, readBack, writeWorkbook } from './helpers';

const targets = [1049, 1026];

/** Characters Dynamics (XML 1.0) cannot hold are left out; everything else may appear. */
// eslint-disable-next-line no-control-regex -- exactly the characters XML 1.0 cannot carry
const xmlIllegal = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/u;
const pieces = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.constantFrom(
    ' ',
    '  ',
    '\n',
    '\r\n',
    '\t',
    '=',
    '=A1+1',
    '_x000D_',
    '_x005F_',
    '{0}',
    '&amp;',
    '<b>',
    '0042',
    '🚀',
    'ё',
  ),
);
const text = fc
  .array(pieces, { maxLength: 6 })
  .map((parts) => parts.join(''))
  .filter((t) => !xmlIllegal.test(t));
const id = fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 20 }).filter((t) => t.trim() === t);

const labelArb: fc.Arbitrary<Label> = fc
  .record({
    sheet: fc.constantFrom<LabelSheet>('Localized Labels', 'Display Strings'),
    entity: id,
    objectId: id,
    column: fc.constantFrom('LocalizedName', 'DisplayName', 'displayname', 'Description'),
    base: text.filter((t) => t !== ''),
    ru: text,
    bg: text,
  })
  .map((r) => ({
    sheet: r.sheet,
    entity: r.entity,
    objectId: r.objectId,
    column: r.sheet === 'Display Strings' ? '' : r.column,
    texts: new Map([
      [BASE, r.base],
      [1049, r.ru],
      [1026, r.bg],
    ]),
  }));

/** The label sheets the writer makes: those with labels (Display Strings first), at least one. */
function writtenSheets(labels: readonly Label[]): string[] {
  const written = (['Display Strings', 'Localized Labels'] as const).filter((s) =>
    labels.some((l) => l.sheet === s),
  );
  return written.length === 0 ? ['Localized Labels'] : written;
}

describe('write → read round trip', () => {
  it('brings back every key and text verbatim, with the row seen as unchanged', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(labelArb, { selector: labelKey, maxLength: 12 }), async (labels) => {
        const xlsx = await writeWorkbook(labels, options(targets));
        const { rows, result } = await readBack(xlsx);
        expect(result.problems).toEqual([]);
        expect(result.meta).toEqual({
          formatVersion: 1,
          sourceName: 'CrmTranslations.xml',
          fingerprint: FINGERPRINT,
          solutionName: 'ContosoSales',
          baseLcid: BASE,
          languages: targets,
          labelSheets: writtenSheets(labels),
        });
        expect(rows).toHaveLength(labels.length);
        for (const input of labels) {
          const row = rows.find((r) => labelKey(r) === labelKey(input));
          expect(row).toBeDefined();
          expect(row!.base).toBe(input.texts.get(BASE));
          expect(row!.texts.get(1049)).toBe(input.texts.get(1049));
          expect(row!.texts.get(1026)).toBe(input.texts.get(1026));
          expect(row!.unchangedSinceExport).toBe(true);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('writes a workbook that import recognises even when the file has no labels', async () => {
    const xlsx = await writeWorkbook([], options(targets));
    const { rows, result } = await readBack(xlsx);
    expect(rows).toEqual([]);
    expect(result.meta.languages).toEqual(targets);
  });

  it('keeps a workbook of only some languages to those languages', async () => {
    const labels: Label[] = [
      {
        sheet: 'Localized Labels',
        entity: 'account',
        objectId: '1',
        column: 'DisplayName',
        texts: new Map([
          [BASE, 'Name'],
          [1049, 'Имя'],
          [1026, 'Име'],
        ]),
      },
    ];
    const { rows, result } = await readBack(await writeWorkbook(labels, options([1026])));
    expect(result.meta.languages).toEqual([1026]);
    expect([...rows[0]!.texts]).toEqual([[1026, 'Име']]);
    expect([...rows[0]!.cells]).toEqual([[1026, 'F2']]);
  });

  it('reads back a sheet larger than one inflate chunk, multi-byte characters intact', async () => {
    const labels: Label[] = Array.from({ length: 4000 }, (_, i) => ({
      sheet: 'Localized Labels',
      entity: 'pl_salesorder',
      objectId: `id-${i}`,
      column: 'DisplayName',
      texts: new Map([
        [BASE, `Sales order line ${i}`],
        [1049, `Строка заказа ${i} 🚀 ${'ж'.repeat(i % 17)}`],
        [1026, i % 3 === 0 ? '' : `Ред ${i} — «поръчка» ${'ё'.repeat(i % 13)}`],
      ]),
    }));
    const xlsx = await writeWorkbook(labels, options(targets));
    const { rows, result } = await readBack(xlsx);
    expect(result.problems).toEqual([]);
    expect(rows).toHaveLength(labels.length);
    rows.forEach((row, i) => {
      expect(row.objectId).toBe(`id-${i}`);
      expect(row.texts.get(1049)).toBe(labels[i]!.texts.get(1049));
      expect(row.texts.get(1026)).toBe(labels[i]!.texts.get(1026));
    });
  });
});

describe('WorkbookWriter.drain', () => {
  it('can be awaited at any point, before a sheet, between rows and after the last row', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    const writer = createWorkbookWriter(out, options(targets));
    await writer.drain();
    writer.startSheet('Localized Labels');
    await writer.drain();
    for (let i = 0; i < 3000; i++) {
      writer.addRow({
        label: {
          sheet: 'Localized Labels',
          entity: 'account',
          objectId: `id-${i}`,
          column: 'DisplayName',
          texts: new Map([
            [BASE, `Text ${i}`],
            [1049, `Текст ${i}`],
          ]),
        },
      });
      if (i % 500 === 0) await writer.drain();
    }
    await writer.drain();
    await writer.finish(FINGERPRINT);
    const { rows } = await readBack(Buffer.concat(chunks));
    expect(rows.map((r) => r.texts.get(1049))).toEqual(Array.from({ length: 3000 }, (_, i) => `Текст ${i}`));
  });
});
