/** The campaign funnel's settings (`funnel=campaign`): the `data` parameter over config.json over defaults. */
import type { ClientConfig } from '../params/client-config';
import { ParamReader, readDataParameter, type CampaignRef } from '../params/data-params';
import type { PeriodSpec } from '../params/period';

export interface CampaignConfig {
  campaign: CampaignRef;
  period: PeriodSpec;
  compare: 'none' | 'previous';
  title?: string;
}

/** Reads and validates the settings; throws a ConfigError naming every bad parameter. */
export function readCampaignConfig(search: string, client: ClientConfig): CampaignConfig {
  const { values, problems } = readDataParameter(search);
  const r = new ParamReader(values, problems, client.funnel, 'config.json › funnel.');
  r.choice('funnel', ['pipeline', 'campaign'] as const, 'campaign');
  const campaign = r.campaign('campaign');
  const period = r.period('period', { kind: 'all' });
  const compare = r.compare('compare', period);
  const title = r.text('title');
  r.finish();
  // finish() threw if the campaign was missing or malformed.
  const config: CampaignConfig = { campaign: campaign!, period, compare };
  if (title !== undefined) config.title = title;
  return config;
}
