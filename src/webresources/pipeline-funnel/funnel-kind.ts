/**
 * Which funnel the page draws: `funnel=pipeline` (the default: a table's stages) or
 * `funnel=campaign` (a campaign from responses to won deals, loaded only when asked for). Any other
 * value is left to the pipeline's settings, which name it as a bad value.
 */
import type { ClientConfig } from '../params/client-config';
import { readDataParameter } from '../params/data-params';

export type FunnelKind = 'pipeline' | 'campaign';

export function funnelKindOf(search: string, client: ClientConfig): FunnelKind {
  const value = readDataParameter(search).values.get('funnel') ?? client.funnel.get('funnel');
  return value?.trim().toLowerCase() === 'campaign' ? 'campaign' : 'pipeline';
}
