import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SheetBytes } from '../../../src/labels/workbook/sheet-bytes';

describe('sheet XML gathered as bytes', () => {
  it('gives exactly the UTF-8 of the rows joined, whatever their sizes and characters', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.string({ unit: 'grapheme', maxLength: 200 }),
            fc.string({ minLength: 30000, maxLength: 90000 }),
          ),
          {
            maxLength: 40,
          },
        ),
        fc.array(fc.nat(40), { maxLength: 5 }),
        (rows, takeAt) => {
          const bytes = new SheetBytes();
          const out: Buffer[] = [];
          rows.forEach((row, i) => {
            bytes.add(row);
            if (takeAt.includes(i) || bytes.ready) out.push(...bytes.take());
          });
          out.push(...bytes.take());
          expect(Buffer.concat(out).equals(Buffer.from(rows.join(''), 'utf8'))).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('hands on chunks that stay intact after later rows are added', () => {
    const bytes = new SheetBytes();
    const rows = Array.from({ length: 3000 }, (_, i) => `<row r="${i}">Привіт ${i}</row>`);
    const out: Buffer[] = [];
    for (const row of rows) {
      bytes.add(row);
      if (bytes.ready) out.push(...bytes.take());
    }
    out.push(...bytes.take());
    expect(out.length).toBeGreaterThan(1);
    expect(Buffer.concat(out).toString('utf8')).toBe(rows.join(''));
  });
});
