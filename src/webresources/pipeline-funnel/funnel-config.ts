/** The pipeline funnel page's configuration: `data` parameter over config.json over defaults. */
import type { ClientConfig } from '../params/client-config';
import { ParamReader, readDataParameter, type RecordFilter } from '../params/data-params';
import type { PeriodSpec } from '../params/period';
import { readSegment, type SegmentSpec } from '../params/segment-param';

export interface FunnelConfig {
  title?: string;
  table: string;
  stage: string;
  amount?: string;
  /** A segment column of the table itself. */
  segment?: string;
  /** A segment through a lookup (`parentaccountid.territoryid`) or by product. */
  segmentVia?: Exclude<SegmentSpec, { kind: 'column' }>;
  /** The primary name column, shown in a stage's record list. */
  name: string;
  /** A column (usually the `ownerid` lookup) shown in a stage's record list. */
  owner?: string;
  stageOrder: string[];
  filter: RecordFilter;
  period: PeriodSpec;
  mode: 'snapshot' | 'reached';
  metric: 'count' | 'amount';
  /** ISO code of the amounts' currency; else taken from Dataverse's formatted sums. */
  currency?: string;
  /** `previous`: the previous period of the same length drawn beside this one. */
  compare?: 'previous';
}

/** Reads and validates the configuration; throws a ConfigError naming every bad parameter. */
export function readFunnelConfig(search: string, client: ClientConfig): FunnelConfig {
  const { values, problems } = readDataParameter(search);
  const r = new ParamReader(values, problems, client.funnel, 'config.json › funnel.');
  const table = r.name('table', 'opportunity');
  const isOpportunity = table === 'opportunity';
  const config: FunnelConfig = {
    table,
    stage: r.name('stage', isOpportunity ? 'salesstage' : undefined) ?? 'salesstage',
    name: r.name('name', 'name'),
    stageOrder: r.list('stageOrder'),
    filter: r.filter('filter', { kind: 'open' }),
    period: r.period('period', { kind: 'all' }),
    mode: r.choice('mode', ['snapshot', 'reached'] as const, 'snapshot'),
    metric: r.choice('metric', ['count', 'amount'] as const, 'count'),
  };
  r.choice('funnel', ['pipeline', 'campaign'] as const, 'pipeline');
  const compare = r.compare('compare', config.period);
  const amount = r.optionalName('amount', isOpportunity ? 'estimatedvalue' : undefined);
  const segment = readSegment(r, table);
  const owner = r.optionalName('owner');
  const currency = r.currency('currency');
  const title = r.text('title');
  r.finish();
  if (amount !== undefined) config.amount = amount;
  if (segment?.kind === 'column') config.segment = segment.column;
  else if (segment !== undefined) config.segmentVia = segment;
  if (owner !== undefined) config.owner = owner;
  if (currency !== undefined) config.currency = currency;
  if (title !== undefined) config.title = title;
  if (compare === 'previous') config.compare = compare;
  return config;
}
