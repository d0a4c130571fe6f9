/**
 * Stage ordering: stages listed in `stageOrder` come first, in that order (an entry that names no
 * stage is left out and reported); the others follow, choices by their value, text and lookups in
 * natural order of the label (so "2-Qualify" comes before "10-Close", unlike Dynamics' own pipeline
 * chart).
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
  /** Listed in stageOrder and known, but no data names it. */
  listedOnly: boolean;
}

export interface StageOrdering {
  stages: OrderedStage[];
  /** stageOrder entries that match no stage (found or known), as written. */
  unknown: string[];
}

/** Every name a stage answers to: its key (a choice value), its label and its other-language labels. */
function namesOf(stage: StageRef): string[] {
  return [stage.key, stage.label, ...(stage.aliases ?? [])];
}

/**
 * Orders the stages found in the data. An entry of stageOrder matches a stage by its key (a choice
 * value), its label or one of its other-language labels, ignoring case and extra spaces; stages of
 * the data win over `known` ones. An entry matching a known stage with no records becomes an empty
 * stage; an entry matching nothing is left out and returned in `unknown`.
 */
export function orderStages(
  found: readonly StageRef[],
  stageOrder?: string | null,
  known: readonly StageRef[] = [],
): StageOrdering {
  const byName = new Map<string, { stage: StageRef; listedOnly: boolean }>();
  const foundByKey = new Map(found.map((s) => [s.key, s]));
  const add = (names: readonly string[], stage: StageRef, listedOnly: boolean): void => {
    for (const name of names) {
      const norm = normalise(name);
      if (norm !== '' && !byName.has(norm)) byName.set(norm, { stage, listedOnly });
    }
  };
  for (const stage of found) add(namesOf(stage), stage, false);
  // A known stage's names (its other-language labels) also name the found stage with its key.
  for (const stage of known) {
    const foundStage = foundByKey.get(stage.key);
    if (foundStage === undefined) add(namesOf(stage), stage, true);
    else add(namesOf(stage), foundStage, false);
  }
  const stages: OrderedStage[] = [];
  const unknown: string[] = [];
  const placed = new Set<string>();
  for (const entry of parseStageOrder(stageOrder)) {
    const match = byName.get(normalise(entry));
    if (match === undefined) unknown.push(entry);
    else if (!placed.has(match.stage.key)) {
      placed.add(match.stage.key);
      stages.push({ ...match.stage, listedOnly: match.listedOnly });
    }
  }
  const rest = found.filter((s) => !placed.has(s.key)).sort(compareStages);
  for (const stage of rest) stages.push({ ...stage, listedOnly: false });
  return { stages, unknown };
}
