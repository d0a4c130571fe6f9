import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { createRecordSpill } from '../../src/fs/record-spill';

const dir = mkdtempSync(path.join(tmpdir(), 'crmkit-spill-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.constantFrom('', ':', '3:abc', '12:', '\u0000', '\n', 'a\r\nb', '👍🏽', 'Скидка'),
);
const records = fc.array(
  fc.tuple(fc.constantFrom('a', 'b', 'c', 'd', 'e', ''), fc.array(text, { maxLength: 4 })),
  {
    maxLength: 60,
  },
);

/** The records of each key, in the order added. */
function byKey(list: readonly (readonly [string, readonly string[]])[]): Map<string, string[][]> {
  const m = new Map<string, string[][]>();
  for (const [key, fields] of list) m.set(key, [...(m.get(key) ?? []), [key, ...fields]]);
  return m;
}

describe('a record spill', () => {
  it('gives back every record, grouped by key in the order added, whether or not it went to disk', () => {
    fc.assert(
      fc.property(
        records,
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 1, max: 5 }),
        (list, limit, partitions) => {
          const spill = createRecordSpill({ memoryLimit: limit, partitions, dir });
          for (const [key, fields] of list) spill.add(key, [key, ...fields]);
          expect(spill.count).toBe(list.length);
          expect(spill.spilled).toBe(list.length > limit);
          const groups = [...spill.groups()];
          const seen = new Map<string, string[][]>();
          for (const group of groups) {
            const keys = new Set(group.map((r) => r[0]!));
            for (const key of keys) {
              // A key's records are all in one group.
              expect(seen.has(key)).toBe(false);
              seen.set(
                key,
                group.filter((r) => r[0] === key),
              );
            }
          }
          expect(seen).toEqual(byKey(list));
          expect(readdirSync(dir)).toEqual([]);
        },
      ),
    );
  });

  it('reads back records that the file reads cut anywhere, multi-byte characters and long texts included', () => {
    const spill = createRecordSpill({ memoryLimit: 0, partitions: 1, dir });
    const wanted: string[][] = [];
    for (let i = 0; i < 3000; i++) {
      const fields = [String(i), 'Скидка 👍🏽 '.repeat(i % 7), i % 500 === 0 ? 'x'.repeat(70_000) : ':1:'];
      wanted.push(fields);
      spill.add('one key', fields);
    }
    expect([...spill.groups()]).toEqual([wanted]);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('streams each group from disk with the same records, in the same order, as reading it whole', () => {
    fc.assert(
      fc.property(
        records,
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 1, max: 5 }),
        (list, limit, partitions) => {
          const whole = createRecordSpill({ memoryLimit: limit, partitions, dir });
          const streamed = createRecordSpill({ memoryLimit: limit, partitions, dir });
          for (const [key, fields] of list) {
            whole.add(key, [key, ...fields]);
            streamed.add(key, [key, ...fields]);
          }
          const groups: string[][][] = [];
          for (const group of streamed.groupStreams()) {
            const records: string[][] = [];
            for (const record of group) records.push(record);
            groups.push(records);
          }
          expect(groups).toEqual([...whole.groups()]);
        },
      ),
    );
  });

  it('reads a large group a piece at a time, long records whole', () => {
    const spill = createRecordSpill({ memoryLimit: 0, partitions: 1, dir });
    const long = 'Ж'.repeat(100_000);
    for (let i = 0; i < 20_000; i++) spill.add('one key', [String(i), i % 5000 === 0 ? long : 'Скидка']);
    let n = 0;
    for (const group of spill.groupStreams()) {
      for (const [i, text] of group) {
        expect(i).toBe(String(n));
        expect(text).toBe(n % 5000 === 0 ? long : 'Скидка');
        n++;
      }
    }
    expect(n).toBe(20_000);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('removes its files when discarded before they are read', () => {
    const spill = createRecordSpill({ memoryLimit: 1, partitions: 3, dir });
    for (let i = 0; i < 10; i++) spill.add(String(i), ['x']);
    expect(readdirSync(dir)).toHaveLength(3);
    spill.discard();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('removes its files when the reading of the groups stops early', () => {
    const spill = createRecordSpill({ memoryLimit: 1, partitions: 3, dir });
    for (let i = 0; i < 10; i++) spill.add(String(i), ['x']);
    for (const group of spill.groups()) {
      expect(group.length).toBeGreaterThan(0);
      break;
    }
    expect(readdirSync(dir)).toEqual([]);
  });
});
