/**
 * The commit path of the survey control: a change is applied to the latest stored value when it can
 * be re-read (merged with other users' saves), else to the form's copy, then handed to the host.
 */
import { aggregate, surveyOutputs } from './aggregates';
import type { SurveyDefinition } from './definition';
import type { ResponseForm } from './form-view';
import { rereadAndMerge } from './reread';
import type { SurveyOp, SurveySync } from './sync';
import type { SurveyWidgetOptions } from './widget-options';
import type { SurveyRegions } from './widget-regions';

/** What the commit path reads from the control, as it is at the time of the change. */
export interface StoredChangeHost {
  sync: () => SurveySync | undefined;
  maxLength: () => number | undefined;
  definition: () => SurveyDefinition;
  destroyed: () => boolean;
  /** Renders the control; `force` renders even when nothing the view depends on changed. */
  render: (force: boolean) => void;
}

export class StoredChanges {
  /** A re-read of the stored value is in flight: further changes wait for it. */
  private busy = false;

  constructor(
    private readonly options: SurveyWidgetOptions,
    private readonly regions: SurveyRegions,
    private readonly host: StoredChangeHost,
  ) {}

  /**
   * Re-reads the stored value, merges this form's changes into it, then runs `change` — unless the
   * stored value became unreadable (it is never overwritten by a response; `resetting` = the user
   * chose Start over). Without a re-read, or when it fails, `change` applies to the form's copy.
   * `change` returns whether it was made (a refused change is not "applied to the latest version").
   */
  withStored(resetting: boolean, change: () => boolean): void {
    const sync = this.host.sync();
    if (this.busy || sync === undefined) return;
    const reading = this.options.readStored?.();
    if (reading === undefined) {
      change();
      return;
    }
    this.busy = true;
    this.regions.setBusy(true);
    // Said only when the re-read is slow, so that a quick one does not flash a message.
    const slow = setTimeout(() => this.regions.setStatus(this.options.t('state.checking')), 500);
    void rereadAndMerge(sync, reading, this.options.readStoredTimeoutMs ?? 10_000, resetting).then(
      (outcome) => {
        clearTimeout(slow);
        this.busy = false;
        this.regions.setBusy(false);
        if (this.host.destroyed()) return;
        const t = this.options.t;
        this.regions.setStatus(outcome.status === undefined ? undefined : t(`state.${outcome.status}`));
        const made = outcome.proceed && change();
        // Told after the change, which clears older notices.
        const notice = outcome.notice;
        if (notice !== undefined && (made || notice.kind === 'error')) {
          this.regions.setNotice(t(notice.key), notice.kind);
        }
        this.host.render(true);
      },
    );
  }

  /** Applies an operation and hands the value to the host; false (with a message) when refused. */
  commit(op: SurveyOp, form?: ResponseForm): boolean {
    const result = this.host.sync()?.commit(op, this.host.maxLength());
    if (result === undefined) return false;
    if (!result.ok) {
      const t = this.options.t;
      const text =
        result.reason === 'tooLong'
          ? t('state.tooLong', {
              length: this.options.formats.number(result.length),
              max: this.options.formats.number(result.max),
            })
          : t('form.responseGone');
      if (form === undefined) this.regions.setNotice(text, 'error');
      else form.showMessage(text);
      return false;
    }
    this.regions.setNotice(undefined);
    this.emit(result.value);
    this.host.render(false);
    return true;
  }

  /** Hands a value to the host with the scores of the shown document. */
  emit(value: string): void {
    const state = this.host.sync()?.state;
    if (state?.ok !== true) return;
    this.options.onChange(value, surveyOutputs(aggregate(state.document.responses, this.host.definition())));
  }
}
