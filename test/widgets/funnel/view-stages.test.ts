// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { createFormats, createTranslate } from '../../../src/widgets/shared/i18n';
import { computeFunnel } from '../../../src/widgets/funnel/model';
import type { FunnelOptions, FunnelRecord } from '../../../src/widgets/funnel/types';
import { createFunnelView } from '../../../src/widgets/funnel/view';
import bg from '../../../translations/ui/1026.json';
import en from '../../../translations/ui/1033.json';
import ru from '../../../translations/ui/1049.json';
import uk from '../../../translations/ui/1058.json';

const catalogues = { 1033: en, 1049: ru, 1026: bg, 1058: uk } as const;
type Lcid = keyof typeof catalogues;

/** `n` records in each stage, as listed. */
function records(...stages: [string, number][]): FunnelRecord[] {
  return stages.flatMap(([stage, n]) =>
    Array.from({ length: n }, (_, i) => ({
      id: `${stage}-${i}`,
      stage: { key: stage, label: stage },
      amount: null,
    })),
  );
}

function mount(lcid: Lcid, input: FunnelRecord[], options: FunnelOptions): HTMLElement {
  const host = document.createElement('div');
  document.body.appendChild(host);
  const strings = catalogues[lcid].funnel as Record<string, string>;
  const view = createFunnelView(host, {
    t: createTranslate((k) => strings[k]),
    formats: createFormats(lcid),
  });
  const funnel = computeFunnel({ kind: 'records', records: input }, options);
  view.update({ state: 'ready', funnel, currency: {}, hasAmount: false });
  return host;
}

const texts = (root: ParentNode, selector: string): string[] =>
  [...root.querySelectorAll(selector)].map((n) => n.textContent ?? '');

afterEach(() => document.body.replaceChildren());

describe('funnel view: stage lists that make sense', () => {
  it.each([
    [1033, 'Stage not found: Qualfy (named in the stage order)'],
    [1049, 'Этап не найден: Qualfy (указан в порядке этапов)'],
    [1026, 'Етапът не е намерен: Qualfy (посочен в реда на етапите)'],
    [1058, 'Етап не знайдено: Qualfy (зазначений у порядку етапів)'],
  ] as const)('names a stageOrder entry that matches no stage, in language %i', (lcid, line) => {
    const root = mount(lcid, records(['Lead', 3], ['Won', 1]), { stageOrder: 'Qualfy, Lead, Won' });
    expect(texts(root, '[data-notice="warnings"] li')).toEqual([line]);
    expect(texts(root, '.crmkit-funnel__label')).toEqual(['Lead', 'Won']);
  });

  it('gives one warning line per unknown entry and none when every entry names a stage', () => {
    const input = records(['Lead', 3], ['Won', 1]);
    const two = mount(1033, input, { stageOrder: 'Qualfy, Lead, Clsoe' });
    expect(texts(two, '[data-notice="warnings"] li')).toHaveLength(2);
    const none = mount(1033, input, { stageOrder: 'Lead, Won' });
    expect(none.querySelector('[data-notice="warnings"]')).toBeNull();
  });

  it.each([
    [1033, '+2 more than the previous stage'],
    [1049, '+2 по сравнению с предыдущим этапом'],
    [1026, '+2 спрямо предишния етап'],
    [1058, '+2 порівняно з попереднім етапом'],
  ] as const)('says a snapshot stage grew in words, never as a negative drop-off, in %i', (lcid, words) => {
    const root = mount(lcid, records(['1-Lead', 1], ['2-Won', 3]), {});
    expect(texts(root, '.crmkit-funnel__drop')).toEqual([words]);
    expect(root.textContent).not.toMatch(/[-−]\s?2/);
    root.querySelector<HTMLButtonElement>('[data-table]')!.click();
    expect(texts(root, 'td.is-gain')).toEqual([words]);
  });

  // The catalogue fills placeholders only (no plural forms): the sentences are built so no word
  // agrees with the number, which keeps them right for 1, 2–4, 5–20 and 21 alike.
  it.each([1049, 1026, 1058] as const)('reads right for every number in language %i', (lcid) => {
    const said = [1, 3, 5, 21].map((n) => {
      const root = mount(lcid, records(['1-Lead', 1], ['2-Won', 1 + n]), {});
      return texts(root, '.crmkit-funnel__drop')[0]!.replace(/\d+/, 'N');
    });
    expect(new Set(said).size).toBe(1);
  });

  it('shows "% of first" on every later stage when the listed first stage has no records', () => {
    const known = ['Qualify', 'Develop', 'Close'].map((label) => ({ key: label, label }));
    const root = mount(1033, records(['Develop', 4], ['Close', 1]), {
      stageOrder: 'Qualify, Develop, Close',
      knownStages: known,
    });
    expect(texts(root, '.crmkit-funnel__label')).toEqual(['Develop', 'Close']);
    expect(texts(root, '.crmkit-funnel__of-first')).toEqual(['25% of first']);
  });
});
