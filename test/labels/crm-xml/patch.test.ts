import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { labelKey, type Lcid } from '../../../src/labels/crm-xml/model';
import { sampleXml } from '../../../src/labels/crm-xml/sample';
import { fixture, fixtures, minimalXml, patchAll, readAll, row, textsByKey } from './support';

const LL = 'Localized Labels' as const;
const key = (
  entity: string,
  objectId: string,
  column: string,
  sheet: 'Localized Labels' | 'Display Strings' = LL,
) => labelKey({ sheet, entity, objectId, column });

/** The edits the golden file was made with. */
const goldenEdits = new Map<string, Map<Lcid, string>>([
  [
    key('pl_salesorder', '02efc0ba-f85d-f011-bec2-000d3aa38385', 'LocalizedName'),
    new Map([
      [1049, 'Заказ & продажа <новый>'],
      [1026, 'Поръчка за продажба'],
    ]),
  ],
  [
    key('pl_salesorder', '12efc0ba-f85d-f011-bec2-000d3aa38385', 'LocalizedCollectionName'),
    new Map([
      [1049, 'Заказы на продажу'],
      [1026, 'Поръчки за продажба'],
    ]),
  ],
  [key('pl_salesorder', '22efc0ba-f85d-f011-bec2-000d3aa38385', 'DisplayName'), new Map([[1058, 'Умови']])],
  [key('pl_salesorder', '32efc0ba-f85d-f011-bec2-000d3aa38385', 'DisplayName'), new Map([[1049, 'Год']])],
  [
    key('pl_salesorder', 'pl_salesorder.SaveMessage', '', 'Display Strings'),
    new Map([[1049, 'Заказ {0} сохранён.\nИтого: {1}']]),
  ],
]);

const sample = Buffer.from([...sampleXml({ labels: 200 })].join(''), 'utf8');
const allFixtures: [string, Buffer][] = [
  ['excel-resaved.xml', fixture('excel-resaved.xml')],
  ['generated Dynamics-style file', sample],
  ['minimal file without BOM', Buffer.from(minimalXml(row('a', 'b', 'c', 'x', 'y')))],
];

describe('patching CrmTranslations.xml', () => {
  it.each(allFixtures)('writes %s back byte for byte when nothing changed', async (_name, bytes) => {
    const out = await patchAll(bytes, new Map());
    expect(out.equals(bytes)).toBe(true);
  });

  it('rewrites only the edited cells of an Excel re-saved file (golden)', async () => {
    const out = await patchAll(fixture('excel-resaved.xml'), goldenEdits, 100);
    const golden = path.join(fixtures, 'excel-resaved.patched.xml');
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(golden, out);
    expect(out.toString('utf8')).toBe(readFileSync(golden, 'utf8'));
  });

  it('puts every edit into its language and leaves every other text as it was', async () => {
    const before = textsByKey((await readAll(fixture('excel-resaved.xml'))).labels);
    const after = textsByKey(
      (await readAll(await patchAll(fixture('excel-resaved.xml'), goldenEdits))).labels,
    );
    for (const [k, texts] of before) {
      const expected = { ...texts };
      for (const [lcid, text] of goldenEdits.get(k) ?? []) expected[String(lcid)] = text;
      expect(after.get(k)).toEqual(expected);
    }
  });

  it('inserts a cell left out by Excel with an ss:Index and keeps the following cell in its column', async () => {
    const out = (await patchAll(fixture('excel-resaved.xml'), goldenEdits)).toString('utf8');
    expect(out).toContain(
      '<Cell ss:StyleID="s63"><Data ss:Type="String">Sales Orders</Data></Cell>\r\n    ' +
        '<Cell ss:StyleID="s63"><Data ss:Type="String">Заказы на продажу</Data></Cell>' +
        '<Cell ss:StyleID="s63"><Data ss:Type="String">Поръчки за продажба</Data></Cell>' +
        '<Cell ss:StyleID="s63" ss:Index="7">',
    );
    expect(out).toContain(
      '&lt;draft&gt;</Data></Cell>\r\n   <Cell ss:StyleID="s63" ss:Index="7"><Data ss:Type="String">Умови</Data></Cell></Row>',
    );
  });

  it('escapes &, <, > and writes line breaks as &#10; / &#13;', async () => {
    const xml = minimalXml(row('a', 'b', 'c', 'base', ''));
    const out = await patchAll(xml, new Map([[key('a', 'b', 'c'), new Map([[1049, 'x & <y>\r\nz']])]]));
    expect(out.toString('utf8')).toContain('<Data ss:Type="String">x &amp; &lt;y&gt;&#13;&#10;z</Data>');
  });

  it('replaces a rich-text Data but keeps the cell comment', async () => {
    const out = (await patchAll(fixture('excel-resaved.xml'), goldenEdits)).toString('utf8');
    expect(out).toContain(
      '<Cell ss:StyleID="s63"><Data ss:Type="String">Год</Data><Comment ss:Author="Reviewer"><ss:Data xmlns="http://www.w3.org/TR/REC-html40"><B>Reviewer:</B> check</ss:Data></Comment>',
    );
  });

  it('puts a Data into a cell that has none, keeping its attributes', async () => {
    const xml = minimalXml(
      '<Row>' + row('a', 'b', 'c', 'base').slice(5, -6) + '<Cell ss:StyleID="s24"></Cell></Row>',
    );
    const out = await patchAll(xml, new Map([[key('a', 'b', 'c'), new Map([[1049, 'новый']])]]));
    expect(out.toString('utf8')).toContain(
      '<Cell ss:StyleID="s24"><Data ss:Type="String">новый</Data></Cell></Row>',
    );
  });

  it('refuses to write into a column covered by a merged cell', async () => {
    const xml = minimalXml(
      '<Row>' +
        row('a', 'b', 'c').slice(5, -6) +
        '<Cell ss:MergeAcross="1"><Data ss:Type="String">base</Data></Cell></Row>',
    );
    await expect(
      patchAll(xml, new Map([[key('a', 'b', 'c'), new Map([[1049, 'x']])]])),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      message: 'test.xml › Localized Labels › a / b / c: column 5 is merged into another cell',
    });
  });

  it('patches the same way whatever the chunk size', async () => {
    const whole = await patchAll(fixture('excel-resaved.xml'), goldenEdits);
    for (const size of [1, 13, 4096]) {
      expect((await patchAll(fixture('excel-resaved.xml'), goldenEdits, size)).equals(whole)).toBe(true);
    }
  });

  it('keeps any Unicode text (XML-legal) exactly through a patch and a re-read', async () => {
    const legal = fc
      .string({ unit: 'grapheme', maxLength: 40 })
      // eslint-disable-next-line no-control-regex
      .map((s) => s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, ''));
    const { labels } = await readAll(sample);
    const keys = labels.map(labelKey);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(keys.length - 1), fc.constantFrom(1049, 1026, 1058), legal), {
          maxLength: 8,
        }),
        async (changes) => {
          const edits = new Map<string, Map<Lcid, string>>();
          for (const [i, lcid, text] of changes) {
            const k = keys[i]!;
            edits.set(k, (edits.get(k) ?? new Map<Lcid, string>()).set(lcid, text));
          }
          const after = textsByKey((await readAll(await patchAll(sample, edits))).labels);
          for (const l of labels) {
            const k = labelKey(l);
            for (const [lcid, text] of l.texts) {
              const expected = edits.get(k)?.get(lcid) ?? text;
              expect(after.get(k)?.[String(lcid)]).toBe(expected);
            }
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
