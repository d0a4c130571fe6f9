import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { createRecordSpill } from '../../../src/fs/record-spill';
import { createSpilledVariantCollector } from '../../../src/labels/check/spilled-variants';
import { createVariantCollector, type VariantCollector } from '../../../src/labels/check/variants';
import type { LabelSheet } from '../../../src/labels/crm-xml/model';

const dir = mkdtempSync(path.join(tmpdir(), 'crmkit-variants-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const row = fc.record({
  sheet: fc.constantFrom<LabelSheet>('Localized Labels', 'Display Strings'),
  key: fc.string({ maxLength: 6 }),
  base: fc.constantFrom('', 'Name', 'Name\r\nLine', 'Name\nLine', 'Amount', 'Скидка'),
  lcid: fc.constantFrom(1049, 1026, 1058),
  text: fc.constantFrom('', 'Имя', 'Название', 'Име', 'Сума', 'Сумма\r\nx', 'Сумма\nx'),
  cell: fc.option(fc.constantFrom('C2', 'D7', ''), { nil: undefined }),
  touched: fc.option(fc.boolean(), { nil: undefined }),
});

function feed(
  collector: VariantCollector,
  rows: readonly (typeof row extends fc.Arbitrary<infer T> ? T : never)[],
): void {
  for (const r of rows) collector.add(r.sheet, () => r.key, r.base, r.lcid, r.text, r.cell, r.touched);
}

describe('the variants rule grouped on disk', () => {
  it('finds the same problems, in the same order and with the same cells, as the rule in memory', () => {
    fc.assert(
      fc.property(
        fc.array(row, { maxLength: 80 }),
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: 1, max: 4 }),
        (rows, limit, partitions) => {
          const memory = createVariantCollector();
          feed(memory, rows);
          const spilled = createSpilledVariantCollector(
            createRecordSpill({ memoryLimit: limit, partitions, dir }),
          );
          feed(spilled, rows);
          expect(spilled.problems()).toEqual(memory.problems());
          expect(spilled.problems(true)).toEqual(memory.problems(true));
          expect(readdirSync(dir)).toEqual([]);
        },
      ),
    );
  });
});
