import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Label, LabelSheet, Lcid, TranslationsHeader } from '../../../src/labels/crm-xml/model';
import { createLabelSpill } from '../../../src/labels/memory/label-spill';
import { createOrderedSpill } from '../../../src/labels/memory/ordered-spill';

const header = { solutionName: 'Contoso', baseLcid: 1033 } as unknown as TranslationsHeader;

type Event = { sheet: LabelSheet; languages: Lcid[] } | Label;

const labelOf = (sheet: LabelSheet, texts: [Lcid, string][], key: string[]): Label => ({
  sheet,
  entity: key[0]!,
  objectId: key[1]!,
  column: key[2]!,
  texts: new Map(texts),
});

describe('a read kept on disk', () => {
  it('replays every sheet and label in the order read, texts of any kind intact, as often as asked', async () => {
    const text = fc.string({ unit: 'binary', maxLength: 40 });
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.tuple(
            fc.constantFrom<LabelSheet>('Display Strings', 'Localized Labels'),
            fc.array(fc.tuple(fc.constantFrom(1033, 1049, 1026), text)),
            fc.array(text, { minLength: 3, maxLength: 3 }),
          ),
          { maxLength: 300 },
        ),
        async (rows) => {
          const dir = mkdtempSync(path.join(tmpdir(), 'label-spill-'));
          const spill = createLabelSpill(dir);
          const events: Event[] = [{ sheet: 'Display Strings', languages: [1033, 1049] }];
          spill.sheet('Display Strings', [1033, 1049], header);
          rows.forEach(([sheet, texts, key], i) => {
            if (i === Math.floor(rows.length / 2)) {
              spill.sheet('Localized Labels', [1033, 1026], header);
              events.push({ sheet: 'Localized Labels', languages: [1033, 1026] });
            }
            const label = labelOf(sheet, texts, key);
            spill.label(label);
            events.push(label);
          });
          const result = { header, fingerprint: 'abc', labelCount: rows.length };
          spill.finish(result);
          for (let pass = 0; pass < 2; pass++) {
            const seen: Event[] = [];
            const got = await spill.replay({
              sheet: (sheet, languages) => seen.push({ sheet, languages: [...languages] }),
              label: (label) => {
                seen.push(label);
                return undefined;
              },
            });
            expect(got).toBe(result);
            expect(seen).toEqual(events);
          }
          spill.discard();
          expect(readdirSync(dir)).toEqual([]);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('gives back records larger than its pieces whole, awaiting the consumer between pieces', async () => {
    const spill = createOrderedSpill();
    const big = 'Ж'.repeat(100_000);
    const records = [['a', big], ['b'], [big, '', 'c']];
    for (const r of records) spill.add(r);
    const seen: string[][] = [];
    let paced = 0;
    await spill.replay(
      (r) => seen.push(r),
      () => {
        paced++;
        return Promise.resolve();
      },
    );
    expect(seen).toEqual(records);
    expect(paced).toBeGreaterThan(1);
    expect(spill.count).toBe(3);
    spill.discard();
    spill.discard();
  });

  it('leaves no file behind when discarded before it is read', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'label-spill-'));
    const spill = createOrderedSpill(dir);
    spill.add(['x']);
    const [file] = readdirSync(dir);
    expect(existsSync(path.join(dir, file!))).toBe(true);
    spill.discard();
    expect(readdirSync(dir)).toEqual([]);
  });
});
