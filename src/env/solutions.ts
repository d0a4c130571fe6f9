/**
 * Solutions of an environment: finding one by unique name, and ExportTranslation of an unmanaged
 * one (the translations zip, byte for byte as Dynamics gives it).
 */
import { CrmKitError } from '../errors';
import type { WebApi } from './web-api';

export interface SolutionInfo {
  uniqueName: string;
  version: string;
  managed: boolean;
}

const uniqueNameRule = /^[A-Za-z_][A-Za-z0-9_]{0,64}$/;

export async function findSolution(api: WebApi, uniqueName: string): Promise<SolutionInfo | undefined> {
  if (!uniqueNameRule.test(uniqueName)) {
    throw new CrmKitError(
      'USAGE',
      `--solution ${uniqueName}: not a solution unique name (letters, digits, _)`,
    );
  }
  const body = await api.get(
    `solutions?$select=uniquename,version,ismanaged&$filter=uniquename eq '${uniqueName}'`,
  );
  const rows = (body as { value?: unknown } | undefined)?.value;
  const row = (Array.isArray(rows) ? rows : [])[0] as Record<string, unknown> | undefined;
  if (row === undefined) return undefined;
  return {
    uniqueName: String(row.uniquename),
    version: String(row.version),
    managed: row.ismanaged === true,
  };
}

/** The solution, which must exist and be unmanaged (ExportTranslation takes only those). */
export async function unmanagedSolution(api: WebApi, uniqueName: string): Promise<SolutionInfo> {
  const solution = await findSolution(api, uniqueName);
  if (solution === undefined) {
    throw new CrmKitError(
      'ENV_SOLUTION',
      `${api.url.origin} has no solution ${uniqueName} (give its unique name, not its display name)`,
    );
  }
  if (solution.managed) {
    throw new CrmKitError(
      'ENV_SOLUTION',
      `${uniqueName} is a managed solution in ${api.url.origin}: translations are exported from and imported into the unmanaged solution it was built from`,
    );
  }
  return solution;
}

/** `CrmTranslations_<Solution>_<1_0_0_0>.zip`, the name Dynamics gives the download. */
export function translationsFileName(solution: SolutionInfo): string {
  return `CrmTranslations_${solution.uniqueName}_${solution.version.replace(/\./g, '_')}.zip`;
}

/** ExportTranslation of `solution`: the zip's bytes. */
export async function exportTranslation(api: WebApi, solution: SolutionInfo): Promise<Buffer> {
  const body = await api.post('solutions/Microsoft.Dynamics.CRM.ExportTranslation', {
    SolutionName: solution.uniqueName,
  });
  const file = (body as { ExportTranslationFile?: unknown } | undefined)?.ExportTranslationFile;
  if (typeof file !== 'string' || file === '') {
    throw new CrmKitError('ENV_SERVICE', `ExportTranslation of ${solution.uniqueName} returned no file`);
  }
  return Buffer.from(file, 'base64');
}
