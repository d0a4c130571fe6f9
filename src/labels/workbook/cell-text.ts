/**
 * Cell text as OOXML stores it. Spreadsheet XML cannot carry most control characters and XML
 * readers turn a raw CR into LF, so such characters are written as `_xHHHH_` escapes (as Excel
 * itself does); a literal `_xHHHH_` in a label is protected by escaping its underscore.
 * Reading reverses both, so any label text survives the trip verbatim.
 */

// eslint-disable-next-line no-control-regex -- these control characters are exactly what is escaped
const needsEscape = /_x[0-9A-Fa-f]{4}_|[\u0000-\u0008\u000B-\u001F\u007F\uFFFE\uFFFF]/;
// eslint-disable-next-line no-control-regex -- as above
const escapes = /_(x[0-9A-Fa-f]{4}_)|[\u0000-\u0008\u000B-\u001F\u007F\uFFFE\uFFFF]/g;
const hex4 = (code: number): string => code.toString(16).toUpperCase().padStart(4, '0');

/** Label text → the string to store in a cell. Tab and LF stay as they are. */
export function encodeCellText(text: string): string {
  if (!needsEscape.test(text)) return text;
  return text.replace(escapes, (match: string, literal: string | undefined) =>
    literal === undefined ? `_x${hex4(match.charCodeAt(0))}_` : `_x005F_${literal}`,
  );
}

const decodes = /_x([0-9A-Fa-f]{4})_/g;

/** A cell's stored string → the label text (`_x000D_` → CR, `_x005F_` → `_`). */
export function decodeCellText(stored: string): string {
  if (!stored.includes('_x')) return stored;
  return stored.replace(decodes, (_match: string, code: string) => String.fromCharCode(parseInt(code, 16)));
}
