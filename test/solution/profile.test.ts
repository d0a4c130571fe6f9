import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CrmKitError } from '../../src/errors';
import { DYNAMICS_LANGUAGES } from '../../src/languages/lcid';
import { jsonSyntaxPlace } from '../../src/solution/json-syntax';
import { parseProfile, validateProfile } from '../../src/solution/profile';
import { loadProfile, loadSource, repoRoot } from './fakes';

const source = loadSource();
const contoso = (): Record<string, unknown> =>
  JSON.parse(readFileSync(path.join(repoRoot, 'solutions/clients/contoso.json'), 'utf8')) as Record<
    string,
    unknown
  >;

function problemsOf(data: unknown): string[] {
  try {
    validateProfile(data, 'p.json', source);
  } catch (e) {
    if (e instanceof CrmKitError) return e.problems.map((p) => `${p.where}: ${p.message}`);
    throw e;
  }
  return [];
}

type Edit = (p: Record<string, unknown>) => void;
const publisher = (p: Record<string, unknown>): Record<string, unknown> =>
  p.publisher as Record<string, unknown>;
const solution = (p: Record<string, unknown>): Record<string, unknown> =>
  p.solution as Record<string, unknown>;

const cases: [string, Edit, RegExp][] = [
  [
    'a prefix starting with mscrm',
    (p) => (publisher(p).prefix = 'mscrmx'),
    /publisher\.prefix: must be 2–8 lower-case letters or digits, start with a letter, and not start with mscrm \(got "mscrmx"\)/,
  ],
  [
    'a prefix starting with a digit',
    (p) => (publisher(p).prefix = '1ab'),
    /publisher\.prefix: must be 2–8 lower-case letters/,
  ],
  ['a one-letter prefix', (p) => (publisher(p).prefix = 'c'), /publisher\.prefix: must be 2–8/],
  ['a nine-letter prefix', (p) => (publisher(p).prefix = 'abcdefghi'), /publisher\.prefix: must be 2–8/],
  ['a prefix with an underscore', (p) => (publisher(p).prefix = 'ab_c'), /publisher\.prefix: must be 2–8/],
  [
    'a prefix with capitals (Dataverse keeps prefixes in lower case)',
    (p) => (publisher(p).prefix = 'Acme'),
    /publisher\.prefix: must be 2–8 lower-case letters or digits, .* \(got "Acme"\)/,
  ],
  [
    'an option value prefix below 10000',
    (p) => (publisher(p).optionValuePrefix = 9999),
    /publisher\.optionValuePrefix: must be a whole number from 10000 to 99999 \(got 9999\)/,
  ],
  [
    'a duplicate language',
    (p) => (p.languages = [1033, 1049, 1033]),
    /languages: lists 1033 twice; must list each language once/,
  ],
  [
    'a language Dynamics 365 does not have',
    (p) => (p.languages = [1033, 1234]),
    /^p\.json › languages\[1\]: 1234 is not a language code \(LCID\) Dynamics 365 supports; use e\.g\. 1033 English, 1031 German, 1036 French \(docs\/consultants\.md lists all 45\)$/,
  ],
  [
    'a regional format that has no language pack (German, Austria)',
    (p) => (p.languages = [1033, 3079]),
    /languages\[1\]: 3079 is not a language code \(LCID\) Dynamics 365 supports/,
  ],
  [
    'a language tag instead of a code',
    (p) => (p.languages = [1033, 'de']),
    /languages\[1\]: "de" is not a language code \(LCID\) Dynamics 365 supports/,
  ],
  [
    'an unknown widget',
    (p) => (p.widgets = ['survey', 'kanban']),
    /widgets\[1\]: must be one of the widgets crmkit ships: survey, funnel, surveyDashboard, funnelDashboard \(got "kanban"\)/,
  ],
  ['a duplicate widget', (p) => (p.widgets = ['survey', 'survey']), /widgets: lists "survey" twice/],
  [
    'a three-part version',
    (p) => (solution(p).version = '1.2.3'),
    /solution\.version: must be four whole numbers separated by dots .* \(got "1\.2\.3"\)/,
  ],
  [
    'a version with letters',
    (p) => (solution(p).version = '1.0.0.beta'),
    /solution\.version: must be four whole numbers/,
  ],
  [
    'a revision above 999',
    (p) => (solution(p).version = '1.0.0.1000'),
    /solution\.version: .*revision at most 999/,
  ],
  [
    'a leading zero in the version',
    (p) => (solution(p).version = '01.0.0.0'),
    /solution\.version: must be four/,
  ],
  [
    'a missing publisher unique name',
    (p) => delete publisher(p).uniqueName,
    /publisher\.uniqueName: is required/,
  ],
  [
    'a solution unique name with a space',
    (p) => (solution(p).uniqueName = 'Contoso Kit'),
    /solution\.uniqueName: must be 1–65 letters, digits or underscores/,
  ],
  [
    'an unknown package kind',
    (p) => (p.package = 'managed-only'),
    /package: must be managed, unmanaged or both/,
  ],
  [
    'a misspelt field',
    (p) => (p.widget = ['survey']),
    /widget: is not a profile field \(check the spelling\)/,
  ],
  [
    'a display name in an unknown language',
    (p) => (solution(p).displayNames = { '1033': 'x', '1234': 'y' }),
    /solution\.displayNames: "1234" is not a language code \(LCID\) Dynamics 365 supports/,
  ],
  [
    'no display name in the base language',
    (p) => {
      p.languages = [1049, 1033];
      solution(p).displayNames = { '1033': 'Kit' };
    },
    /solution\.displayNames: needs a text for the base language 1049/,
  ],
  [
    'an empty display name',
    (p) => (publisher(p).displayNames = { '1033': '' }),
    /publisher\.displayNames\.1033: must be a non-empty text/,
  ],
  [
    'a survey definition the survey control would refuse',
    (p) => (p.defaults = { survey: { definition: { questions: [{ id: 'q', type: 'slider', text: 'Q' }] } } }),
    /defaults\.survey\.definition: is not a survey definition the survey control accepts \(field at questions\[0\]\.type\)/,
  ],
  [
    'a misspelt funnel default',
    (p) => (p.defaults = { funnel: { stageorder: ['A'] } }),
    /defaults\.funnel\.stageorder: is not a profile field/,
  ],
  [
    'a funnel period the dashboards do not understand',
    (p) => (p.defaults = { funnel: { period: 'last year' } }),
    /defaults\.funnel\.period: must be all, ytd, a number of days or months/,
  ],
  [
    'duplicate funnel stages',
    (p) => (p.defaults = { funnel: { stageOrder: ['A', 'A'] } }),
    /defaults\.funnel\.stageOrder: lists "A" twice; must list distinct stage names/,
  ],
];

