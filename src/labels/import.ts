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
import { sameText, type Lcid } from './crm-xml/model';
import { readTranslations } from './crm-xml/read';
import { readWorkbook } from './workbook/read';
import type { ReadSheetOptions } from './workbook/sheet-rows';
import type { WorkbookMeta } from './workbook/types';
import { ZipWriter } from '../zip/write';
import { EditSet } from './edits';
import type { QaProblem } from './check/problem';
import { editedVariants, variantScreen, workbookRowProblem } from './check/rules';
import { ImportRefused } from './import-report';
import { importVerdict, type ImportSummary } from './import-verdict';
import { refuseOtherSpreadsheet } from './other-spreadsheets';
import { refuseInputAsOutput } from './outputs';
import { isXliffName } from './export-format';
import { placeholderKey, readXliffFile, xliffRows, xliffTarget } from './xliff-input';
import type { ProgressCallbacks } from './progress-callbacks';
import { CONTENT_TYPES_ENTRY, openTranslationsSource, TRANSLATIONS_ENTRY } from './source';
import { PassGivenUp, PassPacer, type PacingOptions } from './import-pacing';

export { ImportRefused };
export type { ImportSummary };

export interface ImportOptions extends Pick<ProgressCallbacks, 'onRows'> {
  workbooks: readonly NamedFile[];
  into: NamedFile;
  output: NamedFile;
  /** Merge workbooks of another file by key anyway. */
  force?: boolean;
  /** Refuse cleared translations and texts of only spaces instead of warning about them. */
  strict?: boolean;
  maxSize?: number;
  /** The label sheets are scanned in a worker thread; this names its code (tests run the TypeScript). */
  sheetWorker?: ReadSheetOptions;
  /** DEFLATE level of the output zip (default 3: deflate_fast, 2–3× cheaper than 6 on 100 MB). */
  level?: number;
  /**
   * With one workbook, patch the file while the workbook is read (import-pacing.ts); the output
   * is the same either way (default true; tests set how closely the patch follows the workbook).
   */
  overlap?: boolean | Partial<PacingOptions>;
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

export async function importLabels(options: ImportOptions): Promise<ImportSummary> {
  const edits = new EditSet({ strict: options.strict === true });
  const found: QaProblem[] = [];
  /** Reported after the texts' own problems, as check does. */
  const inconsistent: QaProblem[] = [];
  const metas: { file: NamedFile; meta: Pick<WorkbookMeta, 'fingerprint' | 'sourceName'> }[] = [];
  for (const book of options.workbooks) if (!isXliffName(book.name)) refuseOtherSpreadsheet(book, 'workbook');
  refuseOtherSpreadsheet(options.into, 'translations');
  /** XLIFF units whose placeholders were dropped or renumbered: refused if their text is an edit. */
  const placeholders = new Map<string, { text: string; problems: QaProblem[] }>();
  const xliffLanguages: { file: NamedFile; lcid: Lcid }[] = [];
  /** XLIFF units without a crmkit key: not imported. */
  const xliffWarnings: Problem[] = [];
  refuseInputAsOutput(options.output, [options.into, ...options.workbooks]);
  outputKind(options.output, /\.xml$/i.test(options.into.name) ? 'xml' : 'zip');
  const only = options.workbooks.length === 1 ? options.workbooks[0] : undefined;
  const pacer =
    options.overlap !== false && only !== undefined && !isXliffName(only.name)
      ? new PassPacer(options.overlap === true ? {} : options.overlap)
      : undefined;

  const readInputs = async (): Promise<void> => {
    for (const [book, file] of options.workbooks.entries()) {
      if (isXliffName(file.name)) {
        const read = await readXliffFile(file, options.maxSize);
        const units = xliffRows(read, file.name);
        for (const { row, where } of units.rows) edits.add(row, book, file.name, where);
        for (const [key, unit] of units.placeholders) placeholders.set(key, unit);
        xliffWarnings.push(...units.warnings);
        metas.push({ file, meta: read.header });
        xliffLanguages.push({ file, lcid: xliffTarget(read, file.name) });
        continue;
      }
      await checkReadable(file);
      const screen = variantScreen();
      const result = await readWorkbook(
        { path: file.path },
        file.name,
        (row) => {
          if (!row.unchangedSinceExport) {
            edits.add(row, book, file.name);
            pacer?.edited(row);
          }
          screen.screen(row);
          pacer?.rowRead();
        },
        { sheets: { worker: true, ...options.sheetWorker } },
      );
      found.push(...result.problems.map((p) => workbookRowProblem(p, file.name)));
      metas.push({ file, meta: result.meta });
      const suspects = screen.suspects();
      if (suspects.size === 0) continue;
      // A base text translated several ways, one of them edited: read again for the report.
      const variants = editedVariants(suspects);
      await readWorkbook({ path: file.path }, file.name, (row) => variants.add(row));
      inconsistent.push(...variants.problems(file.name));
    }
  };

  const patchFile = async (workbook: Promise<boolean> | undefined): Promise<ImportSummary> => {
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
      /** The problems of the new texts, in file order. */
      const patched: QaProblem[] = [];
      let baseLcid = 0;

      const patch = async (output: Writable) =>
        readTranslations(
          workbook === undefined || pacer === undefined ? source.xml() : pacer.pieces(source.xml()),
          source.where,
          {
            sheet: (_sheet, _languages, header) => {
              baseLcid = header.baseLcid;
            },
            wants: (key) => {
              options.onRows?.(1);
              if (workbook !== undefined) pacer?.passed(key);
              return edits.size > 0 && edits.has(key);
            },
            label: (label) => {
              const d = edits.take(label, baseLcid);
              if (d === undefined) return undefined;
              let problems = d.problems;
              for (const [lcid, text] of label.texts) {
                const unit = placeholders.get(placeholderKey(label, lcid));
                if (unit === undefined || sameText(unit.text, text)) continue;
                // The XLIFF's own words (which <ph> was dropped or renumbered) say more than the text rule.
                problems = problems.filter((p) => p.lcid !== lcid || !p.code.startsWith('placeholder-'));
                problems = [...problems, ...unit.problems];
              }
              patched.push(...problems);
              conflicts.push(...d.conflicts);
              skipped.push(...d.skipped);
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
        // Patched while the workbook was read: its checks wait for the whole workbook.
        if (workbook !== undefined && (await workbook)) throw new PassGivenUp();

        return importVerdict({
          read,
          into: options.into,
          force: options.force === true,
          metas,
          xliffLanguages,
          xliffWarnings,
          conflicts,
          problems: [...found, ...patched, ...inconsistent],
          edits,
          skipped,
          changed,
        });
      });
    } finally {
      await source.close();
    }
  };

  if (pacer === undefined) {
    await readInputs();
    return patchFile(undefined);
  }
  // The workbook is read while the file is patched; the patch is done again, once the workbook
  // is read, when an edit came too late for it. A failed workbook's error comes first, as when
  // the two are read one after the other.
  const workbook = readInputs().then(
    () => {
      const late = pacer.workbookRead();
      if (late) pacer.giveUp();
      return late;
    },
    (e: unknown) => {
      pacer.giveUp();
      throw e;
    },
  );
  workbook.catch(() => undefined);
  try {
    return await patchFile(workbook);
  } catch (e) {
    // Not late: the patch saw what it would have seen after the workbook, so did its failure.
    if (!(await workbook)) throw e;
    edits.restore();
    return patchFile(undefined);
  }
}
