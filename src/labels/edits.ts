/**
 * The edits proposed by one or more workbooks, by label and language, and the rules deciding
 * what each label gets: only texts that differ from the file count; two different texts for
 * the same label and language are a merge conflict; a new text is checked by the rules of
 * `labels check` (src/labels/check/rules.ts) and is not written when they find an error.
 */
import type { Problem } from '../errors';
import {
  displayKey,
  labelKey,
  MAX_LABEL_LENGTH,
  sameText,
  type Label,
  type LabelSheet,
  type Lcid,
} from './crm-xml/model';
import type { WorkbookRow } from './workbook/types';
import type { QaProblem } from './check/problem';
import { editFindings, type Finding } from './check/rules';

export { MAX_LABEL_LENGTH };

export interface Proposal {
  text: string;
  /** `ru.xlsx › Localized Labels!E14` */
  where: string;
  /** The workbook as the user named it, and the cell (`E14`). */
  file: string;
  cell: string | undefined;
  /** The cell of the base text, for a problem of the base text. */
  baseCell: string | undefined;
  /** Index of the workbook that proposed it. */
  book: number;
  /** Base text as the workbook shows it. */
  base: string;
}

export interface Decision {
  edits: Map<Lcid, string>;
  /**
   * What the rules of `labels check` find in the new texts, as check reports them: an edit with
   * an error is not applied; warnings (cleared and blank translations among them) are.
   */
  problems: QaProblem[];
  conflicts: Problem[];
  /** Proposals not applied because the workbook's base text is not the file's. */
  skipped: Problem[];
}

export interface EditSetOptions {
  /** Cleared translations and texts of only spaces are errors (not applied), not warnings. */
  strict?: boolean;
}

export class EditSet {
  private readonly byKey = new Map<string, Map<Lcid, Proposal[]>>();
  /**
   * Keys already decided (`take`): kept, in their place, so that `restore` can undo a pass over
   * the file that was given up (import-pacing.ts) and the next pass sees the same proposals.
   */
  private readonly taken = new Set<string>();
  /** The object ids of the keys: most labels of a file are told apart by theirs alone, cheaply. */
  private readonly objectIds = new Set<string>();
  constructor(private readonly options: EditSetOptions = {}) {}

  get size(): number {
    return this.byKey.size - this.taken.size;
  }

  /** `place`: where the row is, when not a workbook cell (`ru.xlf:42`). */
  add(row: WorkbookRow, book: number, file: string, place?: string): void {
    const key = detach(labelKey(row));
    let langs = this.byKey.get(key);
    if (langs === undefined) {
      langs = new Map();
      this.byKey.set(key, langs);
      this.objectIds.add(detach(row.objectId));
    }
    for (const [lcid, text] of row.texts) {
      const cell = row.cells.get(lcid);
      const where = place ?? `${file} › ${row.sheet}!${cell ?? `row ${row.rowNumber}`}`;
      const list = langs.get(lcid) ?? [];
      list.push({
        text: detach(text),
        where: detach(where),
        file,
        cell: cell === undefined ? undefined : detach(cell),
        baseCell: row.baseCell,
        book,
        base: detach(row.base),
      });
      langs.set(lcid, list);
    }
  }

  has(key: Pick<Label, 'sheet' | 'entity' | 'objectId' | 'column'>): boolean {
    if (!this.objectIds.has(key.objectId)) return false;
    const k = labelKey(key);
    return this.byKey.has(k) && !this.taken.has(k);
  }

  /** Forgets every `take`: the proposals are all there again, in the order they were added. */
  restore(): void {
    this.taken.clear();
  }

  private *pending(): Generator<[string, Map<Lcid, Proposal[]>]> {
    for (const entry of this.byKey) if (!this.taken.has(entry[0])) yield entry;
  }