describe('client profile validation', () => {
  it.each(cases)('refuses %s, naming the field and the rule', (_name, edit, expected) => {
    const p = contoso();
    edit(p);
    const problems = problemsOf(p);
    expect(
      problems.some((m) => expected.test(m)),
      problems.join('\n'),
    ).toBe(true);
    expect(problems.every((m) => m.startsWith('p.json › '))).toBe(true);
  });

  it('lists every problem of a profile at once, not only the first', () => {
    const p = contoso();
    publisher(p).prefix = 'mscrm';
    p.languages = [1033, 1033];
    p.widgets = ['survey', 'gantt'];
    solution(p).version = '1.0';
    const problems = problemsOf(p);
    expect(problems.join('\n')).toMatch(/publisher\.prefix/);
    expect(problems.join('\n')).toMatch(/languages: lists 1033 twice/);
    expect(problems.join('\n')).toMatch(/widgets\[1\]/);
    expect(problems.join('\n')).toMatch(/solution\.version/);
  });

  it('says how many problems there are in a one-line message with the profile file', () => {
    const p = contoso();
    publisher(p).prefix = '9';
    p.package = 'x';
    expect(() => validateProfile(p, 'clients/x.json', source)).toThrow(
      /^clients\/x\.json: the client profile has 2 problems$/,
    );
  });

  it('refuses text that is not JSON with one line naming the file, line and column once', () => {
    expect(() => parseProfile('{ "client": ', 'broken.json', source)).toThrow(
      /^broken\.json:1:13: not valid JSON \(/,
    );
    const thrown = (() => {
      try {
        parseProfile('{\n  "client": "x",\n  oops\n}\n', 'clients/x.json', source);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(thrown).toBeInstanceOf(CrmKitError);
    expect((thrown as CrmKitError).problems).toEqual([
      { where: 'clients/x.json:3:3', message: 'not valid JSON (Expected double-quoted property name)' },
    ]);
  });

  it.each([
    ['{\n  "a": 1,\n  oops', 'Unexpected token at position 14', '3:3', 'Unexpected token'],
    ['{"a":', 'Unexpected end of JSON input', '1:6', 'Unexpected end of JSON input'],
    ['{}', 'Something else entirely', undefined, 'Something else entirely'],
    ['x', 'Unexpected token x in JSON at position 0 (line 1 column 1)', '1:1', 'Unexpected token x'],
  ])('places a JSON syntax error of %j by line and column', (text, message, place, reason) => {
    expect(jsonSyntaxPlace(text, message)).toEqual(place === undefined ? { reason } : { place, reason });
  });

  it('accepts every profile shipped in solutions/clients', () => {
    const names = readdirSync(path.join(repoRoot, 'solutions/clients')).filter((f) => f.endsWith('.json'));
    expect(names.length).toBeGreaterThanOrEqual(2);
    for (const f of names)
      expect(loadProfile(f.replace(/\.json$/, ''), source).client).toMatch(/^[a-z0-9-]+$/);
  });

  it('ships one managed English + Russian profile and one unmanaged Bulgarian + Ukrainian + English profile', () => {
    const managed = loadProfile('contoso', source);
    expect([managed.package, managed.languages]).toEqual(['managed', [1033, 1049]]);
    const unmanaged = loadProfile('balkan-logistics', source);
    expect(unmanaged.package).toBe('unmanaged');
    expect([...unmanaged.languages].sort()).toEqual([1026, 1033, 1058]);
  });

  it.each([
    [[1031, 1033], { '1031': 'Widgets', '1033': 'Widgets' }],
    [[1036], { '1036': 'Widgets' }],
    [[3098, 2074, 1087], { '3098': 'Виџети' }],
  ])('accepts a client in any Dynamics language: %j', (languages, displayNames) => {
    const p = contoso();
    p.languages = languages;
    solution(p).displayNames = displayNames;
    publisher(p).displayNames = displayNames;
    expect(problemsOf(p)).toEqual([]);
  });

  it('ships a German client profile: German base, French and English, with German texts of its own', () => {
    const german = loadProfile('rhein-maschinenbau', source);
    expect(german.languages).toEqual([1031, 1036, 1033]);
    expect(german.solution.displayNames['1031']).toMatch(/für/);
    expect(german.defaults?.survey?.definition?.baseLanguage).toBe(1031);
  });

  it("keeps the schema's language codes equal to the language table (profiles and texts alike)", () => {
    const schema = JSON.parse(
      readFileSync(path.join(repoRoot, 'solutions/client-profile.schema.json'), 'utf8'),
    ) as {
      properties: { languages: { items: { enum: number[] } } };
      definitions: { localized: { propertyNames: { enum: string[] } } };
    };
    expect(schema.properties.languages.items.enum).toEqual(DYNAMICS_LANGUAGES);
    expect(schema.definitions.localized.propertyNames.enum).toEqual(DYNAMICS_LANGUAGES.map(String));
  });

  it("keeps the schema's widget list equal to the widgets of the solution source", () => {
    const schema = JSON.parse(
      readFileSync(path.join(repoRoot, 'solutions/client-profile.schema.json'), 'utf8'),
    ) as {
      properties: { widgets: { items: { enum: string[] } } };
    };
    expect(schema.properties.widgets.items.enum).toEqual(source.widgets.map((w) => w.id));
  });

  it('gives every widget and the solution a name in all four languages', () => {
    for (const texts of [
      source.displayNames,
      source.descriptions,
      source.config.displayNames,
      ...source.widgets.map((w) => w.displayNames),
    ]) {
      expect(Object.keys(texts).sort()).toEqual(['1026', '1033', '1049', '1058']);
    }
  });
});
