import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeCellText, encodeCellText } from '../../../src/labels/workbook/cell-text';
import { isSpace, textCellXml } from '../../../src/labels/workbook/row-xml';

/** The text a cell's XML holds, as an XML reader gives it (entities resolved, `_xHHHH_` decoded). */
function readCell(xml: string): { text: string; preserve: boolean } {
  const match =
    /^<c r="B7" s="3" t="inlineStr"><is><t( xml:space="preserve")?>([^<]*)<\/t><\/is><\/c>$/s.exec(xml);
  if (match === null) throw new Error(`not a text cell: ${xml}`);
  const stored = match[2]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  return { text: decodeCellText(stored), preserve: match[1] !== undefined };
}

describe('text cell XML', () => {
  it('tells white space exactly as \\s does, for every UTF-16 code unit', () => {
    for (let code = 0; code <= 0xffff; code++) {
      expect([code, isSpace(code)]).toEqual([code, /\s/.test(String.fromCharCode(code))]);
    }
  });

  it('stores any text so that it reads back verbatim, keeping white space where the stored text has it at an end or a line break or tab', () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 20 }),
      fc.string({
        unit: fc.constantFrom('_', 'x', '0', 'D', '&', '<', ' ', '\u00a0', '\u3000', '\n', '\r', 'я'),
        maxLength: 10,
      }),
    );
    fc.assert(
      fc.property(text, (t) => {
        fc.pre(t !== '' && !/[\uD800-\uDFFF]/.test(t));
        const { text: read, preserve } = readCell(textCellXml('B7', 3, t));
        expect(read).toBe(t);
        // CR and other control characters are stored as `_xHHHH_`: the stored text tells.
        expect(preserve).toBe(/^\s|\s$|[\n\t]/.test(encodeCellText(t)));
      }),
      { numRuns: 5000 },
    );
    expect(textCellXml('B7', 3, '')).toBe('');
  });
});
