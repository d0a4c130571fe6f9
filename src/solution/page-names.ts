/**
 * Dataverse web resource names allow only letters, digits, underscores, dots and single slashes,
 * while built pages are named like `pipeline-funnel.js`. Files are renamed (`pipeline_funnel.js`)
 * and the HTML pages' relative references to their sibling files follow the new names.
 */

const decoder = new TextDecoder();
const encoder = new TextEncoder();

/** `pipeline-funnel.js` → `pipeline_funnel.js`; other disallowed characters become `_` too. */
export function webResourceFileName(path: string): string {
  return path
    .split('/')
    .map((s) => s.replace(/[^A-Za-z0-9_.]/g, '_'))
    .join('/');
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Rewrites `src`/`href` references in an HTML page (`"./a-b.js"`, `'a-b.css'`) to renamed
 * siblings. Only quoted references to files of the same page change; other text stays.
 */
export function rewritePageReferences(html: Uint8Array, renames: ReadonlyMap<string, string>): Uint8Array {
  let text = decoder.decode(html);
  let changed = false;
  for (const [from, to] of renames) {
    if (from === to) continue;
    const pattern = new RegExp(`(["'])(\\./)?${escapeRegExp(from)}(["'?#])`, 'g');
    text = text.replace(pattern, (_m, open: string, dot: string | undefined, close: string) => {
      changed = true;
      return `${open}${dot ?? ''}${to}${close}`;
    });
  }
  return changed ? encoder.encode(text) : html;
}
