/**
 * An export's rows made in the label reader's worker (read-batches.ts) are the rows this thread
 * makes: for arbitrary labels of both sheets, whatever the batch sizes and whichever batches the
 * worker makes into rows, every part of the workbook is byte for byte the one written with no
 * worker at all (but the package's time stamp), one workbook or one per language, of every row or
 * of the rows with a text missing, with suggestions in empty cells (and their notes) or without.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { encodeXmlText } from '../../src/labels/crm-xml/xml-text';
import { createMemory } from '../../src/labels/memory/memory';
import { createTableSuggester, type TableSuggester } from '../../src/labels/memory/suggest';
import { packSuggestions, SuggestionTable } from '../../src/labels/memory/suggestion-table';
import type { LabelWorkerFile } from '../../src/labels/read-labels';
import type { BatchPolicy } from '../../src/labels/read-protocol';
import { writeWorkbooks, type ExportOutput } from '../../src/labels/write-workbooks';
import { removeTempDirs, tempDir, tsWorkerOf } from './support';

afterAll(removeTempDirs);

const tsWorker: LabelWorkerFile = tsWorkerOf('read-worker.ts');

/** Base English; Russian, and Arabic (right to left: cells of their own style). */
const LANGS = [1033, 1049, 1025] as const;

/** Any text the XML can carry, with what needs care in a cell: escapes, `_xHHHH_`, white space at the ends, breaks. */
const text = fc
  .oneof(
    fc.string({ unit: 'grapheme', maxLength: 20 }),
    fc.constantFrom('a & <b>', ' lead', 'trail ', 'a\nb', 'a\r\nb', '\ttab', '_x000D_', 'مرحبا', '👍🏽', ''),
  )
  // eslint-disable-next-line no-control-regex
  .map((s) => s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, ''));

/** Keys that give every kind of Context: tables, columns, choices, forms, ribbons, groups. */
const key = fc.record({
  entity: fc.constantFrom('account', 'systemform', 'RibbonCustomization', 'optionset', 'solution', 'x & y'),
  objectId: fc.constantFrom('a1', 'b2;100000001', 'Mscrm.Form.account.Save.LabelText', '{guid}'),
  column: fc.constantFrom('DisplayName', 'Description', 'LocalizedName', 'name', 'Other'),
});

const label = fc.tuple(key, text, text, text);
type Label = [{ entity: string; objectId: string; column: string }, string, string, string];

/** The file, with its Display Strings sheet before its Localized Labels (as Dynamics writes it) or after. */
function xmlOf(displayStrings: readonly Label[], labels: readonly Label[], stringsFirst: boolean): string {
  const cell = (t: string) => `<Cell><Data ss:Type="String">${encodeXmlText(t)}</Data></Cell>`;
  const langs = LANGS.map((l) => `<Cell><Data ss:Type="Number">${l}</Data></Cell>`).join('');
  const sheet = (name: string, keys: string[], rows: string[]) =>
    `<Worksheet ss:Name="${name}"><Table><Row>${keys.map(cell).join('')}${langs}</Row>${rows.join('')}</Table></Worksheet>`;
  const strings = sheet(
    'Display Strings',
    ['Entity name', 'Display String Key'],
    displayStrings.map(
      ([k, ...t], i) => `<Row>${cell(k.entity)}${cell(`key${i}`)}${t.map(cell).join('')}</Row>`,
    ),
  );
  const localized = sheet(
    'Localized Labels',
    ['Entity name', 'Object ID', 'Object Column Name'],
    labels.map(
      ([k, ...t], i) =>
        `<Row>${cell(k.entity)}${cell(`${k.objectId}${i}`)}${cell(k.column)}${t.map(cell).join('')}</Row>`,
    ),
  );
  return (
    '<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">' +
    '<Worksheet ss:Name="Information"><Table><Row><Cell><Data ss:Type="String">Base language ID:</Data></Cell><Cell><Data ss:Type="Number">1033</Data></Cell></Row></Table></Worksheet>' +
    (stringsFirst ? strings + localized : localized + strings) +
    '</Workbook>'
  );
}

/** Every part of a workbook but the package's time stamp. */
async function parts(file: string): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const out = new Map<string, Buffer>();
  for (const name of Object.keys(zip.files).sort()) {
    if (name !== 'docProps/core.xml') out.set(name, await zip.file(name)!.async('nodebuffer'));
  }
  return out;
}

/**
 * Suggestions for the labels' base texts: the file's own (some, into Russian), then a past file's
 * (into both languages), as an export with --memory settles them.
 */
