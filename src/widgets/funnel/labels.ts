/** The funnel's numbers as text in the user's language (counts, money, percentages, summaries). */
import type { Formats, Translate } from '../shared/i18n';
import { formatMoney, type Currency } from './money';
import type { FunnelMetric, FunnelStage } from './types';

export interface FunnelLabels {
  t: Translate;
  count: (n: number) => string;
  money: (n: number) => string;
  percent: (ratio: number | null) => string;
  /** The bar's measure: a count or an amount, as the metric says. */
  value: (n: number) => string;
  /** One sentence describing a stage, for screen readers and tooltips. */
  summary: (stage: FunnelStage, withAmount: boolean) => string;
}

export function createLabels(
  t: Translate,
  formats: Formats,
  currency: Currency,
  metric: FunnelMetric,
): FunnelLabels {
  const count = (n: number): string => formats.number(n);
  const money = (n: number): string => formatMoney(n, formats.locale, currency);
  const percent = (ratio: number | null): string =>
    ratio === null ? '—' : formats.percent(ratio, Math.abs(ratio) < 0.1 && ratio !== 0 ? 1 : 0);
  const value = metric === 'amount' ? money : count;
  const summary = (stage: FunnelStage, withAmount: boolean): string => {
    const parts = [`${stage.label}: ${t('stage.records')} ${count(stage.count)}`];
    if (withAmount) parts.push(`${t('stage.amount')} ${money(stage.amount)}`);
    if (stage.ofPrevious !== null) parts.push(t('stage.conversion', { percent: percent(stage.ofPrevious) }));
    if (stage.dropOff !== null) parts.push(t('stage.dropOff', { value: value(stage.dropOff) }));
    return parts.join('; ');
  };
  return { t, count, money, percent, value, summary };
}
