/**
 * The edits proposed by one or more workbooks, by label and language, and the rules deciding
 * what each label gets: only texts that differ from the file count; two different texts for
 * the same label and language are a merge conflict; a new text is validated before it is used.
 */
import type { Problem } from '../errors';
import { displayKey, labelKey, MAX_LABEL_LENGTH, sameText, type Label, type Lcid } from './crm-xml/model';
import { XML_ILLEGAL } from '../xml/entities';
import type { WorkbookRow } from './workbook/types';
import { placeholderFindings } from './check/text-rules';
import { lostKind, type LostKind } from './lost-texts';

export { MAX_LABEL_LENGTH };

export interface Proposal {
  text: string;
  /** `ru.xlsx › Localized Labels!E14` */
  where: string;
  /** Index of the workbook that proposed it. */
  book: number;
  /** Base text as the workbook shows it. */
  base: string;
}

export interface Decision {
  edits: Map<Lcid, string>;
  problems: Problem[];
  conflicts: Problem[];
  /** Proposals not applied because the workbook's base text is not the file's. */
  skipped: Problem[];
  /** Applied edits that clear a translation or leave only spaces (`where`: the cell, `message`: the key). */
  lost: { kind: LostKind; place: Problem }[];
}

const PLACEHOLDER = /\{(\d+)\}/g;

function placeholders(text: string): Set<string> {
  return new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[0]));
}

/** Why `text` cannot go into a label whose base text is `base`, or undefined. */
export function refusal(text: string, base: string): string | undefined {
  if (text.length > MAX_LABEL_LENGTH) {
    return `${text.length} characters, Dynamics accepts at most ${MAX_LABEL_LENGTH}`;
  }
  const bad = XML_ILLEGAL.exec(text);
  if (bad !== null) {
    const code = bad[0].codePointAt(0) ?? 0;
    return `holds the character U+${code.toString(16).toUpperCase().padStart(4, '0')}, which XML cannot carry`;
  }
  if (text !== '') {
    const missing = [...placeholders(base)].filter((p) => !text.includes(p));
    if (missing.length > 0) return `the placeholder ${missing.join(', ')} of the base text is missing`;
    // An extra `{n}` makes Dynamics' string formatting fail at run time: refuse what check calls an error.
    const extra = placeholderFindings(base, text).find((f) => f.severity === 'error');
    if (extra !== undefined) return extra.message;
  }
  return undefined;
}

export class EditSet {
  private readonly byKey = new Map<string, Map<Lcid, Proposal[]>>();
  get size(): number {
    return this.byKey.size;
  }

  /** `place`: where the row is, when not a workbook cell (`ru.xlf:42`). */
  add(row: WorkbookRow, book: number, file: string, place?: string): void {
    const key = detach(labelKey(row));
    let langs = this.byKey.get(key);
    if (langs === undefined) {
      langs = new Map();
      this.byKey.set(key, langs);
    }
    for (const [lcid, text] of row.texts) {
      const where = place ?? `${file} › ${row.sheet}!${row.cells.get(lcid) ?? `row ${row.rowNumber}`}`;
      const list = langs.get(lcid) ?? [];
      list.push({ text: detach(text), where: detach(where), book, base: detach(row.base) });
      langs.set(lcid, list);
    }
  }

  has(key: Pick<Label, 'sheet' | 'entity' | 'objectId' | 'column'>): boolean {
    return this.byKey.has(labelKey(key));
  }

  /** Decides the new texts of `label` and forgets its proposals. */
  take(label: Label, baseLcid: Lcid): Decision | undefined {
    const key = labelKey(label);
    const langs = this.byKey.get(key);
    if (langs === undefined) return undefined;
    this.byKey.delete(key);
    const decision: Decision = { edits: new Map(), problems: [], conflicts: [], skipped: [], lost: [] };
    const base = label.texts.get(baseLcid) ?? '';
    const name = displayKey(label);
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
      if (first.text !== '' && base === '') {
        decision.problems.push({
          where: first.where,
          message: `${name} (${lcid}): the base-language text is empty; Dynamics refuses such a label`,
        });
        continue;
      }
      const why = refusal(first.text, base);
      if (why !== undefined) {
        decision.problems.push({ where: first.where, message: `${name} (${lcid}): ${why}` });
        continue;
      }
      decision.edits.set(lcid, first.text);
      const lost = lostKind(first.text, current);
      if (lost !== undefined)
        decision.lost.push({ kind: lost, place: { where: first.where, message: `${name}, ${lcid}` } });
    }
    return decision;
  }

  /** Proposals whose label was not in the file, one entry per row. */
  leftovers(): Problem[] {
    const out: Problem[] = [];
    for (const [key, langs] of this.byKey) {
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
