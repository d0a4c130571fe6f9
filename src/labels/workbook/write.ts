/**
 * Streams labels into the translator's .xlsx. exceljs's streaming writer makes the package
 * (styles, workbook, protection, validation, notes) and crmkit's streaming zip writer zips it
 * (useStreamZip: DEFLATE level 1, several times faster than the default on this large repetitive
 * XML, CRC by zlib); the rows themselves are written as XML
 * text straight into the sheet's stream (see row-xml.ts, label-row-xml.ts), so memory stays flat
 * and a row costs one string, not a dozen objects. Each row is encoded to UTF-8 as it is made
 * (sheet-bytes.ts), and DEFLATE hands back 256 KB at a time (fewer callbacks on this thread; the
 * same compressed bytes). Rows of labels written as they are may also come made elsewhere, from
 * this writer's recipe (rowRecipe, addRowsXml: the label reader's worker makes them).
 */
import type { Writable } from 'node:stream';
import type { Worksheet } from 'exceljs';
import { CrmKitError } from '../../errors';
import type { LabelSheet } from '../crm-xml/model';
import { captions, workbookLanguage } from './captions';
import { definedNamesList, pendingSheetBytes, styleId, writeSheetXml } from './exceljs-internals';
import { newWorkbookWriter, useStreamZip } from './exceljs-writer';
import { isRightToLeft } from './languages';
import { FORMAT_VERSION, sheetLayout, type SheetLayout } from './layout';
import { LabelRowXml, type RowRecipe } from './label-row-xml';
import { cellStyle, cellXml, rowXml, type CellStyle } from './row-xml';
import { SheetBytes } from './sheet-bytes';
import { addSheetNotes } from './note-parts';
import { createSheetNotes, type SheetNoteList } from './sheet-notes';
import { closeLabelWorksheet, openLabelWorksheet, writeMetaSheet } from './sheet-frame';
import {
  headerStyle,
  keyStyle,
  machineRtlStyle,
  machineStyle,
  readOnlyTextStyle,
  suggestionRtlStyle,
  suggestionStyle,
  targetRtlStyle,
  targetStyle,
} from './styles';
import { openingView, printTitles } from './sheet-view';
import { keyHash, textHash } from './token';
import type {
  MachineMark,
  MadeRowNotes,
  WorkbookRowInput,
  WorkbookWriter,
  WorkbookWriterOptions,
} from './types';

export { MAX_LABEL_LENGTH } from './sheet-frame';

/** Excel's last row is 1,048,576; one goes to the header. */
export const MAX_ROWS_PER_SHEET = 1_048_575;

/**
 * drain() waits while more sheet XML than this is waiting to be compressed. Kept small: buffers
 * that wait long outlive the young generation and pile up (60 MB of them) until a full collection.
 */
const HIGH_WATER_BYTES = 1024 * 1024;

interface OpenSheet {
  layout: SheetLayout;
  ws: Worksheet | undefined;
  /** Data rows written (the header not counted). */
  rows: number;
  /** Row XML not yet handed to the sheet stream, as UTF-8 (written in chunks: fewer, larger buffers). */
  pending: SheetBytes;
  /** Makes the rows' XML (and knows the columns' letters). */
  xml: LabelRowXml;
  /** Notes of suggested cells, written when the sheet closes. */
  notes: SheetNoteList;
}

