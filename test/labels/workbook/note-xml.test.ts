import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commentXml, vmlShapeXml } from '../../../src/labels/workbook/note-parts';

/* exceljs's own renderers of a note and its VML shape: what the text renderers must write. */
const requireExceljs = createRequire(import.meta.url);
interface XmlStream {
  readonly xml: string;
}
const XmlStream = requireExceljs('exceljs/lib/utils/xml-stream') as new () => XmlStream;
type Render = (stream: XmlStream, model: object, index: number) => void;
const CommentXform = requireExceljs('exceljs/lib/xlsx/xform/comment/comment-xform') as new () => {
  render: Render;
};
const VmlShapeXform = requireExceljs('exceljs/lib/xlsx/xform/comment/vml-shape-xform') as new () => {
  render: Render;
};
const colCache = requireExceljs('exceljs/lib/utils/col-cache') as { decodeAddress: (ref: string) => object };

/** The note model the writer gave exceljs's renderers. */
function noteModel(ref: string, text: string): object {
  return {
    ref,
    refAddress: colCache.decodeAddress(ref),
    type: 'note',
    note: {
      texts: [{ text }],
      margins: { insetmode: 'auto', inset: [0.13, 0.13, 0.25, 0.25] },
      protection: { locked: 'True', lockText: 'True' },
      editAs: 'absolute',
    },
  };
}

function exceljs(Xform: new () => { render: Render }, ref: string, text: string, index: number): string {
  const stream = new XmlStream();
  new Xform().render(stream, noteModel(ref, text), index);
  return stream.xml;
}

const arbRef = fc
  .tuple(fc.integer({ min: 1, max: 16_384 }), fc.integer({ min: 1, max: 1_048_576 }))
  .map(([col, row]) => {
    let name = '';
    for (let n = col; n > 0; n = Math.floor((n - 1) / 26))
      name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
    return `${name}${row}`;
  });
const arbText = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({
    unit: fc.constantFrom('a', ' ', '\n', '\t', '\r', '&', '<', '>', '"', "'", '\u0001', '\u007f', 'й'),
  }),
);

describe('the notes of a workbook, written as text', () => {
  it('writes each note as exceljs renders it, whatever its cell and text (property)', () => {
    fc.assert(
      fc.property(arbRef, arbText, fc.nat({ max: 1_000_000 }), (ref, text, index) => {
        expect(commentXml(ref, text)).toBe(exceljs(CommentXform, ref, text, index));
        expect(vmlShapeXml(ref, index)).toBe(exceljs(VmlShapeXform, ref, text, index));
      }),
      { numRuns: 500 },
    );
  });

  it.each([
    ['F2', 'from memory: Past.zip (1049)', 0],
    ['A1', ' leading space', 1],
    ['XFD1048576', 'line\nbreak & <tags> "quoted"', 41],
  ])('writes the note of %s as exceljs does', (ref, text, index) => {
    expect(commentXml(ref, text)).toBe(exceljs(CommentXform, ref, text, index));
    expect(vmlShapeXml(ref, index)).toBe(exceljs(VmlShapeXform, ref, text, index));
  });
});