  /** Decides the new texts of `label` and forgets its proposals. */
  take(label: Label, baseLcid: Lcid): Decision | undefined {
    const key = labelKey(label);
    const langs = this.byKey.get(key);
    if (langs === undefined || this.taken.has(key)) return undefined;
    this.taken.add(key);
    const decision: Decision = { edits: new Map(), problems: [], conflicts: [], skipped: [] };
    const base = label.texts.get(baseLcid) ?? '';
    const name = displayKey(label);
    const report = (p: Proposal, lcid: Lcid, cell: string | undefined, f: Finding): void => {
      const same = decision.problems.some((q) => q.code === f.code && q.lcid === lcid && q.file === p.file);
      if (same && f.code === 'empty-base') return;
      decision.problems.push({
        severity: f.severity,
        code: f.code,
        file: p.file,
        sheet: label.sheet,
        ...(cell === undefined ? {} : { cell }),
        key: name,
        lcid,
        message: f.message,
      });
    };
    for (const [lcid, all] of langs) {
      const current = label.texts.get(lcid);
      if (lcid === baseLcid) continue;
      if (current === undefined) {
        const first = all.find((p) => p.text !== '');
        if (first !== undefined) {
          decision.skipped.push({
            where: first.where,
            message: `${name}: the file has no ${lcid} column; not imported`,
          });
        }
        continue;
      }
      const proposals = all.filter((p) => {
        if (sameText(p.base, base)) return true;
        if (!sameText(p.text, current)) {
          decision.skipped.push({
            where: p.where,
            message: `${name} (${lcid}): the workbook's base text differs from the file's; not imported`,
          });
        }
        return false;
      });
      const changed = proposals.filter((p) => !sameText(p.text, current));
      const first = changed[0];
      if (first === undefined) continue;
      const other = changed.find((p) => !sameText(p.text, first.text));
      if (other !== undefined) {
        decision.conflicts.push({
          where: name,
          message: `${lcid} changed differently in ${first.where} ("${clip(first.text)}") and ${other.where} ("${clip(other.text)}")`,
        });
        continue;
      }
      const findings = editFindings(base, first.text, current, this.options.strict === true);
      for (const f of findings) {
        const onBase = f.code === 'empty-base';
        report(first, onBase ? baseLcid : lcid, onBase ? first.baseCell : first.cell, f);
      }
      if (findings.some((f) => f.severity === 'error')) continue;
      decision.edits.set(lcid, first.text);
    }
    return decision;
  }

  /** Proposals whose label was not in the file, one entry per row. */
  leftovers(): Problem[] {
    const out: Problem[] = [];
    for (const [key, langs] of this.pending()) {
      const first = [...langs.values()][0]?.[0];
      const [, entity = '', objectId = '', column = ''] = key.split('\u0000');
      const name = column === '' ? `${entity} / ${objectId}` : `${entity} / ${objectId} / ${column}`;
      out.push({
        where: first?.where ?? name,
        message: `${name} is no longer in the file; the row was not imported`,
      });
    }
    return out;
  }

  /** The same as problems (`not-in-file`, a warning), with the place of the row's first text. */
  leftoverProblems(): QaProblem[] {
    const out: QaProblem[] = [];
    for (const [key, langs] of this.pending()) {
      const [lcid, proposals] = [...langs][0] ?? [];
      const first = proposals?.[0];
      const [sheet = 'Localized Labels', entity = '', objectId = '', column = ''] = key.split('\u0000');
      out.push({
        severity: 'warning',
        code: 'not-in-file',
        ...(first === undefined ? {} : { file: first.file }),
        sheet: sheet as LabelSheet,
        ...(first?.cell === undefined ? {} : { cell: first.cell }),
        key: displayKey({ sheet: sheet as LabelSheet, entity, objectId, column }),
        lcid: lcid ?? 0,
        message: 'is no longer in the file; the row was not imported',
      });
    }
    return out;
  }
}

/**
 * A copy of `s` that does not share memory with the string it was cut from: texts read from a
 * workbook can be slices of the whole sheet XML, which keeping one slice would keep alive.
 */
function detach(s: string): string {
  return Buffer.from(s, 'utf8').toString('utf8');
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
