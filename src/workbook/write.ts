/**
 * Streams labels into the translator's .xlsx with exceljs's streaming writer: rows go out as they
 * are added (memory stays flat), no shared strings, one shared style object per kind of cell,
 * and DEFLATE level 1 (the sheet XML is large and repetitive; level 1 is several times faster).
 */
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { CellValue, DataValidation, Row, Style, Worksheet } from 'exceljs';
import { describeLabel } from '../translations/describe';
import type { LabelSheet, Lcid } from '../translations/model';
import { encodeCellText } from './cell-text';
import { FORMAT_VERSION, META_SHEET, columnName, sheetLayout, type SheetLayout } from './layout';
import { metaRows } from './meta';
import { headerStyle, keyStyle, readOnlyTextStyle, suggestionStyle, targetStyle } from './styles';
import { rowToken } from './token';
import type { WorkbookRowInput, WorkbookWriter, WorkbookWriterOptions } from './types';

/** Dynamics refuses a label longer than this; Excel's validation says so while typing. */
export const MAX_LABEL_LENGTH = 500;

/** exceljs has range data validations on every worksheet, but its typings omit the property. */
interface WithDataValidations {
  dataValidations: { add: (address: string, validation: DataValidation) => void };
}

interface OpenSheet {
  layout: SheetLayout;
  ws: Worksheet | undefined;
  rows: number;
}

/**
 * A text cell's value: plain text as is; text whose ends are white space or that holds line
 * breaks as a one-run rich text, which exceljs writes as an inline string with
 * `xml:space="preserve"`. Always a string, never a formula, whatever the text starts with.
 */
function textValue(text: string): CellValue | undefined {
  // No cell at all for an empty text: the column's style (unlocked for targets) applies to it.
  if (text === '') return undefined;
  const stored = encodeCellText(text);
  return /^\s|\s$|\n|\t/.test(stored) ? { richText: [{ text: stored }] } : stored;
}

/** Gives every cell of the row the shared style object of its column. */
function styleRow(row: Row, styles: readonly Partial<Style>[]): void {
  row.eachCell((cell, col) => {
    cell.style = styles[col - 1] ?? {};
  });
}

