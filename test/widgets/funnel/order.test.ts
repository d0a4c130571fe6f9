import { describe, expect, it } from 'vitest';
import { naturalCompare, orderStages, parseStageOrder } from '../../../src/widgets/funnel/order';
import type { StageRef } from '../../../src/widgets/funnel/types';

const text = (...labels: string[]): StageRef[] => labels.map((label) => ({ key: label, label }));
const labelsOf = (stages: readonly { label: string }[]): string[] => stages.map((s) => s.label);

describe('stage ordering', () => {
  const cases: { name: string; found: StageRef[]; stageOrder?: string; expected: string[] }[] = [
    {
      name: 'puts "2-…" before "10-…" for text stages (natural order, unlike the Sales Pipeline chart)',
      found: text('10-Close', '2-Develop', '1-Qualify', '3-Propose'),
      expected: ['1-Qualify', '2-Develop', '3-Propose', '10-Close'],
    },
    {
      name: 'orders choices by their value, not their label',
      found: [
        { key: '3', label: 'Alpha', rank: 3 },
        { key: '1', label: 'Zulu', rank: 1 },
        { key: '2', label: 'Mike', rank: 2 },
      ],
      expected: ['Zulu', 'Mike', 'Alpha'],
    },
    {
      name: 'puts the stages listed in stageOrder first, in that order, then the rest',
      found: text('Won', 'Lead', 'Qualified', 'Proposal', 'Lost'),
      stageOrder: 'Lead, Qualified\nProposal, Won',
      expected: ['Lead', 'Qualified', 'Proposal', 'Won', 'Lost'],
    },
    {
      name: 'matches stageOrder entries to labels ignoring case and extra spaces',
      found: text('Closed  Won', 'new lead'),
      stageOrder: ' NEW LEAD ,closed won',
      expected: ['new lead', 'Closed  Won'],
    },
    {
      name: 'matches stageOrder entries to choice values',
      found: [
        { key: '100000001', label: 'Develop', rank: 100000001 },
        { key: '100000000', label: 'Qualify', rank: 100000000 },
        { key: '100000002', label: 'Propose', rank: 100000002 },
      ],
      stageOrder: '100000002, 100000000',
      expected: ['Propose', 'Qualify', 'Develop'],
    },
    {
      name: 'leaves out a listed entry that names no stage (a typo)',
      found: text('Lead', 'Won'),
      stageOrder: 'Lead, Qualfy, Won',
      expected: ['Lead', 'Won'],
    },
    {
      name: "matches a stage by its label in another of the org's languages",
      found: [
        { key: '1', label: 'Квалификация', rank: 1, aliases: ['Qualify', 'Квалифициране'] },
        { key: '2', label: 'Разработка', rank: 2, aliases: ['Develop'] },
      ],
      stageOrder: 'Develop, QUALIFY',
      expected: ['Разработка', 'Квалификация'],
    },
    {
      name: 'ignores a stage listed twice',
      found: text('A', 'B'),
      stageOrder: 'B, b, A, B',
      expected: ['B', 'A'],
    },
    {
      name: 'puts choices before text when both appear',
      found: [
        { key: 'x', label: 'Text stage' },
        { key: '5', label: 'Choice', rank: 5 },
      ],
      expected: ['Choice', 'Text stage'],
    },
  ];
  it.each(cases)('$name', ({ found, stageOrder, expected }) => {
    expect(labelsOf(orderStages(found, stageOrder).stages)).toEqual(expected);
  });

  it('returns the entries that name no stage, as written and in the order listed', () => {
    const { unknown } = orderStages(text('Lead', 'Won'), 'Qualfy, Lead, 100000009, Won, Negotiaton');
    expect(unknown).toEqual(['Qualfy', '100000009', 'Negotiaton']);
  });

  it('keeps a listed known stage without records as listed only, and reports nothing for it', () => {
    const known = [...text('Lead', 'Qualified', 'Won'), { key: '7', label: 'Lost', aliases: ['Verloren'] }];
    const ordered = orderStages(text('Lead', 'Won'), 'Lead, Qualified, verloren, Won', known);
    expect(ordered.stages.map((s) => [s.label, s.listedOnly])).toEqual([
      ['Lead', false],
      ['Qualified', true],
      ['Lost', true],
      ['Won', false],
    ]);
    expect(ordered.unknown).toEqual([]);
  });

  it('shows no known stage that stageOrder does not list', () => {
    const ordered = orderStages(text('Lead'), '', text('Lead', 'Qualified'));
    expect(labelsOf(ordered.stages)).toEqual(['Lead']);
  });

  it('splits stageOrder on commas and new lines and drops blanks', () => {
    expect(parseStageOrder('a,\r\n b ,,\n\nc')).toEqual(['a', 'b', 'c']);
    expect(parseStageOrder(null)).toEqual([]);
    expect(parseStageOrder('  ')).toEqual([]);
  });

  it('compares digits as numbers', () => {
    expect(naturalCompare('Stage 2', 'Stage 10')).toBeLessThan(0);
    expect(naturalCompare('b', 'A')).toBeGreaterThan(0);
  });
});
