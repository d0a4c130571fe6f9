import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SheetBytes } from '../../../src/labels/workbook/sheet-bytes';

/** What a consumer receives, copied as it must be (the chunk is reused). */
function collector(): { out: Buffer[]; consume: (bytes: Buffer) => void } {
  const out: Buffer[] = [];
  return { out, consume: (bytes) => out.push(Buffer.from(bytes)) };
}

describe('sheet XML gathered as bytes', () => {
  it('hands on exactly the UTF-8 of the rows joined, whatever their sizes, characters and flushes', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.string({ unit: 'grapheme', maxLength: 200 }),
            fc.string({ minLength: 30000, maxLength: 90000 }),
          ),
          { maxLength: 40 },
        ),
        fc.array(fc.nat(40), { maxLength: 5 }),
        (rows, flushAt) => {
          const { out, consume } = collector();
          const bytes = new SheetBytes(consume);
          rows.forEach((row, i) => {
            bytes.add(row);
            if (flushAt.includes(i)) bytes.flush();
          });
          bytes.flush();
          expect(Buffer.concat(out).equals(Buffer.from(rows.join(''), 'utf8'))).toBe(true);
          expect(out.every((b) => b.length > 0)).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('hands on full chunks as rows come, before it is flushed', () => {
    const { out, consume } = collector();
    const bytes = new SheetBytes(consume);
    const rows = Array.from({ length: 10000 }, (_, i) => `<row r="${i}">Привіт ${i}</row>`);
    for (const row of rows) bytes.add(row);
    expect(out.length).toBeGreaterThan(1);
    bytes.flush();
    expect(Buffer.concat(out).toString('utf8')).toBe(rows.join(''));
  });
});
