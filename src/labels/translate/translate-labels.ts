/**
 * `labels translate`: fills the empty translations of translator's workbooks — from the glossary
 * (a base text that is a term), then from memory (the file's own translations of the same text,
 * past translations with `memory`), then by machine translation — and marks every filled cell
 * for review. Every workbook is translated before any is written: a failing request leaves all
 * files as they were. `dryRun` only counts the characters that would be sent.
 */
import { writeAllAtomically } from '../../fs/atomic';
import type { NamedFile } from '../../fs/open-input';
import { CrmKitError } from '../../errors';
import type { Lcid } from '../crm-xml/model';
import { glossaryFindings, type GlossaryFinding } from '../glossary/check';
import { loadGlossary } from '../glossary/load';
import { preferredTerm, type Glossary } from '../glossary/model';
import type { ProgressCallbacks } from '../progress-callbacks';
import { prepareSuggestions } from '../suggestions';
import type { MemorySuggestion } from '../workbook/types';
import { charactersToSend, planTranslations } from './plan';
import type { ProviderName } from './provider';
import { providerFromEnv, type Environment } from './providers/env';
import type { RetryOptions } from './providers/http';
import { runTranslations, type Refusal } from './run';
import type { Book } from './book';
import { workbookBook } from './workbook-file';
import { XLIFF_EXTENSION, xliffBook } from './xliff-file';

export interface TranslateOptions extends ProgressCallbacks {
  /** Workbooks and XLIFF files (.xlf, .xliff), changed in place. */
  inputs: readonly NamedFile[];
  provider: ProviderName;
  /** Target languages (default: every language of each workbook). */
  languages?: readonly Lcid[];
  glossary?: NamedFile;
  /** Past translations (zips, workbooks, TMX, folders) consulted before the service. */
  memory?: readonly NamedFile[];
  dryRun?: boolean;
  /** Where keys and addresses come from (the process environment). */
  env: Environment;
  retry?: RetryOptions;
  /** Date written into the notes, `YYYY-MM-DD` (default today, UTC). */
  date?: string;
  maxSize?: number;
}

export interface TranslatedFile {
  input: NamedFile;
  /** Characters sent (or, dry run, to send) per language. */
  characters: Map<Lcid, number>;
  /** Cells filled by machine translation, per language. */
  machine: Map<Lcid, number>;
  /** Cells filled from memory or the glossary, per language. */
  suggested: Map<Lcid, number>;
  refused: (Refusal & { cells: string[] })[];
  /** Glossary findings on the machine translations, with their cell. */
  glossary: (GlossaryFinding & { where: string })[];
}

export interface TranslateResult {
  files: TranslatedFile[];
  requests: number;
  dryRun: boolean;
}

interface Prepared {
  book: Book;
  languages: Lcid[];
  fills: Map<number, Map<Lcid, MemorySuggestion>>;
}

/** The requested languages the file has (an XLIFF has one); an error when it has none of them. */
function languagesOf(book: Book, requested: readonly Lcid[] | undefined, name: string): Lcid[] {
  if (requested === undefined) return [...book.languages];
  const wanted = requested.filter((lcid) => book.languages.includes(lcid));
  if (wanted.length === 0) {
    throw new CrmKitError(
      'USAGE',
      `--lang ${requested.join(',')}: ${name} has no column for it (it has ${book.languages.join(', ') || 'none'})`,
    );
  }
  return wanted;
}

/** A base text that is itself a glossary term: its preferred translation. */
function glossaryText(glossary: Glossary, baseLcid: Lcid, base: string, lcid: Lcid): string | undefined {
  const wanted = base.trim().toLocaleLowerCase();
  for (const concept of glossary.concepts) {
    if (
      !(concept.terms.get(baseLcid) ?? []).some(
        (t) => t.status !== 'deprecated' && t.text.toLocaleLowerCase() === wanted,
      )
    )
      continue;
    const text = preferredTerm(concept, lcid);
    if (text !== undefined) return text;
  }
  return undefined;
}