function suggesterFor(labels: readonly Label[]): TableSuggester {
  const sameFile = createMemory();
  const past = createMemory();
  labels.forEach(([k, base], i) => {
    if (i % 2 === 0) sameFile.add(1033, base, 1049, `${base} (ru ${i})`, `this file, ${k.entity} ${i}`);
    past.add(1033, base, 1049, `${base} — past`, 'past.zip');
    past.add(1033, base, 1025, `${base} — ماضي`, i % 3 === 0 ? 'old & <past>.zip' : 'past.zip');
  });
  return createTableSuggester(new SuggestionTable(packSuggestions(1033, [sameFile, past])));
}

async function exportWith(
  dir: string,
  name: string,
  { split, missingOnly }: { split: boolean; missingOnly: boolean },
  reader: { worker: false } | { worker: LabelWorkerFile; batches: BatchPolicy },
  suggester?: TableSuggester,
): Promise<string[]> {
  const input = { path: path.join(dir, 'in.xml'), name: 'in.xml' };
  const outputs: ExportOutput[] = (split ? [[1049], [1025]] : [undefined]).map((languages, i) => {
    const file = `${name}${i}.xlsx`;
    return {
      output: { path: path.join(dir, file), name: file },
      missingOnly,
      ...(languages === undefined ? {} : { languages }),
      ...(suggester === undefined ? {} : { suggester }),
    };
  });
  await writeWorkbooks({ input, outputs, ...reader });
  return outputs.map((o) => o.output.path);
}

describe('rows made in the label reader worker', () => {
  it('give the workbook this thread writes, byte for byte, for any labels, batches and sheet order, split or not, missing only or not', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(label, { maxLength: 4 }),
        fc.array(label, { maxLength: 12 }),
        fc.integer({ min: 1, max: 5 }),
        fc.constantFrom<BatchPolicy['rows']>('always', 'alternate'),
        fc.record({ split: fc.boolean(), missingOnly: fc.boolean(), suggest: fc.boolean() }),
        fc.boolean(),
        async (displayStrings, labels, size, rows, form, stringsFirst) => {
          const dir = tempDir('crmkit-worker-rows-');
          writeFileSync(path.join(dir, 'in.xml'), xmlOf(displayStrings, labels, stringsFirst));
          const suggesters = form.suggest
            ? [suggesterFor([...displayStrings, ...labels]), suggesterFor([...displayStrings, ...labels])]
            : [];
          const here = await exportWith(dir, 'here', form, { worker: false }, suggesters[0]);
          const there = await exportWith(
            dir,
            'there',
            form,
            { worker: tsWorker, batches: { size, rows } },
            suggesters[1],
          );
          for (const [i, file] of here.entries()) {
            const expected = await parts(file);
            const actual = await parts(there[i]!);
            expect([...actual.keys()]).toEqual([...expected.keys()]);
            for (const [part, bytes] of expected) expect(actual.get(part)!.equals(bytes), part).toBe(true);
          }
          expect([...(suggesters[1]?.filled ?? [])].sort()).toEqual(
            [...(suggesters[0]?.filled ?? [])].sort(),
          );
        },
      ),
      { numRuns: 24 },
    );
  }, 120_000);

  it('give the same workbook when the file comes in many pieces, the labels waiting for the recipes across them', async () => {
    const dir = tempDir('crmkit-worker-rows-');
    const many: Label[] = Array.from({ length: 4000 }, (_, i) => [
      { entity: i % 3 === 0 ? 'systemform' : 'account', objectId: `o${i}`, column: 'DisplayName' },
      `Label ${i} & more`,
      i % 5 === 0 ? '' : `Метка ${i}`,
      i % 7 === 0 ? '' : `تسمية ${i}`,
    ]);
    writeFileSync(path.join(dir, 'in.xml'), xmlOf(many.slice(0, 30), many, true));
    const form = { split: false, missingOnly: false };
    const here = await exportWith(dir, 'here', form, { worker: false }, suggesterFor(many.slice(0, 3000)));
    const there = await exportWith(
      dir,
      'there',
      form,
      { worker: tsWorker, batches: { size: 97, rows: 'alternate' } },
      suggesterFor(many.slice(0, 3000)),
    );
    const expected = await parts(here[0]!);
    const actual = await parts(there[0]!);
    for (const [part, bytes] of expected) expect(actual.get(part)!.equals(bytes), part).toBe(true);
    expect(expected.get('xl/worksheets/sheet2.xml')!.length).toBeGreaterThan(1_000_000);
    // Suggested cells have notes, written by both threads.
    expect(expected.get('xl/comments2.xml')?.toString()).toContain('from memory: this file, ');
  }, 60_000);
});