export function createWorkbookWriter(out: Writable, options: WorkbookWriterOptions): WorkbookWriter {
  if (options.targetLanguages.includes(options.baseLcid)) {
    throw new Error(`the base language ${options.baseLcid} cannot also be a target language`);
  }
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
    zip: { zlib: { level: 1 } },
  });
  workbook.creator = 'crmkit';
  const targets = options.targetLanguages;
  const started = new Set<LabelSheet>();
  let current: OpenSheet | undefined;
  let sheetsWritten = 0;
  const filterNames = autoFilterNames(workbook);

  function openWorksheet(sheet: OpenSheet): Worksheet {
    const { layout } = sheet;
    const ws = workbook.addWorksheet(layout.sheet, {
      views: [
        {
          state: 'frozen',
          xSplit: layout.keyCount,
          ySplit: 1,
          activeCell: `${columnName(layout.baseCol + 1)}2`,
        },
      ],
    });
    ws.columns = layout.widths.map((width, i) => {
      const col = i + 1;
      const isTarget = layout.targetCols.some((t) => t.col === col);
      return { width, hidden: col === layout.tokenCol, style: isTarget ? targetStyle : {} };
    });
    const header = ws.addRow(layout.captions);
    styleRow(
      header,
      layout.captions.map(() => headerStyle),
    );
    header.commit();
    sheetsWritten++;
    return ws;
  }

  function rowStyles(layout: SheetLayout): Partial<Style>[] {
    const styles: Partial<Style>[] = [];
    for (let c = 1; c <= layout.tokenCol; c++) {
      if (c <= layout.keyCount || c === layout.tokenCol) styles.push(keyStyle);
      else if (c === layout.contextCol || c === layout.baseCol) styles.push(readOnlyTextStyle);
      else styles.push(targetStyle);
    }
    return styles;
  }
  let stylesOfRow: Partial<Style>[] = [];

  function closeSheet(sheet: OpenSheet): void {
    const { ws, layout, rows } = sheet;
    if (ws === undefined) return;
    const lastRow = rows + 1;
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: lastRow, column: layout.tokenCol - 1 } };
    filterNames.push({
      name: '_xlnm._FilterDatabase',
      ranges: [`'${layout.sheet}'!$A$1:$${columnName(layout.tokenCol - 1)}$${lastRow}`],
      localSheetId: sheetsWritten - 1,
    });
    const first = layout.targetCols[0];
    const last = layout.targetCols[layout.targetCols.length - 1];
    if (first !== undefined && last !== undefined && rows > 0) {
      (ws as Worksheet & WithDataValidations).dataValidations.add(
        `${columnName(first.col)}2:${columnName(last.col)}${lastRow}`,
        {
          type: 'textLength',
          operator: 'lessThanOrEqual',
          formulae: [MAX_LABEL_LENGTH],
          allowBlank: true,
          showErrorMessage: true,
          errorStyle: 'stop',
          errorTitle: 'Text too long',
          error: `Dynamics 365 accepts at most ${MAX_LABEL_LENGTH} characters in a label. Please shorten the text.`,
          showInputMessage: false,
        },
      );
    }
    // protect() sets the protection synchronously (its promise only reports it); no password.
    void ws.protect('', {
      selectLockedCells: true,
      selectUnlockedCells: true,
      formatColumns: true,
      formatRows: true,
      sort: true,
      autoFilter: true,
    });
    ws.commit();
  }

  return {
    startSheet(sheet: LabelSheet): void {
      if (started.has(sheet)) throw new Error(`the sheet "${sheet}" was already started`);
      started.add(sheet);
      if (current !== undefined) closeSheet(current);
      const layout = sheetLayout(sheet, options.baseLcid, targets);
      current = { layout, ws: undefined, rows: 0 };
      stylesOfRow = rowStyles(layout);
    },

    addRow(input: WorkbookRowInput): void {
      const sheet = current;
      if (sheet === undefined) throw new Error('addRow before startSheet');
      const { label, suggestions } = input;
      if (label.sheet !== sheet.layout.sheet) {
        throw new Error(`a "${label.sheet}" label was added to the sheet "${sheet.layout.sheet}"`);
      }
      sheet.ws ??= openWorksheet(sheet);
      const { layout } = sheet;
      const keys =
        layout.keyCount === 3 ? [label.entity, label.objectId, label.column] : [label.entity, label.objectId];
      const values: (CellValue | undefined)[] = keys.map(textValue);
      values.push(describeLabel(label).context, textValue(label.texts.get(options.baseLcid) ?? ''));
      for (const lcid of targets) values.push(textValue(label.texts.get(lcid) ?? ''));
      values.push(rowToken(label, targets, label.texts));
      const row = sheet.ws.addRow(values);
      styleRow(row, stylesOfRow);
      if (suggestions !== undefined) applySuggestions(row, layout, label.texts, suggestions);
      row.commit();
      sheet.rows++;
    },

    async finish(fingerprint: string): Promise<void> {
      if (current !== undefined) closeSheet(current);
      if (sheetsWritten === 0) {
        // A file without labels still gives a workbook import recognises.
        const empty: OpenSheet = {
          layout: sheetLayout('Localized Labels', options.baseLcid, targets),
          ws: undefined,
          rows: 0,
        };
        empty.ws = openWorksheet(empty);
        closeSheet(empty);
      }
      const meta = workbook.addWorksheet(META_SHEET, { state: 'veryHidden' });
      for (const pair of metaRows({
        formatVersion: FORMAT_VERSION,
        sourceName: options.sourceName,
        fingerprint,
        solutionName: options.solutionName,
        baseLcid: options.baseLcid,
        languages: targets,
      })) {
        meta.addRow(pair.map(textValue)).commit();
      }
      await meta.protect('', { selectLockedCells: true, selectUnlockedCells: true });
      meta.commit();
      await workbook.commit();
    },
  };
}

function applySuggestions(
  row: Row,
  layout: SheetLayout,
  texts: ReadonlyMap<Lcid, string>,
  suggestions: NonNullable<WorkbookRowInput['suggestions']>,
): void {
  for (const { lcid, col } of layout.targetCols) {
    const suggestion = suggestions.get(lcid);
    if (suggestion === undefined || suggestion.text === '' || (texts.get(lcid) ?? '') !== '') continue;
    const cell = row.getCell(col);
    cell.value = textValue(suggestion.text);
    cell.style = suggestionStyle;
    cell.note = `from memory: ${suggestion.source}`;
  }
}

interface DefinedNameModel {
  name: string;
  ranges: string[];
  localSheetId: number;
}

/**
 * Excel and LibreOffice tie a sheet's autofilter to a sheet-local defined name
 * `_xlnm._FilterDatabase` (LibreOffice drops the filter without it). exceljs's streaming writer
 * has no sheet-local names, so the names list it renders into workbook.xml is supplied here.
 */
function autoFilterNames(workbook: ExcelJS.stream.xlsx.WorkbookWriter): DefinedNameModel[] {
  const names: DefinedNameModel[] = [];
  const holder = (workbook as unknown as { _definedNames: object })._definedNames;
  Object.defineProperty(holder, 'model', { get: () => names, configurable: true });
  return names;
}
