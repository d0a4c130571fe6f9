/**
 * What a machine translation service adapter offers the translation run: its limits, how it wants
 * placeholders protected, and one call per request. Adapters live in `providers/`.
 */
import type { Lcid } from '../crm-xml/model';
import type { TermHint } from '../glossary/match';
import type { BatchLimits } from './batch';
import type { MaskStyle } from './protect';

export type ProviderName = 'deepl' | 'azure' | 'openai';

export const PROVIDERS: readonly ProviderName[] = ['deepl', 'azure', 'openai'];

export interface TranslationBatch {
  from: Lcid;
  to: Lcid;
  /** Masked texts (see protect.ts). */
  texts: readonly string[];
  /** Glossary hints of each text (same order): the translation to use for its terms. */
  hints: readonly (readonly TermHint[])[];
  /** Where the batch is, for messages: `batch 2 of 5, 1049`. */
  label: string;
}

export interface TranslationProvider {
  readonly name: ProviderName;
  readonly style: MaskStyle;
  readonly limits: BatchLimits;
  /** Whether glossary terms are marked in the texts themselves for this pair (Azure's dynamic dictionary). */
  markTerms?(from: Lcid, to: Lcid): boolean;
  /** Once per language pair before its batches: `entries` is the whole glossary for that pair. */
  prepare?(from: Lcid, to: Lcid, entries: readonly TermHint[]): Promise<void>;
  /** The translations, in order, exactly as many as texts (an adapter checks the count). */
  translate(batch: TranslationBatch): Promise<string[]>;
  /** After the run (also after a failure): e.g. delete a glossary made for it. */
  finish?(): Promise<void>;
}
