/**
 * `labels export`: streams CrmTranslations.xml (from a zip or bare) into the translator's workbook.
 * Display Strings rows arriving before the Localized Labels header are held (they are few) until
 * every language column of the file is known, then everything streams.
 */
import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { CrmKitError } from '../errors';
import { writeAtomically } from '../fs/atomic';
import type { Label, LabelSheet, Lcid, TranslationsHeader } from '../translations/model';
import { readTranslations } from '../translations/read';
import { createWorkbookWriter } from '../workbook/write';
import type { WorkbookRowInput, WorkbookWriter } from '../workbook/types';
import { openTranslationsSource } from './source';

export interface FileArg {
  /** Resolved path. */
  path: string;
  /** As the user wrote it (for messages). */
  name: string;
}

export interface ExportOptions {
  input: FileArg;
  output: FileArg;
  /** Target languages in this order; default every non-base language of the file. */
  languages?: readonly Lcid[];
  maxSize?: number;
  /** Lets later features decorate rows (memory suggestions) or skip them (missing-only). */
  mapRow?: (label: Label) => WorkbookRowInput | undefined;
  /** Called once per label read (for progress). */
  onLabel?: () => void;
}

export interface ExportSummary {
  header: TranslationsHeader;
  fingerprint: string;
  targetLanguages: readonly Lcid[];
  rows: Record<LabelSheet, number>;
}

/** Picks the target columns: `requested` (checked against the file) or all non-base languages. */
export function targetLanguages(
  header: TranslationsHeader,
  requested: readonly Lcid[] | undefined,
  where: string,
): Lcid[] {
  const inFile = [
    ...new Set([...header.languages['Display Strings'], ...header.languages['Localized Labels']]),
  ].filter((l) => l !== header.baseLcid);
  if (requested === undefined) return inFile;
  for (const lcid of requested) {
    if (lcid === header.baseLcid) {
      throw new CrmKitError(
        'USAGE',
        `--lang ${lcid}: that is the base language of ${where}; give target languages`,
      );
    }
    if (!inFile.includes(lcid)) {
      throw new CrmKitError(
        'USAGE',
        `--lang ${lcid}: ${where} has no column for it (it has ${inFile.join(', ') || 'no target languages'})`,
      );
    }
  }
  return [...requested];
}

export async function exportLabels(options: ExportOptions): Promise<ExportSummary> {
  const source = await openTranslationsSource(options.input.path, options.input.name, options.maxSize);
  try {
    return await writeAtomically(options.output.path, async (temp) => {
      const out = createWriteStream(temp);
      const done = finished(out);
      done.catch(() => undefined);
      try {
        let writer: WorkbookWriter | undefined;
        let targets: Lcid[] = [];
        const held: WorkbookRowInput[] = [];
        const rows: Record<LabelSheet, number> = { 'Display Strings': 0, 'Localized Labels': 0 };
        const started = new Set<LabelSheet>();
        const start = (sheet: LabelSheet): void => {
          if (writer === undefined || started.has(sheet)) return;
          started.add(sheet);
          writer.startSheet(sheet);
        };
        const open = (header: TranslationsHeader): WorkbookWriter => {
          targets = targetLanguages(header, options.languages, source.where);
          const w = createWorkbookWriter(out, {
            sourceName: options.input.name,
            solutionName: header.solutionName,
            baseLcid: header.baseLcid,
            targetLanguages: targets,
          });
          writer = w;
          if (header.languages['Display Strings'].length > 0 || held.length > 0) start('Display Strings');
          for (const row of held) w.addRow(row);
          held.length = 0;
          return w;
        };
        const result = await readTranslations(source.xml(), source.where, {
          sheet: (sheet, _languages, header) => {
            if (sheet === 'Localized Labels' && writer === undefined) open(header);
            start(sheet);
          },
          label: (label) => {
            options.onLabel?.();
            const row = options.mapRow === undefined ? { label } : options.mapRow(label);
            if (row === undefined) return undefined;
            rows[label.sheet]++;
            if (writer === undefined) held.push(row);
            else writer.addRow(row);
            return undefined;
          },
        });
        const w = writer ?? open(result.header);
        await w.finish(result.fingerprint);
        await done;
        return { header: result.header, fingerprint: result.fingerprint, targetLanguages: targets, rows };
      } catch (e) {
        out.destroy();
        throw e;
      }
    });
  } finally {
    await source.close();
  }
}
