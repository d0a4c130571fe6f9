/**
 * The pushed side of a plan, workbooks or a zip, behind one shape: which labels of the fresh file
 * it wants, what each gets, and what was left unmatched once the fresh file has been read.
 */
import { CrmKitError, type Problem } from '../../errors';
import type { NamedFile } from '../../fs/open-input';
import {
  allLanguages,
  displayKey,
  labelKey,
  type Label,
  type Lcid,
  type TranslationsHeader,
} from '../crm-xml/model';
import { emptyOutcome, workbookOutcome, type LabelOutcome } from './outcome';
import type { PushPlan } from './types';
import { foreignWorkbooks, readEditedRows } from './workbook-rows';
import type { TranslationsSource } from '../source';
import { foreignZip, inferTranslated, readPushedZip, zipOutcome } from './zip-labels';

export interface PushSide {
  kind: PushPlan['kind'];
  /** Zip push: the languages whose texts it pushes. */
  translated?: readonly Lcid[];
  wants(key: string): boolean;
  outcome(label: Label, baseLcid: Lcid): LabelOutcome;
  /** Workbooks or zip of another solution or base language: one problem each. */
  foreign(header: TranslationsHeader): Problem[];
  /** Found while reading the pushed side: rows refused (a formula, a changed key) and warnings. */
  refused: readonly Problem[];
  warnings: readonly Problem[];
  /** What the fresh file did not have, once it has been read. */
  leftovers(): Problem[];
}

export async function workbookSide(workbooks: readonly NamedFile[], force: boolean): Promise<PushSide> {
  const rows = await readEditedRows(workbooks);
  return {
    kind: 'workbooks',
    wants: (key) => rows.byKey.has(key),
    outcome(label, baseLcid) {
      const key = labelKey(label);
      const edited = rows.byKey.get(key) ?? [];
      rows.byKey.delete(key);
      return workbookOutcome(label, edited, baseLcid, force);
    },
    foreign: (header) => foreignWorkbooks(rows, header),
    refused: rows.refused,
    warnings: rows.warnings,
    leftovers: () =>
      [...rows.byKey.values()].flatMap((list) =>
        list.slice(0, 1).map((e) => ({
          where: `${e.file} › ${e.row.sheet}!row ${e.row.rowNumber}`,
          message: `${displayKey(e.row)} is no longer in the environment; not pushed`,
        })),
      ),
  };
}

export async function zipSide(
  file: NamedFile,
  languages: readonly Lcid[] | undefined,
  force: boolean,
  maxSize: number | undefined,
  fresh: TranslationsSource,
): Promise<PushSide> {
  const zip = await readPushedZip(file, maxSize);
  const ofZip = allLanguages(zip.header).filter((l) => l !== zip.header.baseLcid);
  const translated = languages === undefined ? await inferTranslated(zip, fresh) : new Set(languages);
  const missing = [...translated].filter((l) => !ofZip.includes(l));
  if (missing.length > 0) {
    throw new CrmKitError(
      'USAGE',
      `--lang ${missing.join(', ')}: ${zip.where} has no translation column for ${missing.length === 1 ? 'it' : 'them'}`,
    );
  }
  const matched = new Set<string>();
  return {
    kind: 'zip',
    translated: [...translated],
    wants: (key) => zip.labels.has(key),
    outcome(label) {
      const key = labelKey(label);
      const pushed = zip.labels.get(key);
      if (pushed === undefined) return emptyOutcome();
      matched.add(key);
      return zipOutcome(label, pushed, translated, zip.where, force);
    },
    foreign: (header) => {
      const found = foreignZip(zip, header);
      const absent = [...translated].filter((l) => !allLanguages(header).includes(l));
      if (found.length === 0 && absent.length > 0) {
        found.push({ where: zip.where, message: `the environment has no ${absent.join(', ')} column` });
      }
      return found;
    },
    refused: [],
    warnings: [],
    leftovers: () => {
      const left = zip.labels.size - matched.size;
      return left === 0
        ? []
        : [{ where: zip.where, message: `${left} label(s) are no longer in the environment; not pushed` }];
    },
  };
}
