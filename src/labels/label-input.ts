/**
 * Opens what `labels check`, `labels stats` and `labels memory build` accept — a translations zip,
 * a CrmTranslations.xml, a translator's workbook or an XLIFF file — and streams its labels in one
 * shape: key, base text, target texts (and workbook cells). The kind is told by content, not by
 * extension, but for XLIFF (.xlf, .xliff).
 */
import { openInput, type NamedFile } from '../fs/open-input';
import { readTranslations, type TranslationsReadResult, type TranslationsVisitor } from './crm-xml/read';
import {
  allLanguages,
  type Label,
  type LabelSheet,
  type Lcid,
  type TranslationsHeader,
} from './crm-xml/model';
import { refuseOtherSpreadsheet } from './other-spreadsheets';
import { openTranslationsSource, TRANSLATIONS_ENTRY, type TranslationsSource } from './source';
import { readWorkbook } from './workbook/read';
import type { QaProblem } from './check/problem';
import { workbookRowProblem } from './check/rules';
import type { WorkbookRow } from './workbook/types';
import { machineMark, unreviewedMachineTranslation } from './translate/xliff-file';
import { looksLikeZip, ZipReader } from '../zip/read';
import { isXliffName } from './export-format';
import { readXliffFile, xliffTarget } from './xliff-input';

export type LabelInputKind = 'translations zip' | 'CrmTranslations.xml' | 'workbook' | 'xliff';

export interface InputRow {
  sheet: LabelSheet;
  entity: string;
  objectId: string;
  column: string;
  base: string;
  /** Texts by language, '' when untranslated; may hold the base language too (skip it). */
  targets: ReadonlyMap<Lcid, string>;
  /** Workbook cell of each target and of the base, e.g. `E14` (workbooks only). */
  cells?: ReadonlyMap<Lcid, string>;
  /** True when the row's texts differ from those exported, per its hidden token (workbooks only). */
  edited?: boolean;
  /** Machine translations of the row (workbooks and XLIFF; see WorkbookRow.machine). */
  machine?: WorkbookRow['machine'];
}

export interface InputStart {
  kind: LabelInputKind;
  baseLcid: Lcid;
  targets: readonly Lcid[];
}

export interface InputResult extends InputStart {
  rows: number;
  solutionName: string;
  /** Rows a workbook reader refused (formula, key changed…) and XLIFF units it ignored, placed. */
  problems: readonly QaProblem[];
}

export interface InputOptions {
  /** Largest XML accepted inside a zip, in bytes. */
  maxEntrySize?: number;
  /**
   * Reads a translations zip or CrmTranslations.xml (default: on this thread); e.g. `readLabels`,
   * which reads it in a worker thread. Workbooks, XLIFF and TMX are read on this thread.
   */
  readTranslationsSource?: (
    source: TranslationsSource,
    visitor: TranslationsVisitor,
  ) => Promise<TranslationsReadResult>;
}

async function kindOf(input: NamedFile): Promise<LabelInputKind> {
  const fh = await openInput(input);
  const head = Buffer.alloc(4);
  let bytesRead: number;
  try {
    ({ bytesRead } = await fh.read(head, 0, 4, 0));
  } finally {
    await fh.close();
  }
  if (!looksLikeZip(head.subarray(0, bytesRead))) return 'CrmTranslations.xml';
  const zip = await ZipReader.open(input.path, input.name);
  try {
    const isWorkbook =
      zip.find('xl/workbook.xml') !== undefined && zip.find(TRANSLATIONS_ENTRY) === undefined;
    // Anything else is for openTranslationsSource to accept or refuse with its own message.
    return isWorkbook ? 'workbook' : 'translations zip';
  } finally {
    await zip.close();
  }
}

const readOnThisThread = (
  source: TranslationsSource,
  visitor: TranslationsVisitor,
): Promise<TranslationsReadResult> => readTranslations(source.xml(), source.where, visitor);

