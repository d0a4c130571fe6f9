/**
 * Turns SpreadsheetML rows of CrmTranslations.xml into the header and `Label`s, and asks the
 * visitor for new texts per label so the scanner can patch the row in place.
 */
import { CrmKitError } from '../../errors';
import { LABEL_SHEETS, type Label, type LabelSheet, type Lcid, type TranslationsHeader } from './model';
import type { RowCells, RowLayout } from './row-layout';
import type { RowSink } from './spreadsheet';
import { rowReplacements } from './patch';
import type { XmlScanner } from './xml-scan';

export interface TranslationsVisitor {
  /** A label sheet's header row was read: its language columns in file order, and the header so far. */
  sheet?(sheet: LabelSheet, languages: readonly Lcid[], header: TranslationsHeader): void;
  /** Whether `label` should be called for this key (saves building labels nobody needs). */
  wants?(key: Pick<Label, 'sheet' | 'entity' | 'objectId' | 'column'>): boolean;
  /** One label; return the texts to write (by language) to patch it, or undefined to keep it. */
  label?(label: Label): ReadonlyMap<Lcid, string> | undefined;
}

interface SheetColumns {
  entity: number;
  objectId: number;
  column: number;
  languages: [Lcid, number][];
}

const KEY_HEADERS: Record<LabelSheet, readonly string[]> = {
  'Display Strings': ['Entity name', 'Display String Key'],
  'Localized Labels': ['Entity name', 'Object ID', 'Object Column Name'],
};

/** The text of a row's cell at a 1-based column ('' for none, and for column 0: no such column). */
function textAt(row: RowCells, column: number): string {
  return column === 0 ? '' : (row.textAt(column) ?? '');
}

export class LabelRowSink implements RowSink {
  scanner: XmlScanner | undefined;
  readonly info = new Map<string, string>();
  readonly languages: Partial<Record<LabelSheet, readonly Lcid[]>> = {};
  labelCount = 0;
  private current: LabelSheet | 'Information' | undefined;
  private columns: SheetColumns | undefined;

  constructor(
    private readonly visitor: TranslationsVisitor,
    private readonly where: string,
  ) {}

  worksheet(name: string): boolean {
    if (name === 'Information') this.current = name;
    else this.current = LABEL_SHEETS.find((s) => s === name);
    this.columns = undefined;
    return this.current !== undefined;
  }

  worksheetEnd(): void {
    if (this.current !== undefined && this.current !== 'Information' && this.columns === undefined) {
      this.headerRow(this.current, { cells: [], closeStart: 0 });
    }
    this.current = undefined;
  }

  row(row: RowCells): void {
    const sheet = this.current;
    if (sheet === undefined) return;
    if (sheet === 'Information') {
      const [name, value] = row.layout().cells;
      if (name !== undefined)
        this.info.set(name.text.trim().replace(/:$/, '').toLowerCase(), value?.text ?? '');
      return;
    }
    if (this.columns === undefined) {
      this.headerRow(sheet, row.layout());
      return;
    }
    const cols = this.columns;
    const entity = textAt(row, cols.entity);
    const objectId = textAt(row, cols.objectId);
    const column = textAt(row, cols.column);
    if (entity === '' && objectId === '' && column === '') return;
    if (this.visitor.wants?.({ sheet, entity, objectId, column }) === false) {
      this.labelCount++;
      return;
    }
    const texts = new Map<Lcid, string>();
    for (const [lcid, c] of cols.languages) texts.set(lcid, textAt(row, c));
    this.labelCount++;
    const edits = this.visitor.label?.({ sheet, entity, objectId, column, texts });
    if (edits === undefined || edits.size === 0 || this.scanner === undefined) return;
    const byColumn = new Map<number, string>();
    for (const [lcid, c] of cols.languages) {
      const t = edits.get(lcid);
      if (t !== undefined) byColumn.set(c, t);
    }
    const where = `${this.where} › ${sheet} › ${entity} / ${objectId}${column === '' ? '' : ` / ${column}`}`;
    for (const r of rowReplacements(row.layout(), byColumn, where)) this.scanner.replace(r);
  }

  header(): TranslationsHeader {
    if (this.languages['Localized Labels'] === undefined) {
      throw new CrmKitError(
        'NOT_TRANSLATIONS',
        `${this.where}: no "Localized Labels" worksheet; not a translations file`,
      );
    }
    return this.headerSoFar();
  }

  private headerSoFar(): TranslationsHeader {
    const ll = this.languages['Localized Labels'] ?? [];
    const ds = this.languages['Display Strings'] ?? [];
    const baseId = Number(this.info.get('base language id'));
    return {
      organizationId: this.info.get('organization id') ?? '',
      exportedOn: this.info.get('exported on') ?? '',
      baseLanguageName: this.info.get('base language name') ?? '',
      baseLcid: Number.isInteger(baseId) && baseId > 0 ? baseId : (ll[0] ?? ds[0] ?? 1033),
      solutionName: this.info.get('solution name') ?? '',
      languages: { 'Display Strings': ds, 'Localized Labels': ll },
    };
  }

  private headerRow(sheet: LabelSheet, row: RowLayout): void {
    const find = (title: string): number => row.cells.find((c) => c.text.trim() === title)?.index ?? 0;
    const [entityTitle = '', idTitle = '', columnTitle] = KEY_HEADERS[sheet];
    const cols: SheetColumns = {
      entity: find(entityTitle),
      objectId: find(idTitle),
      column: columnTitle === undefined ? 0 : find(columnTitle),
      languages: [],
    };
    for (const cell of row.cells) {
      if (/^\s*\d+\s*$/.test(cell.text)) cols.languages.push([Number(cell.text), cell.index]);
    }
    const missing = KEY_HEADERS[sheet].filter((t) => find(t) === 0);
    if (row.cells.length > 0 && missing.length > 0) {
      throw new CrmKitError(
        'NOT_TRANSLATIONS',
        `${this.where}: worksheet "${sheet}" has no "${missing.join('", "')}" column; not a translations file`,
      );
    }
    this.columns = cols;
    const languages = cols.languages.map(([lcid]) => lcid);
    this.languages[sheet] = languages;
    this.visitor.sheet?.(sheet, languages, this.headerSoFar());
  }
}
