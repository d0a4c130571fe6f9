/** Helpers for the translations tests: read or patch an XML held in memory, in chunks of a given size. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { labelKey, type Label, type Lcid } from '../../../src/labels/crm-xml/model';
import { readTranslations, type TranslationsReadResult } from '../../../src/labels/crm-xml/read';

export const fixtures = path.resolve(import.meta.dirname, '../../fixtures/crm-xml');

export function fixture(name: string): Buffer {
  return readFileSync(path.join(fixtures, name));
}

function* chunks(bytes: Buffer, size: number): Generator<Buffer> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

export interface ReadAll extends TranslationsReadResult {
  labels: Label[];
}

export async function readAll(xml: string | Buffer, chunkSize = 65536): Promise<ReadAll> {
  const bytes = typeof xml === 'string' ? Buffer.from(xml, 'utf8') : xml;
  const labels: Label[] = [];
  const result = await readTranslations(chunks(bytes, chunkSize), 'test.xml', {
    label: (l) => {
      labels.push(l);
      return undefined;
    },
  });
  return { ...result, labels };
}

/** Texts of every label by key, for comparisons. */
export function textsByKey(labels: readonly Label[]): Map<string, Record<string, string>> {
  return new Map(
    labels.map((l) => [labelKey(l), Object.fromEntries([...l.texts].map(([k, v]) => [String(k), v]))]),
  );
}

/** Patches `xml` with new texts by label key; returns the output bytes. */
export async function patchAll(
  xml: string | Buffer,
  edits: ReadonlyMap<string, ReadonlyMap<Lcid, string>>,
  chunkSize = 65536,
): Promise<Buffer> {
  const bytes = typeof xml === 'string' ? Buffer.from(xml, 'utf8') : xml;
  const parts: Buffer[] = [];
  const out = new Writable({
    write(chunk: Buffer, _enc, done) {
      parts.push(chunk);
      done();
    },
  });
  await readTranslations(chunks(bytes, chunkSize), 'test.xml', { label: (l) => edits.get(labelKey(l)) }, out);
  return Buffer.concat(parts);
}

/** A minimal CrmTranslations.xml around the given Localized Labels rows (raw XML). */
export function minimalXml(
  rows: string,
  options: { prolog?: string; languages?: readonly number[] } = {},
): string {
  const langs = options.languages ?? [1033, 1049];
  const head = ['Entity name', 'Object ID', 'Object Column Name']
    .map((t) => `<Cell><Data ss:Type="String">${t}</Data></Cell>`)
    .concat(langs.map((l) => `<Cell><Data ss:Type="Number">${l}</Data></Cell>`))
    .join('');
  return (
    (options.prolog ?? '<?xml version="1.0"?>') +
    '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">' +
    '<Worksheet ss:Name="Information"><Table><Row><Cell><Data ss:Type="String">Base language ID:</Data></Cell><Cell><Data ss:Type="Number">1033</Data></Cell></Row></Table></Worksheet>' +
    `<Worksheet ss:Name="Localized Labels"><Table><Row>${head}</Row>${rows}</Table></Worksheet></Workbook>`
  );
}

/** One Localized Labels row of plain string cells. */
export function row(...cells: string[]): string {
  return `<Row>${cells.map((c) => `<Cell><Data ss:Type="String">${c}</Data></Cell>`).join('')}</Row>`;
}
