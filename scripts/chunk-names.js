// Stable file names for the chunks esbuild splits a page into (scripts/build-webresources.js).
// esbuild names chunks by content hash, so every change would ship web resources under new names.
// Here a chunk is named by what it is, never by its content:
// - a chunk loaded by `import('./stage-records-view')` is `<page>.stage_records_view.js`;
// - a chunk of code shared by several of them is `<page>.shared.<who needs it>.js`, e.g.
//   `pipeline_funnel.shared.main.downloads.js` (`main` is the page's own script, so this chunk is
//   part of the page's first download), since esbuild makes one chunk per set of entries; a list
//   longer than 40 characters becomes a short hash of itself, `h` first (after `main.`, which stays readable:
//   it marks the page's first download), so that the web resource's name
//   (`<prefix>_/crmkit/<file>`) stays within Dataverse's 100 characters.
// The names are valid Dataverse web resource names as they are (letters, digits, `_` and `.`).
import path from 'node:path';

/** `pipeline-funnel` → `pipeline_funnel`; the same rule as the strings files' names. */
const idOf = (name) => name.replace(/[^A-Za-z0-9_]/g, '_');

/** A short, stable text hash (FNV-1a) for an over-long list of names. */
function fnv(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(36);
}

/** Every output file `file` imports statically, directly or not, itself included (metafile paths). */
export function staticallyImported(metafile, file) {
  const seen = new Set([file]);
  const queue = [file];
  while (queue.length > 0) {
    const next = queue.pop();
    for (const i of metafile.outputs[next]?.imports ?? []) {
      if (i.kind === 'import-statement' && !seen.has(i.path)) {
        seen.add(i.path);
        queue.push(i.path);
      }
    }
  }
  return seen;
}

/**
 * Maps each output file's esbuild name (basename) to its stable name, for a page whose own
 * script is `<page>.js`. Throws when two lazily loaded modules would get the same name.
 * @param {string} page the page's folder name (`pipeline-funnel`)
 * @param {import('esbuild').Metafile} metafile
 * @returns {Map<string, string>}
 */
export function chunkFileNames(page, metafile) {
  const outputs = Object.entries(metafile.outputs).filter(([file]) => file.endsWith('.js'));
  const base = idOf(page);
  /** Output path → short name of the entry it is ('main', or the lazily loaded module's name). */
  const entries = new Map();
  for (const [file, meta] of outputs) {
    if (meta.entryPoint === undefined) continue;
    const short =
      path.basename(file) === `${page}.js`
        ? 'main'
        : idOf(path.basename(meta.entryPoint).replace(/\.[cm]?[jt]sx?$/, ''));
    if ([...entries.values()].includes(short)) {
      throw new Error(`${page}: two modules loaded on demand are both named ${short}; rename one`);
    }
    entries.set(file, short);
  }
  const staticClosure = (file) => staticallyImported(metafile, file);
  const users = new Map(outputs.map(([file]) => [file, []]));
  for (const [entry, short] of entries) {
    for (const file of staticClosure(entry)) users.get(file)?.push(short);
  }
  const renames = new Map();
  for (const [file] of outputs) {
    const short = entries.get(file);
    let name;
    if (short === 'main') name = `${page}.js`;
    else if (short !== undefined) name = `${base}.${short}.js`;
    else {
      const who = users.get(file) ?? [];
      const others = who.filter((w) => w !== 'main').sort();
      const list = others.join('.');
      // `h` first: a hash of digits only would read as a strings file's language (`.1049.js`).
      const tail = list.length > 40 ? `h${fnv(list)}` : list;
      name = `${base}.shared.${who.includes('main') ? `main.${tail}` : tail}.js`;
    }
    renames.set(path.basename(file), name);
  }
  return renames;
}
