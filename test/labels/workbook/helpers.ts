/** Shared helpers of the workbook tests: labels, writing to a buffer, reading a buffer back. */
import { Readable, Writable } from 'node:stream';
import JSZip from 'jszip';
import type { Label, LabelSheet, Lcid } from '../../../src/labels/crm-xml/model';
import { readWorkbook } from '../../../src/labels/workbook/read';
import type {
  WorkbookReadResult,
  WorkbookRow,
  WorkbookRowInput,
  WorkbookWriterOptions,
} from '../../../src/labels/workbook/types';
import { createWorkbookWriter } from '../../../src/labels/workbook/write';

export const BASE = 1033;
export const FINGERPRINT = 'ab'.repeat(32);

/**
 * A label text as SheetJS (0.19 and later) reads it from a cell: it turns a CR LF into LF, as
 * LibreOffice does when it saves. The CR itself is stored (`_x000D_`), as the raw cell shows.
 */
export const asSheetJsReadsIt = (text: string): string => text.replace(/\r\n/g, '\n');

export function label(
  sheet: LabelSheet,
  entity: string,
  objectId: string,
  column: string,
  texts: Record<number, string>,
): Label {
  return {
    sheet,
    entity,
    objectId,
    column: sheet === 'Display Strings' ? '' : column,
    texts: new Map(Object.entries(texts).map(([lcid, text]) => [Number(lcid), text])),
  };
}

export function options(
  targets: readonly Lcid[],
  extra: Partial<WorkbookWriterOptions> = {},
): WorkbookWriterOptions {
  return {
    sourceName: 'CrmTranslations.xml',
    solutionName: 'ContosoSales',
    baseLcid: BASE,
    targetLanguages: targets,
    ...extra,
  };
}

class BufferSink extends Writable {
  readonly chunks: Buffer[] = [];
  override _write(chunk: Buffer, _enc: BufferEncoding, done: () => void): void {
    this.chunks.push(chunk);
    done();
  }
}

/** Writes rows (Display Strings first, like the exporter) and returns the .xlsx bytes. */
export async function writeWorkbook(
  rows: readonly (Label | WorkbookRowInput)[],
  opts: WorkbookWriterOptions,
): Promise<Buffer> {
  const sink = new BufferSink();
  const done = new Promise<void>((resolve, reject) => {
    sink.on('finish', resolve);
    sink.on('error', reject);
  });
  const writer = createWorkbookWriter(sink, opts);
  const inputs = rows.map((r) => ('label' in r ? r : { label: r }));
  for (const sheet of ['Display Strings', 'Localized Labels'] as const) {
    const ofSheet = inputs.filter((r) => r.label.sheet === sheet);
    writer.startSheet(sheet);
    for (const row of ofSheet) writer.addRow(row);
  }
  await writer.finish(FINGERPRINT);
  await done;
  return Buffer.concat(sink.chunks);
}

export async function readBack(
  xlsx: Buffer,
  fileName = 'ru.xlsx',
): Promise<{ rows: WorkbookRow[]; result: WorkbookReadResult }> {
  const rows: WorkbookRow[] = [];
  const result = await readWorkbook(Readable.from([xlsx]), fileName, (row) => rows.push(row));
  return { rows, result };
}

/** The text of one part of the package, read with jszip (independent of the code under test). */
export async function partText(xlsx: Buffer, name: string): Promise<string> {
  const zip = await JSZip.loadAsync(xlsx);
  const file = zip.file(name);
  if (file === null) throw new Error(`no part ${name}; parts: ${Object.keys(zip.files).join(', ')}`);
  return file.async('string');
}
