/**
 * The drill-down under a funnel: a clicked stage's records, loading then listed (or the failure in
 * the user's language). Only the latest click's answer is drawn: an earlier one arriving late is
 * dropped. Used by the pipeline and the campaign funnel. The list's code comes on the first click
 * (stage-drill-later.ts), so none of it is in the page's first download.
 */
import { el } from '../../widgets/shared/dom';
import type { Translate } from '../../widgets/shared/i18n';
import type { StageRecord } from './stage-records';
import type { StageRecordsState, StageRecordsViewOptions } from './stage-records-view';
import { describeFailure, renderStageRecords } from './stage-drill-later';

export interface StageDrill {
  /** Lists a stage's records; `load` undefined: the stage can have none. */
  show(stage: string, count: number, load: (() => Promise<StageRecord[]>) | undefined): void;
  /** Says something instead of a list. */
  say(text: string): void;
}

/**
 * `strings` fetches the drill-down's strings (the page's `more` file, catalogue.ts): the list is
 * drawn once they are here, its records read meanwhile.
 */
export function stageDrill(
  host: HTMLElement,
  t: Translate,
  strings: () => Promise<void>,
  view: () => StageRecordsViewOptions,
): StageDrill {
  let asked = 0;
  return {
    show(stage, count, load) {
      const mine = ++asked;
      const o = view();
      const records = load?.();
      records?.catch(() => undefined);
      const draw = (s: StageRecordsState): void => {
        if (mine === asked) renderStageRecords(host, o, s);
      };
      void strings().then(async () => {
        if (records === undefined) {
          draw({ state: 'ready', stage, count: 0, records: [] });
          return;
        }
        draw({ state: 'loading', stage });
        try {
          draw({ state: 'ready', stage, count, records: await records });
        } catch (e) {
          draw({ state: 'error', stage, message: describeFailure(e, t, o.table).title });
        }
      });
    },
    say(text) {
      asked++;
      host.replaceChildren(el(host.ownerDocument, 'p', { className: 'crmkit-dash__drill-status', text }));
    },
  };
}
