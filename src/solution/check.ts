import { checkControls, checkRootComponents, checkWebResources, entryPath } from './check-components';
import { checkClientConfig } from './check-config';
import { checkEntities, type Components } from './check-entities';
import { checkComponentRoots, tablesWithAllColumns } from './check-roots';
import { CONTENT_TYPES_ENTRY, extensionOf } from './content-types';
import { Findings, type Finding } from './findings';
import type { ControlManifestInfo } from './manifest';
import { controlVersionFor, isDottedVersion, parseSolutionVersion } from './version';
import { attr, child, children, decodeUtf8, hasBom, parseXml, text, type XmlNode } from './xml';
import { placeOfLine } from './xml-place';
import { readZip, type ZipLimits, DEFAULT_ZIP_LIMITS } from './zip-read';

export interface CheckResult {
  findings: Finding[];
  errors: number;
  warnings: number;
  /** The customizations.xml bytes, for schema validation by the caller (undefined when absent). */
  customizationsXml: Uint8Array | undefined;
  /**
   * Whether crmkit packed the zip (it carries `<prefix>_/crmkit/config.json`): its customizations.xml
   * is held to the strict 9.0 schema, while others may carry the newer items of today's exports.
   */
  packedByCrmkit: boolean;
}

const PREFIX = /^(?![Mm][Ss][Cc][Rr][Mm])[A-Za-z][A-Za-z0-9]{1,7}$/;
const UNIQUE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function checkPaths(names: readonly string[], findings: Findings): void {
  const seen = new Set<string>();
  for (const n of names) {
    const segments = n.split(/[/\\]/);
    if (n.startsWith('/') || n.includes('\\') || /^[A-Za-z]:/.test(n) || segments.includes('..')) {
      findings.error(n, 'unsafe entry path (absolute, backslash or "..")');
    }
    if (seen.has(n.toLowerCase())) findings.error(n, 'appears twice in the zip');
    seen.add(n.toLowerCase());
  }
}

