/**
 * Turns new texts for one row into replacements of the source: only the changed cells' text is
 * rewritten; a missing cell (left out by Excel, `ss:Index` gap, short row) is inserted with an
 * `ss:Index` when needed so that every following cell keeps its column.
 */
import { CrmKitError } from '../../errors';
import { attribute, cellAt, mergedOver, type CellSpan, type RowLayout } from './row-layout';
import { encodeXmlText } from './xml-text';
import type { Replacement } from './xml-scan';

/** `texts` maps a 1-based column to its new text. Replacements come out in source order. */
export function rowReplacements(
  row: RowLayout,
  texts: ReadonlyMap<number, string>,
  where: string,
): Replacement[] {
  const out: Replacement[] = [];
  const inserts = new Map<number, { after: number; columns: number[] }>();
  for (const column of [...texts.keys()].sort((a, b) => a - b)) {
    const text = encodeXmlText(texts.get(column) ?? '');
    const cell = cellAt(row, column);
    if (cell !== undefined) {
      out.push(rewriteCell(cell, text));
      continue;
    }
    if (mergedOver(row, column)) {
      throw new CrmKitError('VALIDATION', `${where}: column ${column} is merged into another cell`);
    }
    const next = row.cells.find((c) => c.index > column);
    const at = next === undefined ? row.closeStart : next.start;
    const prev = [...row.cells].reverse().find((c) => c.index < column);
    const group = inserts.get(at) ?? {
      after: prev === undefined ? 0 : prev.index + prev.width - 1,
      columns: [],
    };
    group.columns.push(column);
    inserts.set(at, group);
  }
  const style = styleFor(row);
  for (const [at, group] of inserts) {
    let xml = '';
    let after = group.after;
    for (const column of group.columns) {
      const index = column === after + 1 ? '' : ` ss:Index="${column}"`;
      xml += `<Cell${style}${index}><Data ss:Type="String">${encodeXmlText(texts.get(column) ?? '')}</Data></Cell>`;
      after = column;
    }
    out.push({ start: at, end: at, text: xml });
  }
  return out.sort((a, b) => a.start - b.start);
}

function rewriteCell(cell: CellSpan, text: string): Replacement {
  const p = cell.prefix;
  const data = `<${p}Data ss:Type="String">${text}</${p}Data>`;
  if (cell.data?.plainString === true) return { start: cell.data.innerStart, end: cell.data.innerEnd, text };
  if (cell.data !== undefined) return { start: cell.data.start, end: cell.data.end, text: data };
  if (!cell.selfClosing) return { start: cell.tagEnd, end: cell.tagEnd, text: data };
  return { start: cell.start, end: cell.end, text: `<${p}Cell${cell.attrs.trimEnd()}>${data}</${p}Cell>` };
}

/** The style of the row's last translation-looking cell, so an inserted cell looks like its siblings. */
function styleFor(row: RowLayout): string {
  for (let i = row.cells.length - 1; i >= 0; i--) {
    const id = attribute(row.cells[i]?.attrs ?? '', 'StyleID');
    if (id !== undefined) return ` ss:StyleID="${id}"`;
  }
  return '';
}
