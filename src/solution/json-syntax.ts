/** JSON parse failures told by line and column, for profiles and the JSON web resources a zip carries. */

/**
 * Where JSON.parse stopped, as `line:column` (1-based), from the offset V8 puts in its message;
 * the message without that offset. A message with no place is returned as it is.
 */
export function jsonSyntaxPlace(text: string, message: string): { place?: string; reason: string } {
  const m = /^(.*?)(?: in JSON)? at position (\d+)(?: \(line \d+ column \d+\))?$/s.exec(message);
  // A text that ends too early has no position in the message: the place is its end.
  const offset =
    m !== null ? Number(m[2]) : /^Unexpected end of JSON input$/.test(message) ? text.length : undefined;
  if (offset === undefined) return { reason: message };
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return { place: `${line}:${column}`, reason: m?.[1] ?? message };
}

/** Parses JSON text (a leading BOM allowed); on failure, `problem` says what and where (`line:column`). */
export function parseJsonText(text: string): { value: unknown } | { problem: string; place?: string } {
  const body = text.replace(/^\uFEFF/, '');
  try {
    return { value: JSON.parse(body) as unknown };
  } catch (e) {
    const { place, reason } = jsonSyntaxPlace(body, e instanceof Error ? e.message : String(e));
    return { problem: `not valid JSON (${reason})`, ...(place === undefined ? {} : { place }) };
  }
}
