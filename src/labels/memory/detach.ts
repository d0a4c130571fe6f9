/**
 * Strings cut out of a large decoded chunk keep the whole chunk alive in V8 (a "sliced string"
 * points into its parent). Anything kept for the whole run — memory entries, check variants —
 * is detached first, so a 200,000-label file does not stay in memory through its substrings.
 */
export function detach(text: string): string {
  // Concatenation then slice makes V8 flatten into a new string that owns its characters.
  return text.length < 13 ? text : ` ${text}`.slice(1);
}
