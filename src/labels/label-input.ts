/**
 * Opens what `labels check`, `labels stats` and `labels memory build` accept — a translations zip,
 * a CrmTranslations.xml or a translator's workbook — and streams its labels in one shape: key,
 * base text, target texts (and workbook cells). The kind is told by content, not by extension.
 */
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import { CrmKitError } from '../errors';
import { readTranslations } from './crm-xml/read';
import {
  allLanguages,
  type Label,
  type LabelSheet,
  type Lcid,
  type TranslationsHeader,
} from './crm-xml/model';
import { openTranslationsSource, TRANSLATIONS_ENTRY } from './source';
import { readWorkbook } from './workbook/read';
import { ZipReader } from '../zip/read';

export type LabelInputKind = 'translations zip' | 'CrmTranslations.xml' | 'workbook';

export interface InputRow {
  sheet: LabelSheet;
  entity: string;
  objectId: string;
  column: string;
  base: string;
  /** Texts by language, '' when untranslated; may hold the base language too (skip it). */
  targets: ReadonlyMap<Lcid, string>;
  /** Workbook cell of each target, e.g. `E14` (workbooks only). */
  cells?: ReadonlyMap<Lcid, string>;
}

export interface InputStart {
  kind: LabelInputKind;
  baseLcid: Lcid;
  targets: readonly Lcid[];
}

export interface InputResult extends InputStart {
  rows: number;
  solutionName: string;
  /** Rows a workbook reader refused (formula, key changed…), with their place. */
  problems: readonly { where: string; message: string; code: string }[];
}

export interface InputOptions {
  maxEntrySize?: number;
}

async function kindOf(file: string, where: string): Promise<LabelInputKind> {
  try {
    const s = await stat(file);
    if (!s.isFile()) throw new CrmKitError('FILE_NOT_FOUND', `${where}: not a file`);
  } catch (e) {
    if (e instanceof CrmKitError) throw e;
    throw new CrmKitError('FILE_NOT_FOUND', `${where}: no such file`);
  }
  const fh = await open(file, 'r');
  const head = Buffer.alloc(4);
  try {
    await fh.read(head, 0, 4, 0);
  } finally {
    await fh.close();
  }
  if (head[0] !== 0x50 || head[1] !== 0x4b) return 'CrmTranslations.xml';
  const zip = await ZipReader.open(file, where);
  try {
    const isWorkbook =
      zip.find('xl/workbook.xml') !== undefined && zip.find(TRANSLATIONS_ENTRY) === undefined;
    // Anything else is for openTranslationsSource to accept or refuse with its own message.
    return isWorkbook ? 'workbook' : 'translations zip';
  } finally {
    await zip.close();
  }
}

/** Reads `file` once, calling `start` before the first row; it returns the row consumer. */
export async function readLabelInput(
  file: string,
  start: (info: InputStart) => (row: InputRow) => void,
  options: InputOptions = {},
): Promise<InputResult> {
  const where = path.basename(file);
  const kind = await kindOf(file, where);
  if (kind === 'workbook') return readWorkbookInput(file, where, start);
  const source = await openTranslationsSource(file, where, options.maxEntrySize);
  try {
    let consume: ((row: InputRow) => void) | undefined;
    let baseLcid = 0;
    const begin = (header: TranslationsHeader): ((row: InputRow) => void) => {
      baseLcid = header.baseLcid;
      consume = start({ kind, baseLcid, targets: allLanguages(header).filter((l) => l !== baseLcid) });
      return consume;
    };
    const read = await readTranslations(source.xml(), source.where, {
      sheet(_sheet, _languages, header) {
        if (consume === undefined) begin(header);
      },
      label(label: Label) {
        // The label's own map serves as targets: consumers skip the base language.
        consume?.({
          sheet: label.sheet,
          entity: label.entity,
          objectId: label.objectId,
          column: label.column,
          base: label.texts.get(baseLcid) ?? '',
          targets: label.texts,
        });
        return undefined;
      },
    });
    if (consume === undefined) begin(read.header);
    return {
      kind,
      baseLcid: read.header.baseLcid,
      targets: allLanguages(read.header).filter((l) => l !== read.header.baseLcid),
      rows: read.labelCount,
      solutionName: read.header.solutionName,
      problems: [],
    };
  } finally {
    await source.close();
  }
}

function keyOf(
  label: Pick<Label, 'sheet' | 'entity' | 'objectId' | 'column'>,
): Pick<InputRow, 'sheet' | 'entity' | 'objectId' | 'column'> {
  return { sheet: label.sheet, entity: label.entity, objectId: label.objectId, column: label.column };
}

/**
 * Stands for the base language while a workbook is read: its hidden meta sheet names it, but the
 * workbook reader reports the meta only with its result. Rows stream through (a 200,000-row
 * workbook held in memory would cost ~500 MB); consumers put the real LCID in afterwards
 * (`InputResult.baseLcid`). Workbook rows never carry a base-language entry in `targets`.
 */
export const BASE_FROM_RESULT = -1;

async function readWorkbookInput(
  file: string,
  where: string,
  start: (info: InputStart) => (row: InputRow) => void,
): Promise<InputResult> {
  let consume: ((row: InputRow) => void) | undefined;
  let rows = 0;
  const read = await readWorkbook(createReadStream(file), where, (row) => {
    rows++;
    consume ??= start({ kind: 'workbook', baseLcid: BASE_FROM_RESULT, targets: [...row.texts.keys()] });
    consume({ ...keyOf(row), base: row.base, targets: row.texts, cells: row.cells });
  });
  consume ??= start({ kind: 'workbook', baseLcid: BASE_FROM_RESULT, targets: read.meta.languages });
  return {
    kind: 'workbook',
    baseLcid: read.meta.baseLcid,
    targets: read.meta.languages,
    rows,
    solutionName: read.meta.solutionName,
    problems: read.problems,
  };
}
