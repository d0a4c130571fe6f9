/**
 * `labels import`: reads the translators' workbooks (edited rows only) and XLIFF files (units with
 * a target, xliff-input.ts), then streams the translations file once, rewriting only the labels
 * whose text changed, into a temporary file renamed into place when nothing was refused.
 */
import { open } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { CrmKitError, type Problem } from '../errors';
import { writeAtomically } from '../fs/atomic';
import { checkReadable, type NamedFile } from '../fs/open-input';
import { sameText, type Lcid, type TranslationsHeader } from './crm-xml/model';
import { readTranslations } from './crm-xml/read';
import { readWorkbook } from './workbook/read';
import type { WorkbookMeta } from './workbook/types';
import { ZipWriter } from '../zip/write';
import { EditSet } from './edits';
import { lostTextsWarning, type LostKind } from './lost-texts';
import { refuseInputAsOutput } from './outputs';
import { isXliffName } from './export-format';
import { placeholderKey, readXliffFile, refuseOtherLanguages, xliffRows, xliffTarget } from './xliff-input';
import type { ProgressCallbacks } from './progress-callbacks';
import { CONTENT_TYPES_ENTRY, openTranslationsSource, TRANSLATIONS_ENTRY } from './source';

export interface ImportOptions extends Pick<ProgressCallbacks, 'onRows'> {
  workbooks: readonly NamedFile[];
  into: NamedFile;
  output: NamedFile;
  /** Merge workbooks of another file by key anyway. */
  force?: boolean;
  /** Refuse cleared translations and texts of only spaces instead of warning about them. */
  strict?: boolean;
  maxSize?: number;
  /** DEFLATE level of the output zip (default 3: deflate_fast, 2–3× cheaper than 6 on 100 MB). */
  level?: number;
}

export interface ImportSummary {
  header: TranslationsHeader;
  /** Labels changed, by language. */
  changed: Map<Lcid, number>;
  warnings: Problem[];
  /** What --force left out (rows of another file's workbook that no longer match). */
  skipped: Problem[];
  /** Workbooks whose fingerprint differs from the file (only with --force). */
  foreign: string[];
}

/** What `-o` writes, by its extension: .zip or .xml; any other name is refused. */
export function outputKind(output: NamedFile, inputKind: 'zip' | 'xml'): 'zip' | 'xml' {
  if (/\.zip$/i.test(output.name)) return 'zip';
  if (/\.xml$/i.test(output.name)) return 'xml';
  throw new CrmKitError(
    'USAGE',
    inputKind === 'zip'
      ? `-o ${output.name}: the output is a zip Dynamics imports; name it .zip (or .xml for the bare CrmTranslations.xml)`
      : `-o ${output.name}: the output of an .xml input is an .xml file; name it .xml`,
  );
}

const LOST_OUTCOME: Readonly<Record<LostKind, { refused: string; kept: string }>> = {
  cleared: {
    refused: 'the translation was cleared (--strict refuses it)',
    kept: 'the output has them empty, as the workbook does (--strict refuses them)',
  },
  blank: {
    refused: 'the translation is only spaces (--strict refuses it)',
    kept: 'the output has them as typed (--strict refuses them)',
  },
};

/** Cleared and blank translations: one warning per kind, or with `strict` one error per cell. */
function refuseOrWarnLost(
  lost: Readonly<Record<LostKind, Problem[]>>,
  strict: boolean,
  errors: Problem[],
  warnings: Problem[],
): void {
  for (const kind of ['cleared', 'blank'] as const) {
    const places = lost[kind];
    if (places.length === 0) continue;
    if (strict)
      errors.push(
        ...places.map((p) => ({ where: p.where, message: `${p.message}: ${LOST_OUTCOME[kind].refused}` })),
      );
    else warnings.push(lostTextsWarning(kind, places, LOST_OUTCOME[kind].kept));
  }
}

