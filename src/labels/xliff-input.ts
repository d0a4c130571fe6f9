/**
 * XLIFF files as inputs of `labels import` (and of check, stats and memory build): read whole,
 * within a size limit, and turned into the rows the workbook reader gives, so the same rules and
 * conflict detection apply. A unit proposes its target when it has one: empty targets, and a
 * target a tool pre-filled with the source text while the unit is still untranslated, propose
 * nothing (an XLIFF cannot clear a translation).
 */
import { stat } from 'node:fs/promises';
import { CrmKitError, isCrmKitError, type Problem } from '../errors';
import { openInput, type NamedFile } from '../fs/open-input';
import {
  allLanguages,
  displayKey,
  labelKey,
  sameText,
  type Lcid,
  type TranslationsHeader,
} from './crm-xml/model';
import type { ProblemCode, QaProblem } from './check/problem';
import type { ReturnedWork } from './returned-work';
import type { WorkbookRow } from './workbook/types';
import { readXliff, type LabelKeyParts, type ReadXliffResult, type ReadXliffUnit } from './xliff';

/** XLIFF is read whole (a JavaScript string): at most this many bytes, whatever `--max-size` says. */
export const MAX_XLIFF_SIZE = 256 * 1024 * 1024;

/** States that say a unit is not translated yet (1.2 target states, 2.0 segment state). */
const UNTRANSLATED_STATES = new Set(['new', 'needs-translation', 'initial']);

function decode(bytes: Buffer, name: string): string {
  const le = bytes[0] === 0xff && bytes[1] === 0xfe;
  const be = bytes[0] === 0xfe && bytes[1] === 0xff;
  try {
    return new TextDecoder(le ? 'utf-16le' : be ? 'utf-16be' : 'utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new CrmKitError(
      'XLIFF_MALFORMED',
      `${name}: not a valid XLIFF file: the bytes are not UTF-8 or UTF-16 text`,
    );
  }
}

/** Reads an XLIFF file; refuses one larger than `maxSize` (and than MAX_XLIFF_SIZE). */
export async function readXliffFile(file: NamedFile, maxSize = MAX_XLIFF_SIZE): Promise<ReadXliffResult> {
  const limit = Math.min(maxSize, MAX_XLIFF_SIZE);
  const fh = await openInput(file);
  let bytes: Buffer;
  try {
    const { size } = await fh.stat();
    if (size > limit) {
      throw new CrmKitError(
        'XLIFF_MALFORMED',
        `${file.name}: ${size.toLocaleString('en-US')} bytes, more than the limit of ${limit.toLocaleString('en-US')} bytes for an XLIFF file (--max-size); not read`,
      );
    }
    bytes = await fh.readFile();
  } finally {
    await fh.close();
  }
  return readXliff(decode(bytes, file.name), file.name);
}

/** The target language of a read XLIFF as an LCID; refuses a file without one crmkit can place. */
export function xliffTarget(read: ReadXliffResult, name: string): Lcid {
  const { targetLcid, targetLanguage } = read.header;
  if (targetLcid === undefined) {
    throw new CrmKitError(
      'XLIFF_MALFORMED',
      targetLanguage === ''
        ? `${name}: not a valid XLIFF file: it names no target language`
        : `${name}: not a valid XLIFF file: the target language "${targetLanguage}" is not one Dynamics has`,
    );
  }
  return targetLcid;
}

/** Whether a unit proposes its target for import. */
export function proposes(unit: ReadXliffUnit): unit is ReadXliffUnit & { target: string } {
  if (unit.target === undefined || unit.target === '') return false;
  return !(unit.state !== undefined && UNTRANSLATED_STATES.has(unit.state) && unit.target === unit.source);
}

export interface XliffRows {
  rows: { row: WorkbookRow; where: string }[];
  /**
   * Placeholders dropped, renumbered or added, by `labelKey` and language (`placeholderKey`), with
   * the unit's text: they refuse the import when that text is an edit (an unchanged text is the
   * file's own).
   */
  placeholders: Map<string, { text: string; problems: QaProblem[] }>;
  /** Units without a crmkit key (a tool added them): not imported. */
  warnings: Problem[];
}

