/** What the host gives the survey control: its state on each update, and its options once. */
import type { Formats, Translate } from '../shared/i18n';
import type { SurveyOutputs } from './aggregates';

export interface SurveyHostInput {
  /** The bound column's value. */
  value: string | null;
  /** The survey definition (JSON); empty for the built-in one. */
  definition: string | null;
  readable: boolean;
  /** False when the control is disabled or the column is not editable for this user. */
  editable: boolean;
  /** The column's maximum length, when known. */
  maxLength?: number;
  userId: string;
  userName: string;
  /** The width the host gives the control, in px. */
  width?: number;
}

export interface SurveyWidgetOptions {
  t: Translate;
  formats: Formats;
  lcid: number;
  onChange: (value: string, outputs: SurveyOutputs) => void;
  /**
   * Re-reads the record's stored value just before a change is handed to the form (so that other
   * users' saves are merged, not overwritten); undefined when that is not possible now (no Web API,
   * a new unsaved record). A rejected promise falls back to the form's copy, with a status line.
   */
  readStored?: () => Promise<string | null> | undefined;
  /** How long a re-read may take before the change falls back to the form's copy (default 10 s). */
  readStoredTimeoutMs?: number;
  now?: () => Date;
}
