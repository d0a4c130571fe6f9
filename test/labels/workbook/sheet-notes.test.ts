import { describe, expect, it } from 'vitest';
import { createSheetNotes } from '../../../src/labels/workbook/sheet-notes';

describe("a sheet's notes", () => {
  it('gives back each note’s cell and text in the order added, across blocks', () => {
    const notes = createSheetNotes(['A', 'B', 'C', 'AA']);
    for (let i = 0; i < 40_000; i++)
      notes.add(i + 2, i % 4, i % 3 === 0 ? 'machine translation: x, 2026' : `past${i % 2}.zip`, i % 3 !== 0);
    expect(notes.count).toBe(40_000);
    const ref = (i: number): string => `${notes.letters(i)}${notes.row(i)}`;
    expect([ref(0), notes.text(0)]).toEqual(['A2', 'machine translation: x, 2026']);
    expect([ref(1), notes.text(1)]).toEqual(['B3', 'from memory: past1.zip']);
    expect([ref(39_999), notes.text(39_999)]).toEqual(['AA40001', 'machine translation: x, 2026']);
    expect([ref(20_000), notes.text(20_000)]).toEqual(['A20002', 'from memory: past0.zip']);
  });
});
