/** Messages between `readLabels` (main thread) and its worker. */
import type { ThreadFailure } from '../errors';
import type { LabelSheet, Lcid, TranslationsHeader } from './crm-xml/model';
import type { TranslationsReadResult } from './crm-xml/read';

export interface WorkerInput {
  file: string;
  name: string;
  maxSize: number;
}

export type ToMain =
  | { type: 'sheet'; sheet: LabelSheet; languages: Lcid[]; header: TranslationsHeader }
  | { type: 'labels'; count: number; data: string }
  | { type: 'done'; result: TranslationsReadResult }
  | ThreadFailure;
