/**
 * What `labels push` decides before anything is sent: the plan is plain data (counts, changed
 * cells, conflicts, refusals, check findings) plus the translations file to import.
 */
import type { Problem } from '../../errors';
import type { NamedFile } from '../../fs/open-input';
import type { QaProblem } from '../check/problem';
import type { LabelSheet, Lcid, TranslationsHeader } from '../crm-xml/model';
import type { ProgressCallbacks } from '../progress-callbacks';

/** What is pushed: the translators' workbooks, or one translations zip. */
export type PushInput =
  | { workbooks: readonly NamedFile[] }
  | {
      zip: NamedFile;
      /**
       * The languages the zip translates (default: every language of the zip but the base). Its
       * texts in any other language are never pushed; where they differ from the environment, the
       * environment changed them since the zip was exported.
       */
      languages?: readonly Lcid[];
    };

export interface PushOptions extends Pick<ProgressCallbacks, 'onRows'> {
  /** The environment's translations as they are now (a fresh pull): a zip or a CrmTranslations.xml. */
  fresh: NamedFile;
  push: PushInput;
  /** Apply the edits of conflicting rows too (never the cells only the environment changed, when that can be told). */
  force?: boolean;
  /** Largest XML accepted inside a zip, in bytes. */
  maxSize?: number;
}

/**
 * Who changed a cell since the workbook (or zip) was exported: `push` the translator, `environment`
 * someone in Dynamics, `unknown` when the row token cannot tell (both did, or too many languages).
 */
export type ChangedBy = 'push' | 'environment' | 'unknown';

/** One language of a conflicting row: the environment's text now and the text the push has. */
export interface PushConflict {
  sheet: LabelSheet;
  /** The row key as a person reads it: `account / 0b1c… / DisplayName`. */
  key: string;
  lcid: Lcid;
  environment: string;
  pushed: string;
  changedBy: ChangedBy;
  /** Where the pushed text stands: `ru.xlsx › Localized Labels!E14`, or `translated.zip › Localized Labels`. */
  where: string;
}

/** One label text the push changes. */
export interface LabelChange {
  sheet: LabelSheet;
  key: string;
  lcid: Lcid;
  before: string;
  after: string;
  where: string;
}

export interface PushPlan {
  kind: 'workbooks' | 'zip';
  /** Zip push: the languages whose texts it pushes (given, or inferred: see `inferTranslated`). */
  translated?: readonly Lcid[];
  /** The fresh pull's header (solution, base language, language columns). */
  header: TranslationsHeader;
  /** Label texts changed per language, in the file's language order. */
  changed: Map<Lcid, number>;
  changes: LabelChange[];
  /** Rows the push edits that the environment changed since their export; imported only with `force`. */
  conflicts: PushConflict[];
  /** Labels whose texts the environment changed since the zip was exported, left as they are (zip push). */
  kept: Map<Lcid, number>;
  /** Edits that cannot go in (validation, two workbooks disagreeing, a formula or changed key): nothing may be pushed. */
  refused: Problem[];
  /** The `labels check` rules on every label the push changes, as the result has it. */
  problems: QaProblem[];
  warnings: Problem[];
  /**
   * The translations file to import (a zip when the fresh pull is one, else the XML), with only the
   * changed cells rewritten; undefined when nothing changes.
   */
  result?: Uint8Array;
  /** Why the plan may not be imported as it is, or undefined when it may. */
  blocked?: 'refused' | 'errors' | 'conflicts' | 'nothing';
}
