/**
 * The drill-down under the funnel, fetched on demand (../page/on-demand.ts): the same three calls
 * funnel-page.ts makes, whose code (stage-drill.ts) is a chunk of its own in the built page,
 * downloaded on the first click on a stage. Calls keep their order: each waits for the one load.
 */
import type { Translate } from '../../widgets/shared/i18n';
import type { DataverseClient } from '../dataverse/dataverse-client';
import type { FailureText } from '../page/failure-text';
import { onDemand } from '../page/on-demand';
import type { StageRecord, StageRecordsQuery } from './stage-records';
import type { StageRecordsState, StageRecordsViewOptions } from './stage-records-view';

type StageDrill = typeof import('./stage-drill');
let loaded: StageDrill | undefined;
const code = onDemand(() => import('./stage-drill').then((m) => (loaded = m)));

export function renderStageRecords(
  host: HTMLElement,
  o: StageRecordsViewOptions,
  s: StageRecordsState,
): void {
  code().then(
    (m) => m.renderStageRecords(host, o, s),
    () => host.replaceChildren(o.t('error.load')),
  );
}

export async function loadStageRecords(
  client: DataverseClient,
  q: StageRecordsQuery,
): Promise<StageRecord[]> {
  return (await code()).loadStageRecords(client, q);
}

/** The failure's text; when the drill-down's own code could not be fetched, that it failed to load. */
export function describeFailure(e: unknown, t: Translate, table: string): FailureText {
  return loaded?.describeFailure(e, t, table) ?? { title: t('error.load'), lines: [] };
}
