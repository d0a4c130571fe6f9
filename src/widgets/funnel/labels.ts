/** The funnel's numbers as text in the user's language (counts, money, percentages, summaries). */
import type { Formats, Translate } from '../shared/i18n';
import { moneyFormat, type Currency } from './money';
import type { FunnelMetric, FunnelStage } from './types';

export interface FunnelLabels {
  t: Translate;
  count: (n: number) => string;
  money: (n: number) => string;
  percent: (ratio: number | null) => string;
  /** The bar's measure: a count or an amount, as the metric says. */
  value: (n: number) => string;
  /**
   * What changed since the previous stage, in words: its drop-off, or how much more it holds when it
   * grew (never a negative number); null for the first stage.
   */
  change: (stage: FunnelStage) => string | null;
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
  // Amounts of no known currency are plain numbers: the count's formatter serves them too.
  const money =
    currency.code === undefined && currency.symbol === undefined
      ? count
      : moneyFormat(formats.locale, currency);
  const percent = (ratio: number | null): string =>
    ratio === null ? '—' : formats.percent(ratio, Math.abs(ratio) < 0.1 && ratio !== 0 ? 1 : 0);
  const value = metric === 'amount' ? money : count;
  const change = (stage: FunnelStage): string | null => {
    if (stage.gain !== null && stage.gain > 0) return t('stage.gain', { value: value(stage.gain) });
    return stage.dropOff === null ? null : t('stage.dropOff', { value: value(stage.dropOff) });
  };
  const summary = (stage: FunnelStage, withAmount: boolean): string => {
    const parts = [`${stage.label}: ${t('stage.records')} ${count(stage.count)}`];
    if (withAmount) parts.push(`${t('stage.amount')} ${money(stage.amount)}`);
    if (stage.ofPrevious !== null) parts.push(t('stage.conversion', { percent: percent(stage.ofPrevious) }));
    const changed = change(stage);
    if (changed !== null) parts.push(changed);
    return parts.join('; ');
  };
  return { t, count, money, percent, value, change, summary };
}
