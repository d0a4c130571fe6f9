/** Messages between `readLabels` (main thread) and its worker. */
import type { ThreadFailure } from '../errors';
import type { LabelSheet, Lcid, TranslationsHeader } from './crm-xml/model';
import type { TranslationsReadResult } from './crm-xml/read';
import type { PackedSuggestions } from './memory/suggestion-table';
import type { PackedWanted } from './memory/wanted';
import type { WantedReading } from './wanted-reading';
import type { RowRecipe } from './workbook/label-row-xml';

/**
 * How the worker batches a sheet it makes rows of: labels per batch, and which batches it makes
 * into rows: `balanced` while the main thread is busy (read-batches.ts), `always`, or `alternate`
 * (every other batch). Tests fix them to cover every case whatever the timing.
 */
export interface BatchPolicy {
  size: number;
  rows: 'balanced' | 'always' | 'alternate';
}

export interface WorkerInput {
  file: string;
  name: string;
  maxSize: number;
  /**
   * Given when the main thread may want rows made here: then after each `sheet` message the worker
   * waits for the main thread's `plan` of that sheet before it passes on any of its labels. Its
   * element 0 counts the batches the main thread has taken in (read-batches.ts).
   */
  taken?: Int32Array;
  batches?: BatchPolicy;
  /** The suggestions of the recipes that ask for them, in layers (shared memory, not copied). */
  suggestions?: readonly PackedSuggestions[];
  /** Which labels are passed on (wanted-reading.ts); default all. */
  wanted?: WantedReading;
}

export type ToMain =
  | { type: 'sheet'; sheet: LabelSheet; languages: Lcid[]; header: TranslationsHeader }
  | { type: 'labels'; count: number; data: string }
  /**
   * `count` labels of the current sheet made into rows with the plan's recipes: by recipe, the
   * rows made of them, their XML as UTF-8 and the notes of the cells they filled with suggestions
   * (label-row-xml.ts).
   */
  | { type: 'rows'; count: number; rows: number[]; xml: Uint8Array[]; notes: Int32Array[] }
  /** Labels left out (`WorkerInput.wanted`) since the last count. */
  | { type: 'skipped'; count: number }
  /** The end, with the table noted (`wanted: { collect }`). */
  | { type: 'done'; result: TranslationsReadResult; wanted?: PackedWanted }
  | ThreadFailure;

export type ToWorker =
  /** A batch was taken in (labels or rows): the next may come. */
  | { type: 'ack' }
  /**
   * How to pass on the labels of the sheet of the latest `sheet` message: as rows made from these
   * recipes (one row of XML per recipe and label), or as labels (no recipes).
   */
  | { type: 'plan'; sheet: LabelSheet; recipes: RowRecipe[] | undefined };
