/**
 * Runs a plan against a service: masks each base text, sends the language's texts in batches
 * within the service's limits, restores placeholders and checks each result (placeholders all
 * back, at most 500 characters). A refused result leaves its cells empty and is reported; a
 * failing request fails the whole run (nothing is written).
 */
import { MAX_LABEL_LENGTH, type Lcid } from '../crm-xml/model';
import { hintsFor, type TermHint } from '../glossary/match';
import { preferredTerm, type Glossary } from '../glossary/model';
import { batches } from './batch';
import type { Plan } from './plan';
import { mask, restore, type Masked } from './protect';
import type { TranslationProvider } from './provider';

export interface Refusal {
  lcid: Lcid;
  base: string;
  rows: readonly number[];
  why: string;
}

export interface RunResult {
  /** Translations by language: row → text. */
  texts: Map<Lcid, Map<number, string>>;
  refused: Refusal[];
  /** Requests sent. */
  requests: number;
}

export interface RunOptions {
  baseLcid: Lcid;
  glossary?: Glossary;
  onBatch?: (done: number) => void;
}

/** The whole glossary for one language pair (base term → preferred translation). */
function glossaryEntries(glossary: Glossary | undefined, from: Lcid, to: Lcid): TermHint[] {
  if (glossary === undefined) return [];
  const entries = new Map<string, string>();
  for (const concept of glossary.concepts) {
    const translation = preferredTerm(concept, to);
    if (translation === undefined) continue;
    for (const t of concept.terms.get(from) ?? []) {
      if (t.status !== 'deprecated' && !entries.has(t.text)) entries.set(t.text, translation);
    }
  }
  return [...entries].map(([term, translation]) => ({ term, translation }));
}

export async function runTranslations(
  plan: Plan,
  provider: TranslationProvider,
  o: RunOptions,
): Promise<RunResult> {
  const result: RunResult = { texts: new Map(), refused: [], requests: 0 };
  try {
    for (const [lcid, jobs] of plan.jobs) {
      if (jobs.length === 0) continue;
      const filled = new Map<number, string>();
      result.texts.set(lcid, filled);
      await provider.prepare?.(o.baseLcid, lcid, glossaryEntries(o.glossary, o.baseLcid, lcid));
      const hints = jobs.map((job) =>
        o.glossary === undefined ? [] : hintsFor(job.base, o.glossary, o.baseLcid, lcid),
      );
      const marked = provider.markTerms?.(o.baseLcid, lcid) === true;
      const masked: Masked[] = jobs.map((job, i) => mask(job.base, provider.style, marked ? hints[i] : []));
      const ranges = batches(
        masked.map((m) => m.text),
        provider.limits,
        provider.name,
      );
      for (const [n, [start, end]] of ranges.entries()) {
        const answers = await provider.translate({
          from: o.baseLcid,
          to: lcid,
          texts: masked.slice(start, end).map((m) => m.text),
          hints: hints.slice(start, end),
          label: `batch ${n + 1} of ${ranges.length}, language ${lcid}`,
        });
        result.requests++;
        o.onBatch?.(end - start);
        answers.forEach((answer, k) => {
          const job = jobs[start + k]!;
          const back = restore(answer, masked[start + k]!, provider.style);
          const why = !back.ok
            ? back.why
            : back.text.trim() === ''
              ? 'no text'
              : back.text.length > MAX_LABEL_LENGTH
                ? `${back.text.length} characters, more than Dynamics' ${MAX_LABEL_LENGTH}`
                : undefined;
          if (why !== undefined || !back.ok) {
            result.refused.push({ lcid, base: job.base, rows: job.rows, why: why ?? '' });
            return;
          }
          for (const row of job.rows) filled.set(row, back.text);
        });
      }
    }
  } finally {
    await provider.finish?.();
  }
  return result;
}
