/**
 * What one label of the environment gets from the push: the texts to write, the conflicts, the
 * refusals and warnings, and the cells the environment changed that are kept as they are.
 */
import type { Problem } from '../../errors';
import { at } from '../../errors';
import { displayKey, type Label, type Lcid } from '../crm-xml/model';
import { EditSet } from '../edits';
import type { LostKind } from '../lost-texts';
import type { ProblemCode } from '../check/problem';
import { placedProblem, problemPlace } from '../check/report';
import { decideRow } from './row-decision';
import type { PushConflict } from './types';
import type { EditedRow } from './workbook-rows';

export interface LabelOutcome {
  edits: Map<Lcid, string>;
  /** Where each edit's text comes from (a workbook cell, or the zip). */
  sources: Map<Lcid, string>;
  conflicts: PushConflict[];
  refused: Problem[];
  warnings: Problem[];
  lost: { kind: LostKind; place: Problem }[];
  /** Languages whose text the environment changed since the export and the push leaves alone. */
  kept: Lcid[];
}

/** The problems of a cleared or blank translation: summed up in one warning per kind. */
const LOST_CODES: Partial<Record<ProblemCode, LostKind>> = {
  'translation-cleared': 'cleared',
  'translation-blank': 'blank',
};

export function emptyOutcome(): LabelOutcome {
  return {
    edits: new Map(),
    sources: new Map(),
    conflicts: [],
    refused: [],
    warnings: [],
    lost: [],
    kept: [],
  };
}

/** The edited rows of one label (one per workbook that edits it), judged against the environment. */
export function workbookOutcome(
  label: Label,
  rows: readonly EditedRow[],
  baseLcid: Lcid,
  force: boolean,
): LabelOutcome {
  const out = emptyOutcome();
  const set = new EditSet();
  const key = displayKey(label);
  const envBase = label.texts.get(baseLcid) ?? '';
  for (const edited of rows) {
    const { row } = edited;
    const view = { ...row, languages: edited.languages, exportedHash: row.exportedTextsHash };
    const decision = decideRow(view, label, baseLcid);
    const where = (lcid: Lcid): string =>
      at(edited.file, row.sheet, row.cells.get(lcid) ?? `row ${row.rowNumber}`);
    const apply = new Map<Lcid, string>();
    for (const [lcid, by] of decision.cells) {
      if (by === 'environment') out.kept.push(lcid);
      else apply.set(lcid, row.texts.get(lcid) ?? '');
      if (by !== 'environment' && !out.sources.has(lcid)) out.sources.set(lcid, where(lcid));
      if (!decision.conflict) continue;
      out.conflicts.push({
        sheet: label.sheet,
        key,
        lcid,
        environment: label.texts.get(lcid) ?? '',
        pushed: row.texts.get(lcid) ?? '',
        changedBy: by,
        where: where(lcid),
      });
    }
    if (decision.conflict && decision.baseChanged) {
      out.conflicts.push({
        sheet: label.sheet,
        key,
        lcid: baseLcid,
        environment: envBase,
        pushed: row.base,
        changedBy: 'environment',
        where: at(edited.file, row.sheet, `row ${row.rowNumber}`),
      });
    }
    if (apply.size === 0 || (decision.conflict && !force)) continue;
    // Forced over a changed base text: the workbook's translation goes in against the new base.
    set.add({ ...row, texts: apply, base: decision.conflict ? envBase : row.base }, edited.book, edited.file);
  }
  const d = set.take(label, baseLcid);
  if (d === undefined) return out;
  out.edits = d.edits;
  for (const p of d.problems) {
    const kind = LOST_CODES[p.code];
    if (p.severity === 'error') out.refused.push(placedProblem(p));
    else if (kind !== undefined)
      out.lost.push({ kind, place: { where: problemPlace(p), message: `${p.key}, ${p.lcid}` } });
    else out.warnings.push(placedProblem(p));
  }
  out.refused.push(...d.conflicts);
  out.warnings.push(...d.skipped);
  return out;
}
