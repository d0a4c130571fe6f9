import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  COMMENTS_CLOSE,
  COMMENTS_OPEN,
  commentXml,
  commentsPart,
  VML_CLOSE,
  VML_OPEN,
  vmlPart,
  vmlShapeXml,
} from '../../../src/labels/workbook/note-parts';
import { createSheetNotes } from '../../../src/labels/workbook/sheet-notes';

/* The parts are written as bytes; note by note, they must be what commentXml and vmlShapeXml
   write (which note-xml.test.ts holds to exceljs's own renderers). */

const letters = ['', 'A', 'B', 'Z', 'AA', 'AZ', 'XFD'];
const arbNote = fc.record({
  row: fc.integer({ min: 1, max: 1_048_576 }),
  col: fc.integer({ min: 1, max: letters.length - 1 }),
  text: fc.oneof(
    fc.constantFrom('past.zip', 'this file, account | name', 'machine translation: DeepL, 2026-12-04'),
    fc.string({ unit: fc.constantFrom('a', ' ', '\n', '&', '<', '"', 'й', '\u0001', '😀') }),
  ),
  fromMemory: fc.boolean(),
});

function expected(notes: ReturnType<typeof createSheetNotes>): { comments: string; vml: string } {
  let comments = COMMENTS_OPEN;
  let vml = VML_OPEN;
  for (let i = 0; i < notes.count; i++) {
    const ref = `${notes.letters(i)}${notes.row(i)}`;
    comments += commentXml(ref, notes.text(i));
    vml += vmlShapeXml(ref, i);
  }
  return { comments: comments + COMMENTS_CLOSE, vml: vml + VML_CLOSE };
}

const text = (part: Iterable<Buffer>): string => Buffer.concat([...part]).toString('utf8');

describe("a sheet's notes parts, written as bytes", () => {
  it('are the notes written one by one as text, whatever the cells and texts (property)', () => {
    fc.assert(
      fc.property(fc.array(arbNote, { maxLength: 60 }), (list) => {
        const notes = createSheetNotes(letters);
        for (const n of list) notes.add(n.row, n.col, n.text, n.fromMemory);
        const want = expected(notes);
        expect(text(commentsPart(notes))).toBe(want.comments);
        expect(text(vmlPart(notes))).toBe(want.vml);
      }),
      { numRuns: 300 },
    );
  });

  it('hands the bytes on in pieces across which no note is lost, for many notes and texts', () => {
    const notes = createSheetNotes(letters);
    // More texts than are kept encoded, and more notes than fit one piece.
    for (let i = 0; i < 6000; i++) notes.add(i + 2, 1 + (i % 6), `this file, row ${i}`, true);
    // A text longer than a piece, among short ones.
    for (let i = 0; i < 3000; i++)
      notes.add(i + 2, 4, i % 1000 === 0 ? 'long '.repeat(60_000) : 'past.zip', true);
    const comments = [...commentsPart(notes)];
    const vml = [...vmlPart(notes)];
    expect(comments.length).toBeGreaterThan(3);
    expect(vml.length).toBeGreaterThan(3);
    const want = expected(notes);
    expect(text(comments)).toBe(want.comments);
    expect(text(vml)).toBe(want.vml);
  });

  it('are only the opening and close for a sheet without notes', () => {
    const notes = createSheetNotes(letters);
    expect(text(commentsPart(notes))).toBe(COMMENTS_OPEN + COMMENTS_CLOSE);
    expect(text(vmlPart(notes))).toBe(VML_OPEN + VML_CLOSE);
  });
});