async function prepare(
  input: NamedFile,
  o: TranslateOptions,
  glossary: Glossary | undefined,
): Promise<Prepared> {
  o.onPhase?.(`reading ${input.name}`);
  const book = XLIFF_EXTENSION.test(input.name) ? await xliffBook(input) : await workbookBook(input);
  const languages = languagesOf(book, o.languages, input.name);
  const { suggester } = await prepareSuggestions({
    input,
    memory: o.memory ?? [],
    ...(o.maxSize === undefined ? {} : { maxSize: o.maxSize }),
  });
  const fills = new Map<number, Map<Lcid, MemorySuggestion>>();
  const { baseLcid } = book;
  for (const [i, row] of book.rows.entries()) {
    const fill = new Map<Lcid, MemorySuggestion>();
    for (const lcid of languages) {
      if ((row.texts.get(lcid) ?? '') !== '' || row.base.trim() === '' || glossary === undefined) continue;
      const text = glossaryText(glossary, baseLcid, row.base, lcid);
      if (text !== undefined) fill.set(lcid, { text, source: `glossary ${glossary.name}` });
    }
    const open = languages.filter((l) => !fill.has(l));
    for (const [lcid, s] of suggester.suggest(row.label, open) ?? []) fill.set(lcid, s);
    if (fill.size > 0) fills.set(i, fill);
  }
  return { book, languages, fills };
}

const count = (map: Map<Lcid, number>, lcid: Lcid, n = 1): void => {
  map.set(lcid, (map.get(lcid) ?? 0) + n);
};

export async function translateLabels(o: TranslateOptions): Promise<TranslateResult> {
  // Configuration first: a missing key fails before any file is read.
  const provider = providerFromEnv(o.provider, o.env, o.retry);
  const glossary = o.glossary === undefined ? undefined : await loadGlossary(o.glossary);
  const date = o.date ?? new Date().toISOString().slice(0, 10);
  const prepared: Prepared[] = [];
  for (const input of o.inputs) prepared.push(await prepare(input, o, glossary));

  const files: TranslatedFile[] = [];
  let requests = 0;
  for (const [f, p] of prepared.entries()) {
    const { book, languages, fills } = p;
    const plan = planTranslations(book.rows, languages, (row, lcid) => fills.get(row)?.has(lcid) === true);
    const file: TranslatedFile = {
      input: o.inputs[f]!,
      characters: charactersToSend(plan),
      machine: new Map(),
      suggested: new Map(),
      refused: [],
      glossary: [],
    };
    files.push(file);
    for (const fill of fills.values()) for (const lcid of fill.keys()) count(file.suggested, lcid);
    if (o.dryRun === true) continue;
    o.onPhase?.(`translating ${file.input.name} (${provider.name})`);
    const run = await runTranslations(plan, provider, {
      baseLcid: book.baseLcid,
      ...(glossary === undefined ? {} : { glossary }),
      ...(o.onRows === undefined ? {} : { onBatch: o.onRows }),
    });
    requests += run.requests;
    file.refused = run.refused.map((r) => ({
      ...r,
      cells: r.rows.map((row) => book.rows[row]!.where(r.lcid)),
    }));
    for (const [lcid, texts] of run.texts) {
      for (const [row, text] of texts) {
        const fill = fills.get(row) ?? new Map<Lcid, MemorySuggestion>();
        fill.set(lcid, { text, source: provider.name, machine: { provider: provider.name, date } });
        fills.set(row, fill);
        count(file.machine, lcid);
        if (glossary === undefined) continue;
        const { base, where } = book.rows[row]!;
        for (const finding of glossaryFindings(glossary, book.baseLcid, base, lcid, text)) {
          file.glossary.push({ ...finding, where: where(lcid) });
        }
      }
    }
  }
  if (o.dryRun !== true) {
    o.onPhase?.('writing');
    await writeAllAtomically(o.inputs, (temps) =>
      Promise.all(
        prepared.map((p, i) => p.book.write(temps[i]!.openStream(), (row) => p.fills.get(row))),
      ).then(() => undefined),
    );
  }
  return { files, requests, dryRun: o.dryRun === true };
}
