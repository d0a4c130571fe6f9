import { CrmKitError, type Problem } from '../errors';
import type { SolutionSource } from './model';

function isTexts(v: unknown): boolean {
  return (
    typeof v === 'object' &&
    v !== null &&
    !Array.isArray(v) &&
    Object.entries(v).every(([k, t]) => /^\d{4}$/.test(k) && typeof t === 'string' && t !== '')
  );
}

const isString = (v: unknown): v is string => typeof v === 'string' && v !== '';

/**
 * Checks the shape of `solutions/crmkit.solution.json` (the project's own file, so a problem here
 * is a mistake in the repository, reported all at once like a profile's).
 */
export function parseSolutionSource(data: unknown, where: string): SolutionSource {
  const problems: Problem[] = [];
  const need = (ok: boolean, field: string, message: string): void => {
    if (!ok) problems.push({ where: `${where} › ${field}`, message });
  };
  const o = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
  need(isString(o.baseUniqueName), 'baseUniqueName', 'must be a text');
  need(isTexts(o.displayNames), 'displayNames', 'must map language codes to texts');
  need(isTexts(o.descriptions), 'descriptions', 'must map language codes to texts');
  const widgets: unknown[] = Array.isArray(o.widgets) ? (o.widgets as unknown[]) : [];
  need(widgets.length > 0, 'widgets', 'must list the widgets');
  const ids = new Set<string>();
  widgets.forEach((w, i) => {
    const x = (typeof w === 'object' && w !== null ? w : {}) as Record<string, unknown>;
    const f = `widgets[${i}]`;
    need(isString(x.id) && !ids.has(x.id), `${f}.id`, 'must be a text not used by another widget');
    if (isString(x.id)) ids.add(x.id);
    need(isTexts(x.displayNames), `${f}.displayNames`, 'must map language codes to texts');
    if (x.kind === 'control') {
      need(isString(x.project), `${f}.project`, 'must name the pcf-scripts project folder');
      need(isString(x.outputFolder), `${f}.outputFolder`, 'must name the folder under out/controls');
    } else if (x.kind === 'webresource') {
      need(isString(x.output), `${f}.output`, 'must name the built page folder');
      need(
        isString(x.path) && /^[a-z0-9_.]+(\/[a-z0-9_.]+)*$/i.test(x.path),
        `${f}.path`,
        'must be a web resource path',
      );
      need(isString(x.entry), `${f}.entry`, 'must name the page file');
    } else {
      need(false, `${f}.kind`, 'must be "control" or "webresource"');
    }
  });
  const config = (typeof o.config === 'object' && o.config !== null ? o.config : {}) as Record<
    string,
    unknown
  >;
  need(isString(config.path), 'config.path', 'must be the configuration web resource path');
  need(isTexts(config.displayNames), 'config.displayNames', 'must map language codes to texts');
  if (problems.length > 0) {
    throw new CrmKitError(
      'VALIDATION',
      `${where}: the solution source has ${problems.length} problem(s)`,
      problems,
    );
  }
  return data as SolutionSource;
}
