/**
 * What `labels check` adds for machine translation and glossaries: one problem per sheet and
 * language counting the machine translations nobody has changed yet (a warning; an error with
 * `unreviewedIsError`, for CI), and the glossary findings of every translation.
 */
import type { QaProblem } from '../check/problem';
import { displayKey, type LabelSheet, type Lcid } from '../crm-xml/model';
import { glossaryFindings } from '../glossary/check';
import type { Glossary } from '../glossary/model';
import type { InputRow } from '../label-input';

export interface TranslationChecks {
  row(row: InputRow, baseLcid: Lcid, targets: readonly Lcid[]): void;
  finish(): QaProblem[];
}

/** Cells listed in the message at most. */
const LISTED = 10;

export function translationChecks(o: {
  glossary?: Glossary;
  unreviewedIsError?: boolean;
}): TranslationChecks {
  const problems: QaProblem[] = [];
  const unreviewed = new Map<string, { sheet: LabelSheet; lcid: Lcid; cells: string[] }>();
  return {
    row(row, baseLcid, targets) {
      for (const [lcid, mark] of row.machine ?? []) {
        if (mark.reviewed) continue;
        const at = `${row.sheet}\u0000${lcid}`;
        const entry = unreviewed.get(at) ?? { sheet: row.sheet, lcid, cells: [] };
        entry.cells.push(row.cells?.get(lcid) ?? displayKey(row));
        unreviewed.set(at, entry);
      }
      if (o.glossary === undefined) return;
      for (const lcid of targets) {
        const text = row.targets.get(lcid) ?? '';
        const cell = row.cells?.get(lcid);
        for (const f of glossaryFindings(o.glossary, baseLcid, row.base, lcid, text)) {
          problems.push({
            severity: f.severity,
            code: f.code,
            sheet: row.sheet,
            key: displayKey(row),
            lcid,
            message: cell === undefined ? f.message : `${cell}: ${f.message}`,
          });
        }
      }
    },
    finish() {
      for (const { sheet, lcid, cells } of unreviewed.values()) {
        const more = cells.length > LISTED ? `, … ${cells.length - LISTED} more` : '';
        problems.push({
          severity: o.unreviewedIsError === true ? 'error' : 'warning',
          code: 'machine-translation-unreviewed',
          sheet,
          key: `${cells.length} cell(s)`,
          lcid,
          message:
            `${cells.length} machine translation(s) not reviewed yet (${cells.slice(0, LISTED).join(', ')}${more}); ` +
            'a text counts as reviewed once a translator changed it',
        });
      }
      return problems;
    },
  };
}
