/**
 * Suggestions for the export: for each still-empty target cell, a translation of the same base
 * text from the file itself (consistency first) or from the memory. Never for a non-empty cell.
 */
import type { Label, Lcid } from '../crm-xml/model';
import { displayKey } from '../crm-xml/model';
import type { MemorySuggestion } from '../workbook/types';
import { createMemory, type TranslationMemory } from './memory';
import type { SuggestionTable } from './suggestion-table';
import type { TmxHeader, TmxUnit } from './tmx-read';
import { lcidOfTag } from './languages';

/** Adds every translation of a label (base text → each non-empty target) to a memory. */
export function addLabelToMemory(
  memory: TranslationMemory,
  label: Label,
  baseLcid: Lcid,
  source: string,
): void {
  const base = label.texts.get(baseLcid) ?? '';
  if (base.trim() === '') return;
  for (const [lcid, text] of label.texts) {
    if (lcid !== baseLcid) memory.add(baseLcid, base, lcid, text, source);
  }
}

/** Adds one TMX unit: its source-language variant is the base, the others its translations. */
export function addTmxUnitToMemory(
  memory: Pick<TranslationMemory, 'add'>,
  unit: TmxUnit,
  header: TmxHeader,
  fileName: string,
): void {
  const srcTag = unit.srcLang ?? header.srcLang;
  const srcLcid = lcidOfTag(srcTag);
  const source =
    srcTag === '*all*'
      ? unit.variants[0]
      : (unit.variants.find((v) => v.lang.toLowerCase() === srcTag.toLowerCase()) ??
        unit.variants.find((v) => v.lcid !== undefined && v.lcid === srcLcid));
  const baseLcid = source === undefined ? undefined : (source.lcid ?? srcLcid);
  if (source === undefined || baseLcid === undefined) return;
  for (const v of unit.variants) {
    if (v === source || v.lcid === undefined) continue;
    memory.add(baseLcid, source.text, v.lcid, v.text, v.origin ?? fileName);
  }
}

export interface Suggester {
  /** Suggestions for the label's empty cells in `targets`, by language; undefined when none. */
  suggest(label: Label, targets: readonly Lcid[]): ReadonlyMap<Lcid, MemorySuggestion> | undefined;
  /** Cells filled so far, by language. */
  readonly filled: ReadonlyMap<Lcid, number>;
}

export interface SuggesterOptions {
  baseLcid: Lcid;
  /** Translations of the file itself (consistency), consulted first. */
  sameFile?: TranslationMemory;
  /** Past translations (zips, workbooks, TMX). */
  memory?: TranslationMemory;
}

export function createSuggester(options: SuggesterOptions): Suggester {
  const filled = new Map<Lcid, number>();
  const sources = [options.sameFile, options.memory].filter((m): m is TranslationMemory => m !== undefined);
  return {
    filled,
    suggest(label, targets) {
      const base = label.texts.get(options.baseLcid) ?? '';
      if (base.trim() === '' || sources.length === 0) return undefined;
      let out: Map<Lcid, MemorySuggestion> | undefined;
      for (const lcid of targets) {
        if ((label.texts.get(lcid) ?? '') !== '') continue;
        for (const memory of sources) {
          const match = memory.lookup(options.baseLcid, base, lcid);
          if (match === undefined) continue;
          out ??= new Map();
          out.set(lcid, { text: match.text, source: match.source });
          filled.set(lcid, (filled.get(lcid) ?? 0) + 1);
          break;
        }
      }
      return out;
    },
  };
}

/** A suggester whose suggestions were settled beforehand (an export's: suggestion-table.ts). */
export interface TableSuggester extends Suggester {
  readonly table: SuggestionTable;
  /** Counts a cell filled elsewhere from the table (a row the label reader's worker made). */
  count(lcid: Lcid): void;
}

/** Suggests as createSuggester over the memories the table was packed from. */
export function createTableSuggester(table: SuggestionTable): TableSuggester {
  const filled = new Map<Lcid, number>();
  const count = (lcid: Lcid): void => void filled.set(lcid, (filled.get(lcid) ?? 0) + 1);
  return {
    table,
    filled,
    count,
    suggest(label, targets) {
      const key = table.key(label.texts.get(table.baseLcid) ?? '');
      if (key === undefined) return undefined;
      let out: Map<Lcid, MemorySuggestion> | undefined;
      for (const lcid of targets) {
        if ((label.texts.get(lcid) ?? '') !== '') continue;
        const e = table.find(key, lcid);
        if (e === -1) continue;
        out ??= new Map();
        out.set(lcid, { text: table.text(e), source: table.source(e) });
        count(lcid);
      }
      return out;
    },
  };
}

/** A memory of the file's own translations, each remembered with the row it stands in. */
export function sameFileMemory(labels: Iterable<Label>, baseLcid: Lcid): TranslationMemory {
  const memory = createMemory();
  for (const label of labels) addLabelToMemory(memory, label, baseLcid, `this file, ${displayKey(label)}`);
  return memory;
}