export function createWorkbookWriter(out: Writable, options: WorkbookWriterOptions): WorkbookWriter {
  if (options.targetLanguages.includes(options.baseLcid)) {
    throw new Error(`the base language ${options.baseLcid} cannot also be a target language`);
  }
  const workbook = newWorkbookWriter({ useStyles: true, useSharedStrings: false });
  const zip = useStreamZip(workbook, out, { level: 1, memLevel: 9, chunkSize: 256 * 1024 });
  workbook.creator = 'crmkit';
  const ids = {
    header: styleId(workbook, headerStyle),
    key: styleId(workbook, keyStyle),
    text: styleId(workbook, readOnlyTextStyle),
    target: styleId(workbook, targetStyle),
    suggestion: styleId(workbook, suggestionStyle),
    targetRtl: styleId(workbook, targetRtlStyle),
    suggestionRtl: styleId(workbook, suggestionRtlStyle),
  };
  /** Machine translation styles, added to the workbook only when one is written. */
  let machineStyles: { ltr: CellStyle; rtl: CellStyle } | undefined;
  const machineCellStyle = (rtl: boolean): CellStyle => {
    machineStyles ??= {
      ltr: cellStyle(styleId(workbook, machineStyle)),
      rtl: cellStyle(styleId(workbook, machineRtlStyle)),
    };
    return rtl ? machineStyles.rtl : machineStyles.ltr;
  };
  /** Machine translations written, for the hidden sheet (`<key hash>:<lcid>`). */
  const machine = new Map<string, MachineMark>();
  const filterNames = definedNamesList(workbook);
  const targets = options.targetLanguages;
  if (new Set(targets).size !== targets.length)
    throw new Error(`target languages repeat: ${targets.join(',')}`);
  const language = workbookLanguage(targets, options.uiLcid);
  const words = captions[language];
  const started = new Set<LabelSheet>();
  let current: OpenSheet | undefined;
  let sheetsWritten = 0;
  /** The label sheets written, recorded in the meta so that a deleted one is refused by name. */
  const labelSheets: LabelSheet[] = [];
  /** Data rows of each label sheet written, in sheet order: the workbook opens on the largest. */
  const rowsPerSheet: number[] = [];

  function openWorksheet(sheet: OpenSheet): Worksheet {
    const ws = openLabelWorksheet(workbook, sheet.layout, sheet.xml.letters, ids.header);
    sheetsWritten++;
    labelSheets.push(sheet.layout.sheet);
    return ws;
  }

  function flush(sheet: OpenSheet): void {
    if (sheet.ws !== undefined) sheet.pending.flush();
  }

  function closeSheet(sheet: OpenSheet): void {
    if (sheet.ws === undefined) return;
    flush(sheet);
    addSheetNotes(workbook, sheet.ws, sheet.notes);
    const index = sheetsWritten - 1;
    filterNames.push(closeLabelWorksheet(sheet.ws, sheet.layout, sheet.rows, words, index));
    filterNames.push(printTitles(sheet.layout, index));
    rowsPerSheet.push(sheet.rows);
  }

  function refuseRows(sheet: OpenSheet, count: number): void {
    if (sheet.rows + count > MAX_ROWS_PER_SHEET) {
      throw new CrmKitError(
        'VALIDATION',
        `${options.sourceName} › ${sheet.layout.sheet}: more than ${MAX_ROWS_PER_SHEET} labels do not fit in one Excel sheet`,
      );
    }
  }

  function addRow(sheet: OpenSheet, input: WorkbookRowInput): void {
    const { label, suggestions } = input;
    refuseRows(sheet, 1);
    sheet.ws ??= openWorksheet(sheet);
    const { xml: cells } = sheet;
    const { starts } = cells;
    const r = String(sheet.rows + 2);
    let xml = cells.head(label, r);
    sheet.layout.targetCols.forEach(({ lcid, col }, i) => {
      const text = label.texts.get(lcid) ?? '';
      const suggestion = text === '' ? suggestions?.get(lcid) : undefined;
      const rtl = isRightToLeft(lcid);
      if (suggestion?.machine !== undefined && suggestion.text !== '') {
        const { provider, date } = suggestion.machine;
        xml += cellXml(starts[col]!, r, machineCellStyle(rtl), suggestion.text);
        sheet.notes.add(sheet.rows + 2, col, `machine translation: ${provider}, ${date}`, false);
        machine.set(`${keyHash(label)}:${lcid}`, { textHash: textHash(suggestion.text), provider, date });
      } else if (suggestion !== undefined && suggestion.text !== '') {
        xml += cells.suggested(i, suggestion.text, r);
        sheet.notes.add(sheet.rows + 2, col, suggestion.source, true);
      } else {
        xml += cells.target(i, text, r);
      }
    });
    xml += cells.token(label, r, input.token);
    sheet.pending.add(rowXml(r, xml));
    sheet.rows++;
  }

  function newSheet(name: LabelSheet): OpenSheet {
    const layout = sheetLayout(name, options.baseLcid, targets, language);
    const recipe: RowRecipe = {
      sheet: name,
      keyCount: layout.keyCount,
      contextCol: layout.contextCol,
      baseCol: layout.baseCol,
      targetCols: layout.targetCols,
      tokenCol: layout.tokenCol,
      baseLcid: options.baseLcid,
      targets,
      language,
      styles: {
        key: ids.key,
        text: ids.text,
        target: ids.target,
        targetRtl: ids.targetRtl,
        suggestion: ids.suggestion,
        suggestionRtl: ids.suggestionRtl,
      },
      rowsBefore: 0,
      missingOnly: false,
      suggest: false,
    };
    const xml = new LabelRowXml(recipe);
    const sheet: OpenSheet = {
      layout,
      ws: undefined,
      rows: 0,
      xml,
      pending: new SheetBytes((bytes) => {
        if (sheet.ws === undefined) throw new Error('sheet XML before the sheet was opened');
        writeSheetXml(sheet.ws, bytes);
      }),
      notes: createSheetNotes(xml.letters),
    };
    return sheet;
  }

  return {
    startSheet(sheet: LabelSheet): void {
      if (started.has(sheet)) throw new Error(`the sheet "${sheet}" was already started`);
      started.add(sheet);
      if (current !== undefined) closeSheet(current);
      current = newSheet(sheet);
    },

    addRow(input: WorkbookRowInput): void {
      if (current === undefined) throw new Error('addRow before startSheet');
      if (input.label.sheet !== current.layout.sheet) {
        throw new Error(`a "${input.label.sheet}" label was added to the sheet "${current.layout.sheet}"`);
      }
      addRow(current, input);
    },

    rowRecipe(sheet: LabelSheet): RowRecipe | undefined {
      if (current?.layout.sheet !== sheet) return undefined;
      return { ...current.xml.recipe, rowsBefore: current.rows };
    },

    addRowsXml(count: number, xml: Uint8Array, notes?: MadeRowNotes): void {
      if (current === undefined) throw new Error('addRowsXml before startSheet');
      // No rows open no sheet (a sheet without rows is left out, as addRow leaves it).
      if (count === 0) return;
      refuseRows(current, count);
      current.ws ??= openWorksheet(current);
      current.pending.flush();
      writeSheetXml(current.ws, Buffer.from(xml.buffer, xml.byteOffset, xml.byteLength));
      current.rows += count;
      if (notes !== undefined) {
        const { cells, sources } = notes;
        for (let i = 0; i < cells.length; i += 4)
          current.notes.add(cells[i]!, cells[i + 1]!, sources[cells[i + 3]!]!, true);
      }
    },

    async drain(): Promise<void> {
      if (current === undefined) return;
      flush(current);
      const ws = current.ws;
      if (ws === undefined) return;
      while (pendingSheetBytes(ws) > HIGH_WATER_BYTES) {
        const failure = zip.failure;
        if (failure !== undefined)
          throw failure instanceof Error ? failure : new Error('the workbook could not be zipped');
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
    },

    async finish(fingerprint: string): Promise<void> {
      if (current !== undefined) closeSheet(current);
      if (sheetsWritten === 0) {
        // A file without labels still gives a workbook import recognises.
        const empty = newSheet('Localized Labels');
        empty.ws = openWorksheet(empty);
        closeSheet(empty);
      }
      writeMetaSheet(
        workbook,
        {
          formatVersion: FORMAT_VERSION,
          sourceName: options.sourceName,
          fingerprint,
          solutionName: options.solutionName,
          baseLcid: options.baseLcid,
          languages: targets,
          labelSheets,
          ...(machine.size === 0 ? {} : { machine }),
        },
        ids.key,
      );
      workbook.views = [openingView(rowsPerSheet)];
      await workbook.commit();
    },
  };
}
