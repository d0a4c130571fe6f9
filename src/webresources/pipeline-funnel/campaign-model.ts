/**
 * The campaign funnel as the funnel widget draws it: responses (when the campaign uses them) →
 * leads → qualified leads → opportunities from those leads → won, each a count. Every stage is a
 * count of its own (a qualified lead is also a lead), so the stages are not added up: the funnel's
 * records are those of its first stage that holds any, and its overall conversion is won ÷ those.
 * Pure: counts in, the widget's Funnel out.
 */
import { computeFunnel } from '../../widgets/funnel/model';
import type { Funnel, StageAggregate } from '../../widgets/funnel/types';

export const campaignStages = ['responses', 'leads', 'qualified', 'opportunities', 'won'] as const;
export type CampaignStage = (typeof campaignStages)[number];

export type CampaignCounts = Readonly<Record<CampaignStage, number>>;

/** The totals of a stage's rows (already grouped by state) as the widget's stage totals. */
export function campaignAggregates(
  counts: CampaignCounts,
  labels: Readonly<Record<CampaignStage, string>>,
  withResponses: boolean,
): StageAggregate[] {
  return campaignStages
    .filter((key) => withResponses || key !== 'responses')
    .map((key) => ({
      stage: { key, label: labels[key], rank: campaignStages.indexOf(key) },
      count: counts[key],
      amount: null,
    }));
}

/** The funnel of one period; `withResponses` when either compared period has responses. */
export function campaignFunnel(
  counts: CampaignCounts,
  labels: Readonly<Record<CampaignStage, string>>,
  withResponses: boolean,
): Funnel {
  const funnel = computeFunnel(
    { kind: 'aggregates', rows: campaignAggregates(counts, labels, withResponses) },
    { mode: 'snapshot', metric: 'count' },
  );
  const base = funnel.stages.find((s) => s.count > 0)?.count ?? 0;
  const won = funnel.stages[funnel.stages.length - 1]?.count ?? 0;
  return {
    ...funnel,
    // Each stage counts the records that got that far: "counted by stage reached".
    mode: 'reached',
    records: base,
    unstaged: 0,
    overallConversion: base === 0 ? null : won / base,
  };
}
