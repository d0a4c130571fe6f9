/**
 * CSV glossaries: a header row naming each column's language (a code such as `en`, `ru-RU`, or a
 * Dynamics LCID such as `1049`), then one concept per row. Standard CSV quoting (RFC 4180: fields
 * in double quotes, `""` inside them); comma or semicolon separated, told by the header row.
 * Every term of a CSV glossary is preferred (CSV has no way to mark a forbidden one).
 */
import { CrmKitError } from '../../errors';
import type { Lcid } from '../crm-xml/model';
import { lcidOfTag } from '../memory/languages';
import type { Concept, Glossary, Term } from './model';

/** Splits CSV text into rows of fields; throws on an unclosed quote. */
export function csvRows(text: string, separator: string, name: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let quoteLine = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        field += c;
      }
    } else if (c === '"' && field === '') {
      quoted = true;
      quoteLine = line;
    } else if (c === separator) {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      line++;
    } else field += c;
  }
  if (quoted)
    throw new CrmKitError('GLOSSARY_MALFORMED', `${name}:${quoteLine}: a quoted field is not closed`);
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((f) => f.trim() !== ''));
}

function languageOfHeader(cell: string, column: number, name: string): Lcid {
  const value = cell.trim();
  const lcid = /^\d{4,5}$/.test(value) ? Number(value) : lcidOfTag(value);
  if (lcid === undefined || value === '') {
    throw new CrmKitError(
      'GLOSSARY_MALFORMED',
      `${name}:1: column ${column + 1} "${value}" is not a language code or LCID (the first row names each column's language, e.g. en,ru or 1033,1049)`,
    );
  }
  return lcid;
}

export function parseCsvGlossary(text: string, name: string): Glossary {
  const body = text.replace(/^\uFEFF/, '');
  const firstLine = body.split(/\r?\n/, 1)[0] ?? '';
  const separator =
    firstLine.includes(';') && !firstLine.includes(',') ? ';' : firstLine.includes('\t') ? '\t' : ',';
  const [header, ...rows] = csvRows(body, separator, name);
  if (header === undefined) throw new CrmKitError('GLOSSARY_MALFORMED', `${name}: the file is empty`);
  const languages = header.map((cell, i) => languageOfHeader(cell, i, name));
  if (languages.length < 2) {
    throw new CrmKitError('GLOSSARY_MALFORMED', `${name}:1: a glossary needs at least two language columns`);
  }
  const concepts: Concept[] = rows.map((row, i) => {
    const terms = new Map<Lcid, Term[]>();
    row.forEach((cell, col) => {
      const lcid = languages[col];
      if (lcid !== undefined && cell.trim() !== '')
        terms.set(lcid, [{ text: cell.trim(), status: 'preferred' }]);
    });
    return { id: `line ${i + 2}`, terms };
  });
  return { name, concepts };
}