/** The check code of a placeholder problem the XLIFF reader put in words (placeholders.ts). */
function placeholderCode(message: string): ProblemCode {
  if (message.endsWith('(renumbered)')) return 'placeholder-renumbered';
  if (message.endsWith('was dropped')) return 'placeholder-missing';
  return 'placeholder-extra';
}

export const placeholderKey = (key: LabelKeyParts, lcid: Lcid): string => `${labelKey(key)}\u0000${lcid}`;

/** The proposing units of a read XLIFF as workbook rows, with their place (`ru.xlf:42`). */
export function xliffRows(read: ReadXliffResult, name: string): XliffRows {
  const lcid = xliffTarget(read, name);
  const out: XliffRows = { rows: [], placeholders: new Map(), warnings: [] };
  for (const unit of read.units) {
    const where = `${name}:${unit.line}`;
    if (unit.key === undefined) {
      out.warnings.push({ where, message: `unit "${unit.id}" names no label crmkit exported; not imported` });
      continue;
    }
    if (!proposes(unit)) continue;
    if (unit.placeholderProblems.length > 0) {
      out.placeholders.set(placeholderKey(unit.key, lcid), {
        text: unit.target,
        problems: unit.placeholderProblems.map((message) => ({
          severity: 'error' as const,
          code: placeholderCode(message),
          file: name,
          sheet: unit.key!.sheet,
          key: displayKey(unit.key!),
          lcid,
          message: `${message} (line ${unit.line})`,
        })),
      });
    }
    out.rows.push({
      where,
      row: {
        ...unit.key,
        base: unit.source,
        texts: new Map([[lcid, unit.target]]),
        cells: new Map(),
        rowNumber: unit.line,
        unchangedSinceExport: false,
      },
    });
  }
  return out;
}

/**
 * The translator's work in an existing XLIFF output, so that an export does not overwrite it (as
 * for workbooks, returned-work.ts): every proposing unit's text is kept by key until the new file
 * writes the same text for that label. Undefined when the output is not a crmkit XLIFF with targets.
 */
export async function readReturnedXliff(output: NamedFile): Promise<ReturnedWork | undefined> {
  const info = await stat(output.path).catch(() => undefined);
  if (info?.isFile() !== true) return undefined;
  let read: ReadXliffResult;
  try {
    read = await readXliffFile(output);
  } catch (e) {
    if (isCrmKitError(e)) return undefined; // not XLIFF: replaced, as any other file
    throw e;
  }
  const lcid = read.header.targetLcid;
  const kept = new Map<string, string>();
  for (const unit of read.units)
    if (unit.key !== undefined && proposes(unit)) kept.set(labelKey(unit.key), unit.target);
  if (lcid === undefined || kept.size === 0) return undefined;
  return {
    output,
    settle({ label, suggestions }, targets) {
      const text = kept.get(labelKey(label));
      if (text === undefined || !targets.includes(lcid)) return;
      const own = label.texts.get(lcid) ?? '';
      const written = own === '' ? (suggestions?.get(lcid)?.text ?? '') : own;
      if (sameText(written, text)) kept.delete(labelKey(label));
    },
    lost: () => kept.size,
  };
}

/** Refuses XLIFF files whose target language the translations file has no column for (unless --force). */
export function refuseOtherLanguages(
  files: readonly { file: NamedFile; lcid: Lcid }[],
  header: TranslationsHeader,
  into: string,
): void {
  const languages = allLanguages(header).filter((l) => l !== header.baseLcid);
  const other = files.filter((f) => !languages.includes(f.lcid));
  if (other.length === 0) return;
  throw new CrmKitError(
    'WORKBOOK_MISMATCH',
    `${other.map((f) => `${f.file.name} (language ${f.lcid})`).join(', ')}: ${into} has no such target language ` +
      `(it has ${languages.join(', ') || 'none'}); use --force to import the rest anyway`,
  );
}
