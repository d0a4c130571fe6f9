import { describe, expect, it } from 'vitest';
import { createStatsCounter } from '../../../src/labels/check/stats';
import { bar, statsJson, statsTable } from '../../../src/labels/check/report';

const texts = (t: Record<number, string>): Map<number, string> =>
  new Map(Object.entries(t).map(([l, s]) => [Number(l), s]));

describe('coverage statistics', () => {
  const counter = createStatsCounter(1033, [1049, 1026]);
  counter.add('table', 'Account', texts({ 1049: 'Организация', 1026: '' }));
  counter.add('table', 'Accounts', texts({ 1033: 'ignored', 1049: 'Организации', 1026: '   ' }));
  counter.add('column', 'Name', texts({ 1049: '', 1026: 'Име' }));
  counter.add('message', 'Saved {0}', texts({ 1049: 'Сохранено {0}' }));
  const stats = counter.result();

  it('counts per language, base first, blank and missing texts as untranslated', () => {
    expect(stats.languages).toEqual([
      { lcid: 1033, base: true, total: 4, translated: 4, percent: 100 },
      { lcid: 1049, base: false, total: 4, translated: 3, percent: 75 },
      { lcid: 1026, base: false, total: 4, translated: 1, percent: 25 },
    ]);
  });

  it('counts per component kind, largest first', () => {
    expect(stats.kinds.map((k) => [k.kind, k.total, k.translated.map((t) => t.count)])).toEqual([
      ['table', 2, [2, 2, 0]],
      ['column', 1, [1, 0, 1]],
      ['message', 1, [1, 1, 0]],
    ]);
  });

  it('prints JSON with lcid, total and translated per language', () => {
    const json = JSON.parse(statsJson(stats)) as {
      languages: { lcid: number; total: number; translated: number }[];
    };
    expect(json.languages.map(({ lcid, total, translated }) => ({ lcid, total, translated }))).toEqual([
      { lcid: 1033, total: 4, translated: 4 },
      { lcid: 1049, total: 4, translated: 3 },
      { lcid: 1026, total: 4, translated: 1 },
    ]);
  });

  it('prints a table with a bar per language', () => {
    const text = statsTable(stats);
    expect(text).toMatch(/^1049\s+Russian\s+3\s+4\s+75\.0%\s+█{15}░{5}$/m);
    expect(text).toMatch(/^1033\s+English \(base\)/m);
    expect(text).toMatch(/^table\s+2\s+100\.0%\s+0\.0%$/m);
  });

  it('draws bars proportionally and clamps them', () => {
    expect(bar(0, 4)).toBe('░░░░');
    expect(bar(50, 4)).toBe('██░░');
    expect(bar(140, 4)).toBe('████');
  });

  it('reports 100 percent for an empty file rather than dividing by zero', () => {
    expect(createStatsCounter(1033, [1049]).result().languages[1]).toMatchObject({ total: 0, percent: 100 });
  });
});
