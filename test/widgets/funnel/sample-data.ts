/**
 * Deterministic sample opportunities for tests and the browser host page: a choice stage (values
 * out of label order), a currency amount (some empty) and a choice segment.
 */
import type { MockRow } from './mock-dataset';

export const SAMPLE_STAGES = [
  {
    value: 100000000,
    label: { 1033: 'Qualify', 1049: 'Квалификация', 1026: 'Квалифициране', 1058: 'Кваліфікація' },
  },
  {
    value: 100000001,
    label: { 1033: 'Develop', 1049: 'Разработка', 1026: 'Разработване', 1058: 'Розробка' },
  },
  {
    value: 100000002,
    label: { 1033: 'Propose', 1049: 'Предложение', 1026: 'Предложение', 1058: 'Пропозиція' },
  },
  { value: 100000003, label: { 1033: 'Close', 1049: 'Закрытие', 1026: 'Приключване', 1058: 'Закриття' } },
] as const;

export const SAMPLE_SEGMENTS = [
  {
    value: 1,
    label: { 1033: 'Enterprise', 1049: 'Крупный бизнес', 1026: 'Корпоративни', 1058: 'Великий бізнес' },
  },
  { value: 2, label: { 1033: 'SMB', 1049: 'Малый бизнес', 1026: 'Малък бизнес', 1058: 'Малий бізнес' } },
] as const;

export type SampleLcid = 1033 | 1049 | 1026 | 1058;

export const SAMPLE_COLUMNS = [
  { name: 'salesstagecode', alias: 'stage', dataType: 'OptionSet' },
  { name: 'estimatedvalue', alias: 'amount', dataType: 'Currency' },
  { name: 'customertypecode', alias: 'segment', dataType: 'OptionSet' },
];

export interface SampleOpportunity {
  id: string;
  stage: number;
  amount: number | null;
  segment: number;
}

/** A small linear congruential generator: the same numbers in Node and in the browser. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export function sampleOpportunities(n: number, seed = 5): SampleOpportunity[] {
  const next = random(seed);
  const weights = [0.45, 0.3, 0.17, 0.08];
  return Array.from({ length: n }, (_, i) => {
    const r = next();
    let stage = 0;
    for (let acc = weights[0]!; r > acc && stage < weights.length - 1; acc += weights[++stage]!);
    const amount = next() < 0.1 ? null : Math.round(next() * 200) * 250;
    return { id: `opp-${i}`, stage, amount, segment: next() < 0.35 ? 0 : 1 };
  });
}

/** The opportunities as dataset rows, with the labels and currency text of the given language. */
export function sampleRows(
  opportunities: readonly SampleOpportunity[],
  lcid: SampleLcid,
  symbol = '€',
): MockRow[] {
  return opportunities.map((o) => {
    const stage = SAMPLE_STAGES[o.stage]!;
    const segment = SAMPLE_SEGMENTS[o.segment]!;
    return {
      id: o.id,
      values: { salesstagecode: stage.value, estimatedvalue: o.amount, customertypecode: segment.value },
      formatted: {
        salesstagecode: stage.label[lcid],
        estimatedvalue: o.amount === null ? '' : `${o.amount.toFixed(2)} ${symbol}`,
        customertypecode: segment.label[lcid],
      },
    };
  });
}
