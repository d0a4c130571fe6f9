/**
 * exceljs is pinned to one exact version because src/labels/workbook/exceljs-internals.ts uses
 * parts of it that its typings do not show. These tests name each of those parts, so that an
 * upgrade fails here saying what changed, before the workbook tests fail saying only that the
 * output is wrong.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';

const requireHere = createRequire(import.meta.url);
const installed = (requireHere('exceljs/package.json') as { version: string }).version;
const manifest = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
  dependencies: Record<string, string>;
};
const pinned = manifest.dependencies.exceljs ?? '(none)';

/** The message an upgrade gets: the versions, and each part that is no longer as relied on. */
function changed(problems: readonly string[]): string {
  return (
    `exceljs ${installed} (package.json pins ${pinned}) no longer has what ` +
    `src/labels/workbook/exceljs-internals.ts relies on:\n- ${problems.join('\n- ')}\n` +
    'Adapt that file to this version, or go back to the version it was written for.'
  );
}

/** The value at a dotted path of private properties, or undefined where the path breaks. */
function at(root: unknown, path: string): unknown {
  let value = root;
  for (const key of path.split('.')) {
    if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

type Kind = 'function' | 'boolean' | 'number' | 'object' | 'array';

function kindOf(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  return typeof value;
}

/** One problem for each `path` of `root` that is not of its kind. */
function shapeProblems(owner: string, root: unknown, expected: Record<string, Kind>): string[] {
  return Object.entries(expected)
    .filter(([path, kind]) => kindOf(at(root, path)) !== kind)
    .map(([path, kind]) => `${owner}.${path} should be ${kind}, is ${kindOf(at(root, path))}`);
}

function discard(): Writable {
  return new Writable({ write: (_chunk, _encoding, done) => done() });
}

function collect(chunks: Buffer[]): Writable {
  return new Writable({
    write: (chunk: Buffer, _encoding, done) => {
      chunks.push(chunk);
      done();
    },
  });
}

const modules = [
  // The renderers whose output commentXml and vmlShapeXml write (note-xml.test.ts compares them).
  'exceljs/lib/utils/xml-stream',
  'exceljs/lib/xlsx/xform/comment/comment-xform',
  'exceljs/lib/xlsx/xform/comment/vml-shape-xform',
  'exceljs/lib/utils/col-cache',
  'exceljs/lib/utils/utils',
];

describe('the exceljs internals the workbook writer relies on', () => {
  it('are those of the exact exceljs version package.json pins, which is the one installed', () => {
    expect(pinned, 'package.json must pin exceljs to one exact version (no ^ or ~)').toMatch(
      /^\d+\.\d+\.\d+$/,
    );
    expect(installed, `package.json pins exceljs ${pinned}, but ${installed} is installed: run npm ci`).toBe(
      pinned,
    );
  });

  it('are still there, with the shape exceljs-internals.ts gives them', () => {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: discard(), useStyles: true });
    const ws = workbook.addWorksheet('Sheet');
    const problems = [
      ...shapeProblems('WorkbookWriter', workbook, {
        'styles.addStyleModel': 'function',
        _definedNames: 'object',
        'zip.append': 'function',
        'zip.abort': 'function',
        stream: 'object',
        promise: 'object',
        addThemes: 'function',
        addOfficeRels: 'function',
      }),
      ...shapeProblems('WorksheetWriter', ws, {
        'stream.write': 'function',
        'stream.buffers': 'array',
        'stream.pipes': 'array',
        startedData: 'boolean',
        hasComments: 'boolean',
        _writeColumns: 'function',
        _writeOpenSheetData: 'function',
        _writeCloseSheetData: 'function',
        '_sheetCommentsWriter.id': 'number',
        '_sheetCommentsWriter._addRelationships': 'function',
        '_sheetCommentsWriter._addCommentRefs': 'function',
        'dataValidations.add': 'function',
      }),
    ];
    const names = at(workbook, '_definedNames');
    if (typeof names === 'object' && names !== null && !('model' in names)) {
      problems.push('WorkbookWriter._definedNames has no model (the defined names workbook.xml lists)');
    }
    for (const name of modules) {
      try {
        requireHere(name);
      } catch {
        problems.push(`module ${name} cannot be loaded`);
      }
    }
    problems.push(
      ...shapeProblems('utils', requireHere('exceljs/lib/utils/utils'), { xmlEncode: 'function' }),
      ...shapeProblems('colCache', requireHere('exceljs/lib/utils/col-cache'), { decodeAddress: 'function' }),
    );
    expect(problems, changed(problems)).toEqual([]);
  });

  it('still put into the file what the writer feeds them', async () => {
    // Loaded here, after the checks above, since it loads exceljs's private modules when imported.
    const internals = await import('../../../src/labels/workbook/exceljs-internals');
    const { useStreamZip } = await import('../../../src/labels/workbook/exceljs-writer');
    const chunks: Buffer[] = [];
    const out = collect(chunks);
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ useStyles: true });
    useStreamZip(workbook, out, { level: 1 });
    const bold = internals.styleId(workbook, { font: { bold: true } });
    internals.definedNamesList(workbook).push({
      name: '_xlnm._FilterDatabase',
      ranges: ["'Sheet'!$A$1:$A$2"],
      localSheetId: 0,
    });
    const ws = workbook.addWorksheet('Sheet');
    internals.openSheetData(ws);
    // Given as bytes, overwritten right after: the stream must have copied them (sheet-bytes.ts).
    const row = Buffer.from(`<row r="1"><c r="A1" s="${bold}" t="inlineStr"><is><t>Head</t></is></c></row>`);
    internals.writeSheetXml(ws, row);
    row.fill(0x20);
    const pending = internals.pendingSheetBytes(ws);
    internals.addDataValidation(ws, 'A2:A2', {
      type: 'textLength',
      operator: 'lessThanOrEqual',
      formulae: [5],
    });
    internals.protectSheet(ws, ['sort']);
    internals.addSheetNoteParts(workbook, ws, {
      comments: [
        Buffer.from('<comments><commentList><comment ref="A1">a note</comment></commentList></comments>'),
      ],
      vml: [Buffer.from('<xml><v:shape id="_x0000_s1025"/></xml>')],
    });
    ws.commit();
    await workbook.commit();

    const zip = await JSZip.loadAsync(Buffer.concat(chunks), { checkCRC32: true });
    const names = Object.keys(zip.files);
    const part = async (name: string): Promise<string> => (await zip.file(name)?.async('string')) ?? '';
    const sheet = await part('xl/worksheets/sheet1.xml');
    const expectations: [boolean, string][] = [
      [bold > 0, `styles.addStyleModel gave style id ${bold} for a new style`],
      [pending > 0, 'the sheet stream holds no pending bytes after a row was written to it'],
      [sheet.includes('<c r="A1" s="' + String(bold) + '"'), 'the row written as XML is not in the sheet'],
      [
        /<\/sheetData><sheetProtection sheet="1"[^>]* sort="0"\/>/.test(sheet),
        'no protection after sheetData',
      ],
      [sheet.includes('<dataValidation '), 'the data validation is not in the sheet'],
      [sheet.includes('<legacyDrawing '), 'the sheet does not refer to its notes drawing'],
      [
        (await part('xl/workbook.xml')).includes('_xlnm._FilterDatabase'),
        'the defined name is not in workbook.xml',
      ],
      [(await part('xl/comments1.xml')).includes('a note'), 'the note is not in xl/comments1.xml'],
      [(await part('xl/drawings/vmlDrawing1.vml')).includes('<v:shape '), 'no note shape in vmlDrawing1.vml'],
      [
        (await part('xl/theme/theme1.xml')).includes('<a:theme') && (await part('_rels/.rels')) !== '',
        'the theme and the package relationships (added before useStreamZip) are not in the zip',
      ],
      [new Set(names).size === names.length, `a part is in the zip twice: ${names.join(', ')}`],
    ];
    const problems = expectations.filter(([holds]) => !holds).map(([, problem]) => problem);
    expect(problems, changed(problems)).toEqual([]);
  });
});
