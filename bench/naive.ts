/**
 * The naive baseline of the label benchmark (bench/run.ts), NOT product code: what a
 * straightforward tool does with the same files. The whole CrmTranslations.xml is parsed into one
 * object tree (fast-xml-parser), the zip is handled by JSZip in memory and the workbook is an
 * in-memory exceljs Workbook. Run as one step per process:
 *
 *   node naive.mjs export <zip> <out.xlsx> [memory.zip]
 *   node naive.mjs import <book.xlsx> <zip> <out.zip>
 *   node naive.mjs check <zip>
 *   node naive.mjs stats <zip>
 *
 * check and stats feed the product's own checker and counter: the difference measured is the reading.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import * as fxp from 'fast-xml-parser';
import { XMLParser } from 'fast-xml-parser';
import JSZip from 'jszip';
import { createChecker } from '../src/labels/check/checker';
import { createStatsCounter } from '../src/labels/check/stats';
import { describeLabel } from '../src/labels/crm-xml/describe';
import type { LabelSheet, Lcid } from '../src/labels/crm-xml/model';

/** The builder of the parser's own version (a naive tool's choice; its typings mark it as moved to fast-xml-builder). */
const Builder = (fxp as unknown as Record<string, new (options: object) => { build(doc: unknown): string }>)
  .XMLBuilder!;

const SHEETS: readonly LabelSheet[] = ['Display Strings', 'Localized Labels'];
const KEYS: Record<LabelSheet, number> = { 'Display Strings': 2, 'Localized Labels': 3 };

interface NaiveRow {
  sheet: LabelSheet;
  keys: string[];
  texts: Map<Lcid, string>;
}

async function xmlOf(zipFile: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(zipFile));
  const entry = zip.file('CrmTranslations.xml');
  if (entry === null) throw new Error(`${zipFile}: no CrmTranslations.xml`);
  return entry.async('string');
}

type Node = Record<string, unknown>;
const list = (x: unknown): Node[] => (Array.isArray(x) ? (x as Node[]) : x === undefined ? [] : [x as Node]);
/** A scalar as the parser left it (texts are kept as strings: parseTagValue is off). */
const scalar = (x: unknown): string => (typeof x === 'string' || typeof x === 'number' ? String(x) : '');
const text = (cell: Node | undefined): string => {
  const data = cell?.Data;
  return typeof data === 'object' && data !== null ? scalar((data as Node)['#text']) : scalar(data);
};

/** Every label of the file: the whole document parsed into one tree first. */
function parseLabels(xml: string): { baseLcid: Lcid; rows: NaiveRow[] } {
  const doc = new XMLParser({
    ignoreAttributes: false,
    parseTagValue: false,
    trimValues: false,
    isArray: (name) => ['Worksheet', 'Row', 'Cell'].includes(name),
  }).parse(xml) as Node;
  const workbook = doc.Workbook as Node;
  const rows: NaiveRow[] = [];
  let baseLcid = 1033;
  for (const ws of list(workbook.Worksheet)) {
    const name = ws['@_ss:Name'] as string;
    const table = list(ws.Table)[0];
    const all = list(table?.Row);
    if (name === 'Information') {
      for (const r of all) {
        const cells = list(r.Cell);
        if (text(cells[0]) === 'Base language ID:') baseLcid = Number(text(cells[1]));
      }
      continue;
    }
    const sheet = SHEETS.find((s) => s === name);
    if (sheet === undefined) continue;
    const header = list(all[0]?.Cell).map(text);
    const keys = KEYS[sheet];
    const lcids = header.slice(keys).map(Number);
    for (const r of all.slice(1)) {
      const cells = list(r.Cell).map(text);
      rows.push({
        sheet,
        keys: cells.slice(0, keys),
        texts: new Map(lcids.map((l, i) => [l, cells[keys + i] ?? ''])),
      });
    }
  }
  return { baseLcid, rows };
}

async function exportStep(zipFile: string, out: string, memoryZip?: string): Promise<void> {
  // Suggestions: the memory file parsed whole, every (base text, language) → translation kept.
  const memory = new Map<string, string>();
  if (memoryZip !== undefined) {
    const past = parseLabels(await xmlOf(memoryZip));
    for (const row of past.rows) {
      const base = row.texts.get(past.baseLcid) ?? '';
      for (const [lcid, t] of row.texts)
        if (t !== '' && lcid !== past.baseLcid) memory.set(`${lcid}\u0000${base}`, t);
    }
  }
  const { baseLcid, rows } = parseLabels(await xmlOf(zipFile));
  const book = new ExcelJS.Workbook();
  for (const sheet of SHEETS) {
    const mine = rows.filter((r) => r.sheet === sheet);
    const lcids = [...(mine[0]?.texts.keys() ?? [])].filter((l) => l !== baseLcid);
    const ws = book.addWorksheet(sheet);
    const keyNames = sheet === 'Display Strings' ? ['Entity', 'Key'] : ['Entity', 'Object ID', 'Column'];
    ws.addRow([...keyNames, `Base (${baseLcid})`, ...lcids.map((l) => `Language (${l})`)]);
    for (const r of mine) {
      const base = r.texts.get(baseLcid) ?? '';
      ws.addRow([
        ...r.keys,
        base,
        ...lcids.map((l) => {
          const t = r.texts.get(l) ?? '';
          return t !== '' || memory.size === 0 ? t : (memory.get(`${l}\u0000${base}`) ?? '');
        }),
      ]);
    }
  }
  await book.xlsx.writeFile(out);
}

