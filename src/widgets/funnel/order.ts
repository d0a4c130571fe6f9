/**
 * Stage ordering: stages listed in `stageOrder` come first, in that order (listed stages with no
 * records are still shown); the others follow, choices by their value, text and lookups in natural
 * order of the label (so "2-Qualify" comes before "10-Close", unlike Dynamics' own pipeline chart).
 */
import type { StageRef } from './types';

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** Natural order: digits compare as numbers, case and accents are ignored, ties broken exactly. */
export function naturalCompare(a: string, b: string): number {
  const byCollator = collator.compare(a, b);
  if (byCollator !== 0) return byCollator;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Splits a stageOrder property value into its entries (commas or new lines; blanks dropped). */
export function parseStageOrder(text: string | null | undefined): string[] {
  if (text === null || text === undefined) return [];
  const seen = new Set<string>();
  const entries: string[] = [];
  for (const part of text.split(/[,\r\n]+/)) {
    const entry = part.trim();
    const norm = normalise(entry);
    if (entry === '' || seen.has(norm)) continue;
    seen.add(norm);
    entries.push(entry);
  }
  return entries;
}

function normalise(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLocaleLowerCase();
}

/** Default order of stages not listed: ranked (choice values) first by rank, then natural by label. */
export function compareStages(a: StageRef, b: StageRef): number {
  if (a.rank !== undefined && b.rank !== undefined && a.rank !== b.rank) return a.rank - b.rank;
  if (a.rank !== undefined && b.rank === undefined) return -1;
  if (a.rank === undefined && b.rank !== undefined) return 1;
  return naturalCompare(a.label, b.label) || naturalCompare(a.key, b.key);
}

export interface OrderedStage extends StageRef {
  /** Listed in stageOrder but no data names it. */
  listedOnly: boolean;
}

/**
 * Orders the stages found in the data. An entry of stageOrder matches a stage by its label or its
 * key (a choice value), ignoring case and extra spaces; an entry matching nothing becomes an empty stage.
 */
export function orderStages(found: readonly StageRef[], stageOrder?: string | null): OrderedStage[] {
  const byName = new Map<string, StageRef>();
  for (const stage of found) {
    for (const name of [stage.key, stage.label]) {
      const norm = normalise(name);
      if (!byName.has(norm)) byName.set(norm, stage);
    }
  }
  const ordered: OrderedStage[] = [];
  const placed = new Set<string>();
  for (const entry of parseStageOrder(stageOrder)) {
    const stage = byName.get(normalise(entry));
    if (stage === undefined) {
      const key = `listed:${normalise(entry)}`;
      if (placed.has(key)) continue;
      placed.add(key);
      ordered.push({ key, label: entry, listedOnly: true });
    } else if (!placed.has(stage.key)) {
      placed.add(stage.key);
      ordered.push({ ...stage, listedOnly: false });
    }
  }
  const rest = found.filter((s) => !placed.has(s.key)).sort(compareStages);
  for (const stage of rest) ordered.push({ ...stage, listedOnly: false });
  return ordered;
}
