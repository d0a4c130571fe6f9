/**
 * What `labels export` writes: the translator's workbook (.xlsx) or XLIFF for CAT tools (.xlf,
 * .xliff: one file per target language), told by `--format`, `--xliff <version>` or the name of
 * `-o`. The rules each format's output names follow, and the XLIFF header's fingerprint.
 */
import { createHash } from 'node:crypto';
import { CrmKitError } from '../errors';
import type { NamedFile } from '../fs/open-input';
import type { Lcid } from './crm-xml/model';
import { openTranslationsSource } from './source';
import type { XliffVersion } from './xliff';

export type ExportFormat = 'workbook' | 'xliff';

const XLIFF_NAME = /\.xlf$|\.xliff$/i;

export function isXliffName(name: string): boolean {
  return XLIFF_NAME.test(name);
}

export interface FormatOptions {
  output: NamedFile;
  split?: boolean;
  format?: ExportFormat;
  xliffVersion?: XliffVersion;
}

/** The format asked for; refuses a single output whose name does not fit it. */
export function exportFormat(o: FormatOptions): ExportFormat {
  const format =
    o.format ??
    (o.xliffVersion !== undefined || (o.split !== true && isXliffName(o.output.name)) ? 'xliff' : 'workbook');
  if (format === 'workbook' && o.xliffVersion !== undefined) {
    throw new CrmKitError(
      'USAGE',
      `--xliff ${o.xliffVersion}: XLIFF versions apply to --format xliff, not to workbooks`,
    );
  }
  if (o.split === true) return format;
  if (format === 'workbook' && !/\.xlsx$/i.test(o.output.name)) {
    throw new CrmKitError(
      'USAGE',
      `-o ${o.output.name}: the workbook must be an .xlsx file (or .xlf / .xliff for XLIFF, or use --split with a folder)`,
    );
  }
  if (format === 'xliff' && !isXliffName(o.output.name)) {
    throw new CrmKitError('USAGE', `-o ${o.output.name}: an XLIFF file must be named .xlf or .xliff`);
  }
  return format;
}

/** The extension of the files `--split` writes. */
export function splitExtension(format: ExportFormat): string {
  return format === 'xliff' ? '.xlf' : '.xlsx';
}

/** A single XLIFF holds one target language: refuses a file (or `--lang`) with several. */
export function refuseSeveralTargets(targets: readonly Lcid[], o: FormatOptions, input: NamedFile): void {
  if (targets.length === 1) return;
  throw new CrmKitError(
    'USAGE',
    targets.length === 0
      ? `-o ${o.output.name}: ${input.name} has no target language to write XLIFF for`
      : `-o ${o.output.name}: an XLIFF file holds one target language and ${input.name} has ${targets.join(', ')}: ` +
          `choose one with --lang, or write one file per language with --split --format xliff`,
  );
}

/** SHA-256 (hex) of the source CrmTranslations.xml: the fingerprint workbooks and XLIFF carry. */
export async function sourceFingerprint(input: NamedFile, maxSize: number | undefined): Promise<string> {
  const source = await openTranslationsSource(input.path, input.name, maxSize);
  try {
    const hash = createHash('sha256');
    for await (const chunk of source.xml()) hash.update(chunk);
    return hash.digest('hex');
  } finally {
    await source.close();
  }
}
