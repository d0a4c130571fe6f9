import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Label } from '../../../src/labels/crm-xml/model';
import { decideRow } from '../../../src/labels/push/row-decision';
import type { ChangedBy } from '../../../src/labels/push/types';
import { textsHash } from '../../../src/labels/workbook/token';

const LANGS = [1049, 1026];

const texts = (t: Record<number, string>): Map<number, string> =>
  new Map(Object.entries(t).map(([k, v]) => [Number(k), v]));

function env(t: Record<number, string>): Label {
  return {
    sheet: 'Localized Labels',
    entity: 'account',
    objectId: 'a1',
    column: 'DisplayName',
    texts: texts(t),
  };
}

/** A workbook row exported with `exported` target texts that now holds `now`. */
function row(exported: Record<number, string>, now: Record<number, string>, base = 'Account') {
  return { languages: LANGS, exportedHash: textsHash(LANGS, texts(exported)), base, texts: texts(now) };
}

describe('decideRow', () => {
  it.each<[string, ReturnType<typeof row>, Label, Record<number, ChangedBy>, boolean]>([
    [
      'an edit on texts the environment still has is clean',
      row({ 1049: 'Счёт', 1026: '' }, { 1049: 'Организация', 1026: '' }),
      env({ 1033: 'Account', 1049: 'Счёт', 1026: '' }),
      { 1049: 'push' },
      false,
    ],
    [
      'the environment changed the same cell: a conflict nobody can attribute',
      row({ 1049: 'Счёт', 1026: '' }, { 1049: 'Организация', 1026: '' }),
      env({ 1033: 'Account', 1049: 'Клиент', 1026: '' }),
      { 1049: 'unknown' },
      true,
    ],
    [
      'the environment changed another language of the edited row: a conflict, each cell attributed',
      row({ 1049: 'Счёт', 1026: 'Сметка' }, { 1049: 'Организация', 1026: 'Сметка' }),
      env({ 1033: 'Account', 1049: 'Счёт', 1026: 'Клиент' }),
      { 1049: 'push', 1026: 'environment' },
      true,
    ],
    [
      'the environment already has the workbook’s text: nothing to push, no conflict',
      row({ 1049: 'Счёт', 1026: '' }, { 1049: 'Организация', 1026: '' }),
      env({ 1033: 'Account', 1049: 'Организация', 1026: '' }),
      {},
      false,
    ],
    [
      'the environment made the same edit and changed another language: the stale cell is a conflict',
      row({ 1049: 'Счёт', 1026: 'Сметка' }, { 1049: 'Организация', 1026: 'Сметка' }),
      env({ 1033: 'Account', 1049: 'Организация', 1026: 'Клиент' }),
      { 1026: 'unknown' },
      true,
    ],
    [
      'the base text changed in the environment: the translation was made for the old one',
      row({ 1049: 'Счёт', 1026: '' }, { 1049: 'Организация', 1026: '' }, 'Account'),
      env({ 1033: 'Organization', 1049: 'Счёт', 1026: '' }),
      { 1049: 'push' },
      true,
    ],
    [
      'line breaks differing only in style are the same text',
      row({ 1049: 'a\r\nb', 1026: '' }, { 1049: 'a\nb', 1026: 'x' }),
      env({ 1033: 'Account', 1049: 'a\nb', 1026: '' }),
      { 1026: 'push' },
      false,
    ],
  ])('%s', (_name, r, label, cells, conflict) => {
    const d = decideRow(r, label, 1033);
    expect(Object.fromEntries(d.cells)).toEqual(cells);
    expect(d.conflict).toBe(conflict);
  });

  it('a row without the token hash counts as changed in the environment', () => {
    const d = decideRow(
      { ...row({ 1049: 'a' }, { 1049: 'b' }), exportedHash: undefined },
      env({ 1033: 'A', 1049: 'a' }),
      1033,
    );
    expect(d).toMatchObject({ textsChanged: true, conflict: true });
  });

  it('judges a row of a format 1 token (an older workbook) by the hash of that format', () => {
    const exported = { 1049: 'Счёт', 1026: '' };
    const formatOne = {
      ...row(exported, { 1049: 'Организация', 1026: '' }),
      exportedHash: textsHash(LANGS, texts(exported), 1),
      tokenVersion: 1 as const,
    };
    const unchanged = decideRow(formatOne, env({ 1033: 'Account', ...exported }), 1033);
    expect(unchanged).toMatchObject({ textsChanged: false, conflict: false });
    const changed = decideRow(formatOne, env({ 1033: 'Account', 1049: 'Счёт', 1026: 'Сметка' }), 1033);
    expect(Object.fromEntries(changed.cells)).toEqual({ 1049: 'push', 1026: 'environment' });
    expect(changed.textsChanged).toBe(true);
  });

  it('attributes every cell when each side changed different languages (any texts)', () => {
    const t = fc.string({ maxLength: 8 });
    fc.assert(
      fc.property(fc.tuple(t, t), fc.tuple(t, t), fc.boolean(), (exported, edited, pushFirst) => {
        // One language edited in the workbook, the other changed in the environment.
        const [p, e] = pushFirst ? [0, 1] : [1, 0];
        const ex = { [LANGS[0]!]: exported[0], [LANGS[1]!]: exported[1] };
        const wb = { ...ex, [LANGS[p]!]: edited[0] };
        const now = { 1033: 'Account', ...ex, [LANGS[e]!]: edited[1] };
        fc.pre(edited[0] !== exported[p] && edited[1] !== exported[e]);
        fc.pre(!/\r/.test(edited.join('') + exported.join('')));
        const d = decideRow(row(ex, wb), env(now), 1033);
        expect(Object.fromEntries(d.cells)).toEqual({ [LANGS[p]!]: 'push', [LANGS[e]!]: 'environment' });
        expect(d.conflict).toBe(true);
      }),
    );
  });
});