/**
 * Reads `input` once, calling `start` with its kind, base language and target languages before the
 * first row; `start` returns the row consumer.
 */
export async function readLabelInput(
  input: NamedFile,
  start: (info: InputStart) => (row: InputRow) => void,
  options: InputOptions = {},
): Promise<InputResult> {
  if (isXliffName(input.name)) return readXliffInput(input, start, options);
  refuseOtherSpreadsheet(input, 'workbook');
  const kind = await kindOf(input);
  if (kind === 'workbook') return readWorkbookInput(input, start);
  const source = await openTranslationsSource(input.path, input.name, options.maxEntrySize);
  try {
    let consume: ((row: InputRow) => void) | undefined;
    let baseLcid = 0;
    const begin = (header: TranslationsHeader): ((row: InputRow) => void) => {
      baseLcid = header.baseLcid;
      consume = start({ kind, baseLcid, targets: allLanguages(header).filter((l) => l !== baseLcid) });
      return consume;
    };
    const read = await (options.readTranslationsSource ?? readOnThisThread)(source, {
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

/** Rows stream through: a 200,000-row workbook held in memory would cost ~500 MB. */
async function readWorkbookInput(
  input: NamedFile,
  start: (info: InputStart) => (row: InputRow) => void,
): Promise<InputResult> {
  let consume: ((row: InputRow) => void) | undefined;
  let rows = 0;
  let baseLcid = 0;
  const read = await readWorkbook(
    { path: input.path },
    input.name,
    (row) => {
      rows++;
      consume?.({
        sheet: row.sheet,
        entity: row.entity,
        objectId: row.objectId,
        column: row.column,
        base: row.base,
        targets: row.texts,
        // The base text's cell too, for a problem of the base text.
        cells: row.baseCell === undefined ? row.cells : new Map([...row.cells, [baseLcid, row.baseCell]]),
        edited: !row.unchangedSinceExport,
        ...(row.machine === undefined ? {} : { machine: row.machine }),
      });
    },
    {
      // The hidden meta sheet is read before the first row: the real base language, up front.
      onMeta: (meta) => {
        baseLcid = meta.baseLcid;
        consume = start({ kind: 'workbook', baseLcid: meta.baseLcid, targets: meta.languages });
      },
    },
  );
  return {
    kind: 'workbook',
    baseLcid: read.meta.baseLcid,
    targets: read.meta.languages,
    rows,
    solutionName: read.meta.solutionName,
    problems: read.problems.map((p) => workbookRowProblem(p, input.name)),
  };
}

/** An XLIFF file: one target language; a unit without target reads as untranslated. */
async function readXliffInput(
  input: NamedFile,
  start: (info: InputStart) => (row: InputRow) => void,
  options: InputOptions,
): Promise<InputResult> {
  const read = await readXliffFile(input, options.maxEntrySize);
  const target = xliffTarget(read, input.name);
  const baseLcid = read.header.baseLcid ?? 0;
  const consume = start({ kind: 'xliff', baseLcid, targets: [target] });
  const problems: InputResult['problems'][number][] = [];
  for (const unit of read.units) {
    if (unit.key === undefined) {
      // Like a row typed into a workbook by hand: a tool added it; it is ignored.
      problems.push({
        severity: 'warning',
        code: 'row-added',
        file: input.name,
        sheet: 'Localized Labels',
        key: `unit "${unit.id}"`,
        lcid: target,
        message: `line ${unit.line}: the unit names no label crmkit exported; it is ignored`,
      });
      continue;
    }
    consume({
      ...unit.key,
      base: unit.source,
      targets: new Map([[target, unit.target ?? '']]),
      ...(unreviewedMachineTranslation(unit) ? { machine: machineMark(unit, target) } : {}),
    });
  }
  return {
    kind: 'xliff',
    baseLcid,
    targets: [target],
    rows: read.units.length - problems.length,
    solutionName: read.header.solutionName,
    problems,
  };
}
