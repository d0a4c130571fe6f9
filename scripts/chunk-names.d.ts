import type { Metafile } from 'esbuild';

/** Every output file `file` imports statically, directly or not, itself included (metafile paths). */
export function staticallyImported(metafile: Metafile, file: string): Set<string>;
/** Each output file's esbuild name (basename) → its stable name, for a page whose script is `<page>.js`. */
export function chunkFileNames(page: string, metafile: Metafile): Map<string, string>;
