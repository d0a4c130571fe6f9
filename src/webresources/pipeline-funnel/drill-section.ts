/**
 * The drill-down under a funnel: a clicked stage's records, loading then listed (or the failure in
 * the user's language). Only the latest click's answer is drawn: an earlier one arriving late is
 * dropped. Used by the pipeline and the campaign funnel. The list's code comes on the first click
 * (stage-drill-later.ts), so none of it is in the page's first download.
 */
import { el } from '../../widgets/shared/dom';
import type { Translate } from '../../widgets/shared/i18n';
import type { StageRecord } from './stage-records';
import type { StageRecordsViewOptions } from './stage-records-view';
import { describeFailure, renderStageRecords } from './stage-drill-later';

export interface StageDrill {
  /** Lists a stage's records; `load` undefined: the stage can have none. */
  show(stage: string, count: number, load: (() => Promise<StageRecord[]>) | undefined): void;
  /** Says something instead of a list. */
  say(text: string): void;
}

export function stageDrill(host: HTMLElement, t: Translate, view: () => StageRecordsViewOptions): StageDrill {
  let asked = 0;
  return {
    show(stage, count, load) {
      const mine = ++asked;
      const o = view();
      if (load === undefined) {
        renderStageRecords(host, o, { state: 'ready', stage, count: 0, records: [] });
        return;
      }
      renderStageRecords(host, o, { state: 'loading', stage });
      load().then(
        (records) => {
          if (mine === asked) renderStageRecords(host, o, { state: 'ready', stage, count, records });
        },
        (e: unknown) => {
          if (mine !== asked) return;
          const message = describeFailure(e, t, o.table).title;
          renderStageRecords(host, o, { state: 'error', stage, message });
        },
      );
    },
    say(text) {
      asked++;
      host.replaceChildren(el(host.ownerDocument, 'p', { className: 'crmkit-dash__drill-status', text }));
    },
  };
}
