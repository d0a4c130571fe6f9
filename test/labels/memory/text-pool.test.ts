import { describe, expect, it } from 'vitest';
import {
  createNarrowTextPool,
  createTextPool,
  createTextStore,
  pageOf,
} from '../../../src/labels/memory/text-pool';

describe('text pool', () => {
  it('gives back every text as added, lone surrogates and texts longer than a block included', () => {
    const pool = createTextPool();
    const texts = ['', 'Save', 'Сохранить', '\ud800 lone \udc00', '😀 pair', 'x'.repeat(1_500_000), 'after'];
    const starts = texts.map((t) => pool.add(t));
    texts.forEach((t, i) => {
      expect(pool.text(starts[i]!, t.length)).toBe(t);
      expect(pool.equals(starts[i]!, t.length, t)).toBe(true);
    });
    expect(pool.equals(starts[1]!, 4, 'Sav')).toBe(false);
    expect(pool.equals(starts[1]!, 4, 'Savf')).toBe(false);
  });

  it('fills block after block without moving what it holds', () => {
    const pool = createTextPool();
    const added = Array.from({ length: 40_000 }, (_, i) => {
      const text = `text number ${i} `.repeat(3);
      return { text, start: pool.add(text) };
    });
    for (const { text, start } of added) expect(pool.text(start, text.length)).toBe(text);
  });

  it('holds texts of one alphabet one byte per code unit in a narrow pool, and tells which texts fit', () => {
    const pool = createNarrowTextPool();
    const texts = ['Save', 'Café \u00ff\u0000', '', 'x'.repeat(5000), 'Счета 5, отдел продаж.', 'Ґ ґ 3'];
    const starts = texts.map((t) => pool.add(t, pageOf(t)));
    texts.forEach((t, i) => {
      expect(pool.text(starts[i]!, t.length, pageOf(t))).toBe(t);
      expect(pool.equals(starts[i]!, t.length, t, pageOf(t))).toBe(true);
    });
    expect(pool.equals(starts[0]!, 4, 'Savé', 1)).toBe(false);
    expect(pool.equals(starts[4]!, texts[4]!.length, texts[4]!.replace('С', 'C'), 8)).toBe(false);
    expect(['Café', 'Сохранить', 'Зберегти ґ', 'Ж\u00e9', '\ud800', '', 'abc'].map(pageOf)).toEqual([
      1, 8, -1, -1, 0x1b0, 1, 1,
    ]);
  });

  it('gives back every text from a store made again of its shared blocks, as another thread would', () => {
    const store = createTextStore({ shared: true });
    const texts = ['Save', 'Сохранить', 'mixed Ω и 😀', '', 'x'.repeat(3_000_000), 'Зберегти', '\ud800'];
    const numbers = texts.map((t) => [store.add(t), store.field] as const);
    const blocks = store.blocks();
    expect([...blocks.narrow, ...blocks.wide].every((b) => b.buffer instanceof SharedArrayBuffer)).toBe(true);
    const again = createTextStore({ blocks: structuredClone(blocks) });
    texts.forEach((t, i) => {
      const [start, field] = numbers[i]!;
      expect(again.text(start, field)).toBe(t);
      expect(again.equals(start, field, t)).toBe(true);
      expect(again.equals(start, field, `${t}.`)).toBe(false);
    });
  });
});