export async function importLabels(options: ImportOptions): Promise<ImportSummary> {
  const edits = new EditSet();
  const warnings: Problem[] = [];
  const errors: Problem[] = [];
  const metas: { file: NamedFile; meta: Pick<WorkbookMeta, 'fingerprint' | 'sourceName'> }[] = [];
  /** XLIFF units whose placeholders were dropped or renumbered: refused if their text is an edit. */
  const placeholders = new Map<string, { text: string; problems: Problem[] }>();
  const xliffLanguages: { file: NamedFile; lcid: Lcid }[] = [];
  refuseInputAsOutput(options.output, [options.into, ...options.workbooks]);
  outputKind(options.output, /\.xml$/i.test(options.into.name) ? 'xml' : 'zip');
  for (const [book, file] of options.workbooks.entries()) {
    if (isXliffName(file.name)) {
      const read = await readXliffFile(file, options.maxSize);
      const found = xliffRows(read, file.name);
      for (const { row, where } of found.rows) edits.add(row, book, file.name, where);
      for (const [key, unit] of found.placeholders) placeholders.set(key, unit);
      warnings.push(...found.warnings);
      metas.push({ file, meta: read.header });
      xliffLanguages.push({ file, lcid: xliffTarget(read, file.name) });
      continue;
    }
    await checkReadable(file);
    const result = await readWorkbook({ path: file.path }, file.name, (row) => {
      if (!row.unchangedSinceExport) edits.add(row, book, file.name);
    });
    for (const p of result.problems) (p.code === 'TOKEN_MISSING' ? warnings : errors).push(p);
    metas.push({ file, meta: result.meta });
  }

  const source = await openTranslationsSource(options.into.path, options.into.name, options.maxSize);
  try {
    const kind = outputKind(options.output, source.kind);
    if (kind === 'zip' && source.kind === 'xml') {
      throw new CrmKitError(
        'USAGE',
        `-o ${options.output.name}: an .xml input gives an .xml output, not a zip`,
      );
    }
    const contentTypes = kind === 'zip' ? await source.contentTypes() : undefined;
    const changed = new Map<Lcid, number>();
    const conflicts: Problem[] = [];
    const skipped: Problem[] = [];
    const lost: Record<LostKind, Problem[]> = { cleared: [], blank: [] };
    let baseLcid = 0;

    const patch = async (output: Writable) =>
      readTranslations(
        source.xml(),
        source.where,
        {
          sheet: (_sheet, _languages, header) => {
            baseLcid = header.baseLcid;
          },
          wants: (key) => {
            options.onRows?.(1);
            return edits.size > 0 && edits.has(key);
          },
          label: (label) => {
            const d = edits.take(label, baseLcid);
            if (d === undefined) return undefined;
            errors.push(...d.problems);
            for (const [lcid, text] of label.texts) {
              const found = placeholders.get(placeholderKey(label, lcid));
              if (found !== undefined && !sameText(found.text, text)) errors.push(...found.problems);
            }
            conflicts.push(...d.conflicts);
            skipped.push(...d.skipped);
            for (const l of d.lost) lost[l.kind].push(l.place);
            for (const lcid of d.edits.keys()) changed.set(lcid, (changed.get(lcid) ?? 0) + 1);
            return d.edits;
          },
        },
        output,
      );

    return await writeAtomically(options.output, async (temp, openStream) => {
      let read: Awaited<ReturnType<typeof patch>>;
      if (kind === 'zip') {
        const fh = await open(temp, 'w');
        try {
          const zip = new ZipWriter(fh);
          let result: Awaited<ReturnType<typeof patch>> | undefined;
          await zip.addEntry(
            TRANSLATIONS_ENTRY,
            async (input) => {
              result = await patch(input);
            },
            options.level ?? 3,
          );
          await zip.addBuffer(CONTENT_TYPES_ENTRY, contentTypes ?? Buffer.alloc(0));
          await zip.finish();
          if (result === undefined) throw new Error('the translations entry was not written');
          read = result;
        } finally {
          await fh.close();
        }
      } else {
        const out = openStream();
        read = await patch(out);
        out.end();
        await finished(out);
      }

      const foreign = metas.filter((m) => m.meta.fingerprint !== read.fingerprint);
      if (foreign.length > 0 && options.force !== true) {
        const names = foreign.map((m) => `${m.file.name} (exported from ${m.meta.sourceName})`).join(', ');
        throw new CrmKitError(
          'WORKBOOK_MISMATCH',
          `${names}: exported from another translations file than ${options.into.name}; use --force to merge by key anyway`,
        );
      }
      if (options.force !== true) refuseOtherLanguages(xliffLanguages, read.header, options.into.name);
      if (conflicts.length > 0) {
        throw new CrmKitError(
          'MERGE_CONFLICT',
          `${conflicts.length} label(s) changed differently in two workbooks`,
          conflicts,
        );
      }
      refuseOrWarnLost(lost, options.strict === true, errors, warnings);
      if (errors.length > 0) {
        throw new CrmKitError(
          'VALIDATION',
          `${errors.length} problem(s) in the workbooks; nothing was written`,
          errors,
        );
      }
      const leftovers = edits.leftovers();
      if (foreign.length > 0) skipped.push(...leftovers);
      else warnings.push(...leftovers);
      return {
        header: read.header,
        changed,
        warnings,
        skipped,
        foreign: foreign.map((m) => m.file.name),
      };
    });
  } finally {
    await source.close();
  }
}