/** The workbook's texts by sheet and key, read whole with exceljs. */
async function workbookTexts(file: string): Promise<Map<string, Map<Lcid, string>>> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const texts = new Map<string, Map<Lcid, string>>();
  for (const sheet of SHEETS) {
    const ws = book.getWorksheet(sheet);
    if (ws === undefined) continue;
    const keys = KEYS[sheet];
    const columns: { col: number; lcid: Lcid }[] = [];
    ws.getRow(1).eachCell((cell, col) => {
      const m = /\((\d{4,5})\)\s*$/.exec(scalar(cell.value));
      if (m !== null && col > keys + 2) columns.push({ col, lcid: Number(m[1]) });
    });
    ws.eachRow((row, n) => {
      if (n === 1) return;
      const cell = (col: number): string => {
        const v = row.getCell(col).value;
        // A rich-text cell (exceljs: { richText: [{ text }] }) as its plain text.
        if (typeof v === 'object' && v !== null && 'richText' in v)
          return v.richText.map((r) => r.text).join('');
        return scalar(v);
      };
      const key = [sheet, ...Array.from({ length: keys }, (_, i) => cell(i + 1))].join('\u0000');
      texts.set(key, new Map(columns.map(({ col, lcid }) => [lcid, cell(col)])));
    });
  }
  return texts;
}

async function importStep(bookFile: string, zipFile: string, out: string): Promise<void> {
  const edits = await workbookTexts(bookFile);
  const zip = await JSZip.loadAsync(readFileSync(zipFile));
  const xml = await zip.file('CrmTranslations.xml')!.async('string');
  const options = {
    ignoreAttributes: false,
    preserveOrder: true,
    parseTagValue: false,
    trimValues: false,
    processEntities: true,
  };
  const doc = new XMLParser(options).parse(xml) as Node[];
  type Ordered = Record<string, Ordered[] | string> & { ':@'?: Record<string, string> };
  const children = (node: Ordered, name: string): Ordered[] =>
    ((node[name] as Ordered[] | undefined) ?? []).filter((c) => typeof c === 'object');
  const workbook = (doc as Ordered[]).find((n) => 'Workbook' in n)!;
  for (const ws of children(workbook, 'Workbook').filter((c) => 'Worksheet' in c)) {
    const sheet = SHEETS.find((s) => s === ws[':@']?.['@_ss:Name']);
    if (sheet === undefined) continue;
    const table = children(ws, 'Worksheet').find((c) => 'Table' in c)!;
    const rows = children(table, 'Table').filter((c) => 'Row' in c);
    const dataOf = (cell: Ordered): Ordered[] =>
      children(cell, 'Cell').find((c) => 'Data' in c)?.Data as Ordered[];
    const cellText = (cell: Ordered | undefined): string =>
      cell === undefined ? '' : scalar((dataOf(cell)?.[0] as Record<string, unknown> | undefined)?.['#text']);
    const header = children(rows[0]!, 'Row').map(cellText);
    const keys = KEYS[sheet];
    for (const row of rows.slice(1)) {
      const cells = children(row, 'Row');
      const key = [sheet, ...cells.slice(0, keys).map(cellText)].join('\u0000');
      const wanted = edits.get(key);
      if (wanted === undefined) continue;
      header.forEach((caption, i) => {
        const t = wanted.get(Number(caption));
        const cell = cells[i];
        if (t === undefined || cell === undefined || cellText(cell) === t) return;
        const data = dataOf(cell);
        if (data !== undefined) data.splice(0, data.length, { '#text': t } as unknown as Ordered);
      });
    }
  }
  const built: string = new Builder({ ...options, suppressEmptyNode: true }).build(doc);
  zip.file('CrmTranslations.xml', built);
  writeFileSync(out, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

async function checkStep(zipFile: string): Promise<string> {
  const { baseLcid, rows } = parseLabels(await xmlOf(zipFile));
  const checker = createChecker();
  for (const r of rows) {
    checker.add({
      sheet: r.sheet,
      entity: r.keys[0] ?? '',
      objectId: r.keys[1] ?? '',
      column: r.keys[2] ?? '',
      baseLcid,
      base: r.texts.get(baseLcid) ?? '',
      targets: r.texts,
    });
  }
  return `${checker.finish().length} problems`;
}

async function statsStep(zipFile: string): Promise<string> {
  const { baseLcid, rows } = parseLabels(await xmlOf(zipFile));
  const targets = [...(rows[0]?.texts.keys() ?? [])].filter((l) => l !== baseLcid);
  const counter = createStatsCounter(baseLcid, targets);
  for (const r of rows) {
    const label = {
      sheet: r.sheet,
      entity: r.keys[0] ?? '',
      objectId: r.keys[1] ?? '',
      column: r.keys[2] ?? '',
    };
    counter.add(describeLabel(label).kind, r.texts.get(baseLcid) ?? '', r.texts);
  }
  return `${counter.rows} labels`;
}

const [step, a, b, c] = process.argv.slice(2);
if (step === 'export') await exportStep(a!, b!, c);
else if (step === 'import') await importStep(a!, b!, c!);
else if (step === 'check') console.log(await checkStep(a!));
else if (step === 'stats') console.log(await statsStep(a!));
else throw new Error(`unknown step ${step}`);
