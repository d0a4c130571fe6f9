/**
 * LibreOffice as an independent program in tests: where Debian's soffice is, and one headless
 * conversion (re-save as xlsx, print to pdf) with a private profile folder so runs never share one.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

/** The soffice binary, or undefined when LibreOffice is not installed (Debian libreoffice-calc-nogui). */
export const SOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));

/** Why a LibreOffice test skips (printed by the caller), or undefined when it can run. */
export function libreOfficeSkipReason(what: string): string | undefined {
  return SOFFICE === undefined
    ? `skipped: no soffice (install Debian libreoffice-calc-nogui; .ci/run does) — ${what} not checked`
    : undefined;
}

/**
 * Converts `files` with LibreOffice into `outDir`, e.g. `xlsx:Calc MS Excel 2007 XML` or `pdf`;
 * the profile lives in `<workDir>/profile`. `infilter` reads the input with given import options
 * (a CSV's separator, charset and number locale: `CSV:59,34,76,1,,1049`).
 */
export async function convertWithLibreOffice(
  workDir: string,
  format: string,
  outDir: string,
  files: readonly string[],
  timeoutMs = 90_000,
  infilter?: string,
): Promise<void> {
  if (SOFFICE === undefined) throw new Error('LibreOffice is not installed');
  await promisify(execFile)(
    SOFFICE,
    [
      `-env:UserInstallation=file://${path.join(workDir, 'profile')}`,
      '--headless',
      ...(infilter === undefined ? [] : [`--infilter=${infilter}`]),
      '--convert-to',
      format,
      '--outdir',
      outDir,
      ...files,
    ],
    { timeout: timeoutMs },
  );
}