function parseEntry(
  files: ReadonlyMap<string, Uint8Array>,
  name: string,
  findings: Findings,
  arrays: string[],
): XmlNode | undefined {
  const bytes = files.get(name);
  if (!bytes) {
    findings.error(name, 'is missing; every solution zip has one');
    return undefined;
  }
  if (!hasBom(bytes)) findings.warning(name, 'has no UTF-8 byte order mark (Microsoft writes one)');
  const body = decodeUtf8(bytes);
  try {
    return parseXml(body, name, arrays);
  } catch (e) {
    const message = e instanceof Error ? e.message.replace(`${name}: `, '') : String(e);
    const line = /\((\d+):\d+: /.exec(message)?.[1];
    const place =
      line === undefined || name !== 'customizations.xml' ? undefined : placeOfLine(body, Number(line));
    findings.error(place === undefined ? name : `${name} › ${place}`, message);
    return undefined;
  }
}

function checkManifest(
  solution: XmlNode | undefined,
  findings: Findings,
): { prefix?: string; manifest?: XmlNode } {
  const manifest = child(child(solution, 'ImportExportXml'), 'SolutionManifest');
  if (solution && !manifest) {
    findings.error('solution.xml', 'has no <ImportExportXml><SolutionManifest>');
    return {};
  }
  if (!manifest) return {};
  const w = 'solution.xml › SolutionManifest';
  const unique = text(manifest, 'UniqueName') ?? '';
  if (!UNIQUE_NAME.test(unique))
    findings.error(`${w} › UniqueName`, `${JSON.stringify(unique)} must be letters, digits or underscores`);
  const version = text(manifest, 'Version') ?? '';
  if (!isDottedVersion(version))
    findings.error(
      `${w} › Version`,
      `${JSON.stringify(version)} must be two to four whole numbers separated by dots`,
    );
  const managed = text(manifest, 'Managed');
  if (managed !== '0' && managed !== '1')
    findings.error(`${w} › Managed`, `must be 0 or 1 (got ${JSON.stringify(managed)})`);
  const publisher = child(manifest, 'Publisher');
  if (!publisher) {
    findings.error(`${w} › Publisher`, 'is missing');
    return { manifest };
  }
  const prefix = text(publisher, 'CustomizationPrefix') ?? '';
  if (!PREFIX.test(prefix)) {
    findings.error(
      `${w} › Publisher › CustomizationPrefix`,
      `${JSON.stringify(prefix)} must be 2–8 letters or digits, start with a letter, and not start with mscrm`,
    );
  }
  const optionPrefix = Number(text(publisher, 'CustomizationOptionValuePrefix'));
  if (!Number.isInteger(optionPrefix) || optionPrefix < 10000 || optionPrefix > 99999) {
    findings.error(
      `${w} › Publisher › CustomizationOptionValuePrefix`,
      'must be a whole number from 10000 to 99999',
    );
  }
  return { prefix: PREFIX.test(prefix) ? prefix : undefined, manifest };
}

function checkContentTypes(types: XmlNode | undefined, names: readonly string[], findings: Findings): void {
  if (!types) return;
  const root = child(types, 'Types');
  const defaults = new Set(children(root, 'Default').map((d) => (attr(d, 'Extension') ?? '').toLowerCase()));
  const overrides = new Set(
    children(root, 'Override').map((o) => (attr(o, 'PartName') ?? '').replace(/^\//, '')),
  );
  const missing = new Set<string>();
  for (const n of names) {
    if (n.endsWith('/') || overrides.has(n)) continue;
    const ext = extensionOf(n);
    if (!defaults.has(ext)) missing.add(ext === '' ? `(no extension: ${n})` : `.${ext}`);
  }
  for (const m of missing) findings.error(CONTENT_TYPES_ENTRY, `has no content type for ${m}`);
}

/**
 * A zip crmkit packed carries its configuration web resource `<prefix>_/crmkit/config.json`: its
 * entry in the zip, or undefined for any other zip.
 */
function crmkitConfigEntry(root: XmlNode | undefined, prefix: string | undefined): string | undefined {
  if (root === undefined || prefix === undefined) return undefined;
  const config = children(child(root, 'WebResources'), 'WebResource').find(
    (w) => text(w, 'Name') === `${prefix}_/crmkit/config.json`,
  );
  return config === undefined ? undefined : entryPath(text(config, 'FileName') ?? '');
}

/** The control version crmkit derives from the solution version, when that version is one it writes. */
function controlVersionOf(manifest: XmlNode | undefined): string | undefined {
  const v = parseSolutionVersion(text(manifest, 'Version') ?? '');
  return v === undefined ? undefined : controlVersionFor(v);
}

/**
 * Checks any solution zip (ours or Microsoft's): paths, the three required XML files, controls and
 * the files their manifests name, web resources, tables with their forms, views and charts,
 * security roles, root components, content types, prefix, version.
 * Throws only when the bytes are not a readable zip within the limits.
 */
export function checkSolutionZip(
  bytes: Uint8Array,
  file: string,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): CheckResult {
  const { names, files } = readZip(bytes, file, limits);
  const findings = new Findings();
  checkPaths(names, findings);
  const cx = parseEntry(files, 'customizations.xml', findings, ['CustomControl', 'WebResource', 'Language']);
  const solution = parseEntry(files, 'solution.xml', findings, ['RootComponent']);
  const types = parseEntry(files, CONTENT_TYPES_ENTRY, findings, ['Default', 'Override']);
  const { prefix, manifest } = checkManifest(solution, findings);
  const root = child(cx, 'ImportExportXml');
  if (cx && !root) findings.error('customizations.xml', 'has no <ImportExportXml> root');
  const languages = children(child(root, 'Languages'), 'Language')
    .map((l) => Number(typeof l['#text'] === 'string' || typeof l['#text'] === 'number' ? l['#text'] : NaN))
    .filter((n) => Number.isInteger(n));
  if (root && languages.length === 0)
    findings.warning('customizations.xml › Languages', 'declares no language');
  const configEntry = crmkitConfigEntry(root, prefix);
  const controlVersion = configEntry !== undefined ? controlVersionOf(manifest) : undefined;
  const manifests = new Map<string, ControlManifestInfo>();
  const ctx = {
    files,
    names,
    prefix,
    languages,
    findings,
    manifests,
    ...(controlVersion === undefined ? {} : { controlVersion }),
  };
  const controls = root ? checkControls(root, ctx) : [];
  const webResources = root ? checkWebResources(root, ctx) : [];
  const configBytes = configEntry === undefined ? undefined : files.get(configEntry);
  if (configEntry !== undefined && configBytes !== undefined) {
    const solutionVersion = text(manifest, 'Version');
    checkClientConfig({ entry: configEntry, bytes: configBytes, solutionVersion, manifests, findings });
  }
  const none: Components = { entities: [], roles: [], optionSets: [] };
  const components = root ? checkEntities(root, tablesWithAllColumns(manifest, prefix), findings) : none;
  if (manifest) {
    checkRootComponents(manifest, controls, webResources, findings);
    checkComponentRoots(manifest, components, findings);
  }
  checkContentTypes(types, names, findings);
  return {
    findings: findings.list,
    errors: findings.errors,
    warnings: findings.warnings,
    customizationsXml: files.get('customizations.xml'),
    packedByCrmkit: configEntry !== undefined,
  };
}
