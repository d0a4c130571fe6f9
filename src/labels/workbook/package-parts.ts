/**
 * The small parts of an .xlsx that say where everything is: the workbook's sheets (name, state,
 * part) and the shared strings table. Parsed with saxes; a DOCTYPE is refused (no entities).
 */
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { CrmKitError } from '../../errors';
import { decodeCellText } from './cell-text';
import type { WorkbookPackage } from './package-entries';
import { XmlScanner } from './xml-scan';

export interface SheetPart {
  name: string;
  /** `visible`, `hidden` or `veryHidden`. */
  state: string;
  /** Part name inside the package, e.g. `xl/worksheets/sheet1.xml`. */
  part: string;
}

export interface PackageParts {
  sheets: SheetPart[];
  sharedStringsPart: string | undefined;
}

/** A saxes parser that refuses DOCTYPE (and so every entity declaration) and reports damage. */
export function xmlParser(where: string): SaxesParser {
  const parser = new SaxesParser({ position: false });
  parser.on('doctype', () => {
    throw new CrmKitError('XML_DOCTYPE', `${where}: a DOCTYPE is not allowed in a workbook part`);
  });
  return parser;
}

export function malformed(where: string, e: unknown): CrmKitError {
  if (e instanceof CrmKitError) return e;
  const detail = e instanceof Error ? e.message.split('\n')[0] : String(e);
  return new CrmKitError('NOT_A_WORKBOOK', `${where}: damaged XML (${detail ?? ''})`);
}

function parseSmall(xml: string, where: string, onOpen: (tag: SaxesTagPlain) => void): void {
  const parser = xmlParser(where);
  parser.on('opentag', onOpen);
  try {
    parser.write(xml).close();
  } catch (e) {
    throw malformed(where, e);
  }
}

/** Resolves a relationship target against the folder of the part that holds the relationships. */
function resolveTarget(baseFolder: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = baseFolder === '' ? [] : baseFolder.split('/');
  for (const segment of target.split('/')) {
    if (segment === '..') parts.pop();
    else if (segment !== '.' && segment !== '') parts.push(segment);
  }
  return parts.join('/');
}

function relationships(
  xml: string,
  where: string,
  baseFolder: string,
): Map<string, { type: string; target: string }> {
  const rels = new Map<string, { type: string; target: string }>();
  parseSmall(xml, where, (tag) => {
    if (tag.name !== 'Relationship') return;
    const { Id: id, Type: type, Target: target } = tag.attributes;
    if (id !== undefined && type !== undefined && target !== undefined) {
      rels.set(id, { type, target: resolveTarget(baseFolder, target) });
    }
  });
  return rels;
}

export async function readPackageParts(pkg: WorkbookPackage, fileName: string): Promise<PackageParts> {
  const text = (name: string): Promise<string | undefined> => pkg.text(name);
  let workbookPart = 'xl/workbook.xml';
  const rootRels = await text('_rels/.rels');
  if (rootRels !== undefined) {
    for (const rel of relationships(rootRels, `${fileName} › _rels/.rels`, '').values()) {
      if (rel.type.endsWith('/officeDocument')) workbookPart = rel.target;
    }
  }
  const workbookXml = await text(workbookPart);
  if (workbookXml === undefined) {
    throw new CrmKitError('NOT_A_WORKBOOK', `${fileName}: not an .xlsx workbook (no ${workbookPart})`);
  }
  const folder = workbookPart.includes('/') ? workbookPart.slice(0, workbookPart.lastIndexOf('/')) : '';
  const relsName = `${folder === '' ? '' : `${folder}/`}_rels/${workbookPart.slice(folder.length + (folder === '' ? 0 : 1))}.rels`;
  const rels = relationships(
    (await text(relsName)) ?? '<Relationships/>',
    `${fileName} › ${relsName}`,
    folder,
  );

  const sheets: SheetPart[] = [];
  parseSmall(workbookXml, `${fileName} › ${workbookPart}`, (tag) => {
    if (tag.name !== 'sheet') return;
    const rid =
      tag.attributes['r:id'] ?? Object.entries(tag.attributes).find(([k]) => k.endsWith(':id'))?.[1];
    const rel = rid === undefined ? undefined : rels.get(rid);
    if (tag.attributes.name !== undefined && rel !== undefined) {
      sheets.push({ name: tag.attributes.name, state: tag.attributes.state ?? 'visible', part: rel.target });
    }
  });
  const shared = [...rels.values()].find((rel) => rel.type.endsWith('/sharedStrings'));
  return { sheets, sharedStringsPart: shared?.target };
}

/**
 * The shared strings table, each item as plain text: rich-text runs joined, phonetic runs
 * (`rPh`) left out, `_xHHHH_` escapes decoded.
 */
export async function readSharedStrings(
  pkg: WorkbookPackage,
  part: string,
  fileName: string,
): Promise<string[]> {
  const where = `${fileName} › ${part}`;
  const strings: string[] = [];
  let inPhonetic = false;
  let inText = false;
  let current = '';
  const scanner = new XmlScanner(where, {
    open(name, _attributes, selfClosing) {
      if (name === 'si') current = '';
      else if (name === 'rPh') inPhonetic = !selfClosing;
      else if (name === 't' && !inPhonetic) inText = !selfClosing;
    },
    text(text) {
      if (inText) current += text;
    },
    close(name) {
      if (name === 't') inText = false;
      else if (name === 'rPh') inPhonetic = false;
      else if (name === 'si') strings.push(decodeCellText(current));
    },
  });
  for await (const chunk of pkg.chunks(part)) scanner.write(chunk);
  scanner.close();
  return strings;
}
