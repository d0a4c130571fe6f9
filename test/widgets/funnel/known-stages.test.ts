import { describe, expect, it } from 'vitest';
import {
  stagesFromOptionMetadata,
  stagesFromPcfAttribute,
  stagesFromPcfMetadata,
} from '../../../src/widgets/funnel/known-stages';
import { computeFunnel } from '../../../src/widgets/funnel/model';
import type { StageRef } from '../../../src/widgets/funnel/types';

/** An OptionMetadata as the Web API gives it: labels in every org language, the user's one apart. */
function option(value: number, labels: Record<number, string>, user = 1033): unknown {
  const localized = Object.entries(labels).map(([lang, label]) => ({
    Label: label,
    LanguageCode: Number(lang),
    IsManaged: true,
    MetadataId: '00000000-0000-0000-0000-000000000001',
    HasChanged: null,
  }));
  return {
    Value: value,
    Color: null,
    Label: {
      LocalizedLabels: localized,
      UserLocalizedLabel: localized.find((l) => l.LanguageCode === user) ?? null,
    },
  };
}

describe("a choice column's options as known stages", () => {
  const cases: { name: string; options: unknown; expected: StageRef[] }[] = [
    {
      name: "takes the user's label and keeps the other languages' labels as aliases",
      options: [option(0, { 1033: 'Qualify', 1049: 'Квалификация' }, 1049)],
      expected: [{ key: '0', label: 'Квалификация', rank: 0, aliases: ['Qualify'] }],
    },
    {
      name: 'gives no aliases when every language says the same',
      options: [option(1, { 1033: 'CRM', 1049: 'CRM' })],
      expected: [{ key: '1', label: 'CRM', rank: 1 }],
    },
    {
      name: 'falls back on the first localized label when there is no user label',
      options: [option(2, { 1026: 'Предложение', 1033: 'Propose' }, 1058)],
      expected: [{ key: '2', label: 'Предложение', rank: 2, aliases: ['Propose'] }],
    },
    {
      name: "reads a plain-string Label (PCF attributeDescriptor) as the user's label",
      options: [{ Value: 100000000, Label: 'Lead' }],
      expected: [{ key: '100000000', label: 'Lead', rank: 100000000 }],
    },
    {
      name: 'shows the value when an option has no label at all',
      options: [{ Value: 7, Label: { LocalizedLabels: [], UserLocalizedLabel: null } }],
      expected: [{ key: '7', label: '7', rank: 7 }],
    },
    {
      name: 'skips options without an integer value and repeated values',
      options: [
        { Value: '1', Label: 'x' },
        { Value: 1.5, Label: 'y' },
        null,
        { Value: 3, Label: 'A' },
        { Value: 3, Label: 'B' },
      ],
      expected: [{ key: '3', label: 'A', rank: 3 }],
    },
    {
      name: 'gives nothing for something that is not a list of options',
      options: { Options: [] },
      expected: [],
    },
  ];
  it.each(cases)('$name', ({ options, expected }) => {
    expect(stagesFromOptionMetadata(options)).toEqual(expected);
  });
});

describe("a PCF attribute's options as known stages", () => {
  const cases: { name: string; attribute: unknown; expected: string[] }[] = [
    {
      name: "reads attributeDescriptor.OptionSet, in the maker's order",
      attribute: {
        attributeDescriptor: {
          OptionSet: [
            { Value: 2, Label: 'Won' },
            { Value: 1, Label: 'Open' },
          ],
        },
      },
      expected: ['2:Won', '1:Open'],
    },
    {
      name: "falls back on the attribute's OptionSet map of { value, text }",
      attribute: { OptionSet: { 0: { value: 0, text: 'Qualify' }, 1: { value: 1, text: 'Develop' } } },
      expected: ['0:Qualify', '1:Develop'],
    },
    {
      name: 'gives nothing for a text column',
      attribute: { attributeDescriptor: { Type: 'string' } },
      expected: [],
    },
    { name: 'gives nothing for a missing attribute', attribute: undefined, expected: [] },
  ];
  it.each(cases)('$name', ({ attribute, expected }) => {
    expect(stagesFromPcfAttribute(attribute).map((s) => `${s.key}:${s.label}`)).toEqual(expected);
  });

  it('finds the column in the Attributes collection (get) or an array of attributes', () => {
    const attribute = {
      LogicalName: 'salesstage',
      attributeDescriptor: { OptionSet: [{ Value: 0, Label: 'Qualify' }] },
    };
    const collection = { get: (name: string) => (name === 'salesstage' ? attribute : undefined) };
    expect(stagesFromPcfMetadata({ Attributes: collection }, 'salesstage')).toHaveLength(1);
    expect(stagesFromPcfMetadata({ Attributes: [attribute] }, 'salesstage')).toHaveLength(1);
    expect(stagesFromPcfMetadata({ Attributes: collection }, 'other')).toEqual([]);
    expect(stagesFromPcfMetadata({}, 'salesstage')).toEqual([]);
  });
});

describe('known stages in the funnel', () => {
  const known = stagesFromOptionMetadata([
    option(0, { 1033: 'Qualify', 1049: 'Квалификация' }, 1049),
    option(1, { 1033: 'Develop', 1049: 'Развитие' }, 1049),
    option(3, { 1033: 'Close', 1049: 'Закрытие' }, 1049),
  ]);
  // The data names its stages in the user's language only, as the aggregate's formatted values do.
  const rows = [
    { stage: { key: '0', label: 'Квалификация', rank: 0 }, count: 5, amount: null },
    { stage: { key: '1', label: 'Развитие', rank: 1 }, count: 2, amount: null },
  ];

  it('draws a listed stage with no records as a zero stage after the first with records, matching labels of another language, and warns only of the typo', () => {
    const funnel = computeFunnel(
      { kind: 'aggregates', rows },
      { stageOrder: 'Qualify, Close, Develop, Qualfy', knownStages: known },
    );
    expect(funnel.stages.map((s) => [s.label, s.count, s.listedOnly])).toEqual([
      ['Квалификация', 5, false],
      ['Закрытие', 0, true],
      ['Развитие', 2, false],
    ]);
    expect(funnel.warnings).toEqual([{ kind: 'unknownStage', entry: 'Qualfy' }]);
  });

  it('reports the same stage as not found without the options', () => {
    const funnel = computeFunnel({ kind: 'aggregates', rows }, { stageOrder: 'Квалификация, Закрытие' });
    expect(funnel.warnings).toEqual([{ kind: 'unknownStage', entry: 'Закрытие' }]);
  });
});
