import { describe, expect, it } from 'vitest';
import { lostKind, lostTextsWarning } from '../../src/labels/lost-texts';

describe('lostKind', () => {
  it.each([
    ['', 'Счёт', 'cleared'],
    ['', '', undefined],
    ['', '  ', undefined],
    ['   ', 'Счёт', 'blank'],
    ['\u00a0', '', 'blank'],
    ['Счёт', '', undefined],
    [' Счёт ', 'Счёт', undefined],
  ] as const)('a cell now %j where the file had %j is %s', (text, before, kind) => {
    expect(lostKind(text, before)).toBe(kind);
  });
});

describe('lostTextsWarning', () => {
  const place = (i: number) => ({ where: `ru.xlsx › Localized Labels!E${i}`, message: `account / ${i}` });

  it('names every place when there are at most ten', () => {
    expect(lostTextsWarning('blank', [place(2), place(3)], 'kept')).toEqual({
      where: '2 translation(s) of only spaces',
      message:
        'ru.xlsx › Localized Labels!E2 (account / 2), ru.xlsx › Localized Labels!E3 (account / 3); kept',
    });
  });

  it('names the first ten and counts the rest', () => {
    const w = lostTextsWarning(
      'cleared',
      Array.from({ length: 13 }, (_, i) => place(i + 2)),
      'kept',
    );
    expect(w.where).toBe('13 translation(s) cleared (the cell had text and is now empty)');
    expect(w.message).toMatch(/E11 \(account \/ 11\), and 3 more; kept$/);
    expect(w.message).not.toContain('E12');
  });
});
