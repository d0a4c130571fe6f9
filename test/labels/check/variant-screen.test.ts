import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editedVariants, variantScreen } from '../../../src/labels/check/rules';
import type { Lcid } from '../../../src/labels/crm-xml/model';
import type { WorkbookRow } from '../../../src/labels/workbook/types';

const norm = (text: string) => text.replace(/\r\n/g, '\n');

/** The first pass written the plain way: every base text and first translation kept as strings. */
function referenceSuspects(rows: readonly WorkbookRow[]): Set<string> {
  const seen = new Map<string, { first: string; touched: boolean; several: boolean }>();
  for (const row of rows) {
    if (row.base === '') continue;
    for (const [lcid, text] of row.texts) {
      if (text.trim() === '') continue;
      const key = `${lcid}\u0000${norm(row.base)}`;
      const state = seen.get(key);
      const touched = !row.unchangedSinceExport;
      if (state === undefined) seen.set(key, { first: norm(text), touched, several: false });
      else {
        state.touched ||= touched;
        state.several ||= state.first !== norm(text);
      }
    }
  }
  const out = new Set<string>();
  for (const [key, state] of seen)
    if (state.touched && state.several) out.add(key.slice(key.indexOf('\u0000') + 1));
  return out;
}

/** Both passes: the screen's suspects, confirmed on a second read of the same rows. */
function confirmed(rows: readonly WorkbookRow[], suspects: ReadonlySet<string>) {
  const variants = editedVariants(suspects);
  rows.forEach((r) => variants.add(r));
  return variants.problems('ru.xlsx');
}

// Few distinct texts, with line ends of both kinds and blanks, so that repeats and variants are common.
const text = fc.constantFrom('', '  ', 'A', 'B', 'A\r\nB', 'A\nB', 'Счёт', 'Счет', 'a b', 'ab');
const languages: Lcid[] = [1049, 1026, 1058];

const rowsArb = fc
  .array(
    fc.record({
      base: fc.oneof(text, fc.string({ maxLength: 4 })),
      texts: fc.tuple(text, text, text),
      edited: fc.boolean(),
    }),
    { maxLength: 300 },
  )
  .map((specs) =>
    specs.map((s, n): WorkbookRow => ({
      sheet: 'Localized Labels',
      entity: 'account',
      objectId: `id${n}`,
      column: 'DisplayName',
      base: s.base,
      texts: new Map(languages.map((lcid, i) => [lcid, s.texts[i] ?? ''])),
      cells: new Map(languages.map((lcid, i) => [lcid, `${'EFG'[i] ?? 'E'}${n + 2}`])),
      rowNumber: n + 2,
      unchangedSinceExport: !s.edited,
    })),
  );

function screened(rows: readonly WorkbookRow[], options: Parameters<typeof variantScreen>[0]) {
  const screen = variantScreen(options);
  rows.forEach((r) => screen.screen(r));
  return screen.suspects();
}

describe('the compact first pass of the inconsistent rule', () => {
  it('finds the same suspects as a screen that keeps every text, growing its table as rows come', () => {
    fc.assert(
      fc.property(rowsArb, (rows) => {
        const suspects = screened(rows, { initialSlots: 4 });
        expect([...suspects].sort()).toEqual([...referenceSuspects(rows)].sort());
      }),
      { numRuns: 300 },
    );
  });

  it('loses no suspect when base texts collide, and the second read reports exactly what the plain screen gives', () => {
    fc.assert(
      fc.property(rowsArb, fc.integer({ min: 0, max: 3 }), (rows, baseHashBits) => {
        const reference = referenceSuspects(rows);
        const suspects = screened(rows, { baseHashBits, initialSlots: 4 });
        for (const base of reference) expect(suspects.has(base)).toBe(true);
        expect(confirmed(rows, suspects)).toEqual(confirmed(rows, reference));
      }),
      { numRuns: 300 },
    );
  });

  it('tells apart many base texts that differ in one character', () => {
    const rows: WorkbookRow[] = [];
    for (let n = 0; n < 20000; n++) {
      for (const [text, edited] of [
        [`T${n}`, false],
        [n % 997 === 0 ? `U${n}` : `T${n}`, n % 2 === 0],
      ] as const) {
        rows.push({
          sheet: 'Localized Labels',
          entity: 'account',
          objectId: `id${rows.length}`,
          column: 'DisplayName',
          base: `Label ${n}`,
          texts: new Map([[1049, text]]),
          cells: new Map([[1049, `E${rows.length + 2}`]]),
          rowNumber: rows.length + 2,
          unchangedSinceExport: !edited,
        });
      }
    }
    expect([...screened(rows, {})].sort()).toEqual([...referenceSuspects(rows)].sort());
    expect(referenceSuspects(rows).size).toBeGreaterThan(0);
  });
});
