import { CrmKitError, type Problem } from '../errors';
import { zipInMemory, type ZipPart } from '../zip/write';
import { CONTENT_TYPES_ENTRY, writeContentTypes } from './content-types';
import { writeCustomizationsXml, type WebResourceEntry } from './customizations-xml';
import {
  localized,
  type ClientProfile,
  type ControlSource,
  type SolutionSource,
  type WebResourceSource,
} from './model';
import { fallbackLanguages, withEnglishFor } from './language-fallback';
import { rewritePageReferences, webResourceFileName } from './page-names';
import {
  addWebResource,
  byPath,
  clientConfigJson,
  packControl,
  type BuiltFiles,
  type Collected,
} from './pack-parts';
import { writeSolutionXml } from './solution-xml';
import {
  definitionDefault,
  SURVEY_DEFINITION_INPUT,
  SURVEY_RESPONSE_TABLE_INPUT,
  SURVEY_WIDGET,
} from './survey-definition';
import { responseTableName, surveyTableParts, usesRecords } from './survey-table';
import {
  controlVersionFor,
  formatSolutionVersion,
  parseSolutionVersion,
  SOLUTION_VERSION_RULE,
  versionForFileName,
} from './version';
import { xmlBytesWithBom } from './xml';

/** A built output: file paths relative to its folder (`bundle.js`, `css/x.css`) and their bytes. */
export type { BuiltFiles };

export interface PackInput {
  profile: ClientProfile;
  source: SolutionSource;
  managed: boolean;
  /** Overrides the profile's solution version (`--version`). */
  version?: string;
  /** Build output per control widget id (`out/controls/<Name>/`). */
  controls: ReadonlyMap<string, BuiltFiles>;
  /** Build output per web resource widget id (`dist/webresources/<page>/`). */
  webResources: ReadonlyMap<string, BuiltFiles>;
}

export interface PackedSolution {
  fileName: string;
  bytes: Uint8Array;
  entries: string[];
  version: string;
  /** Declared languages crmkit has no texts of its own in: its names, descriptions and UI are English there. */
  fallbackLanguages: number[];
}

const utf8 = new TextEncoder();

/** Every entry gets this time (local, as zip stamps are), so the same inputs always give the same bytes. */
export const FIXED_ENTRY_DATE = new Date(2000, 0, 1, 0, 0, 0);

export function solutionFileName(uniqueName: string, version: string, managed: boolean): string {
  const v = parseSolutionVersion(version);
  return `${uniqueName}_${v ? versionForFileName(v) : version.replace(/\./g, '_')}${managed ? '_managed' : ''}.zip`;
}

/** The survey control's input defaults: the client's definition and, in records mode, its response table. */
function surveyControlDefaults(profile: ClientProfile): Map<string, string> {
  const defaults = new Map<string, string>();
  const definition = definitionDefault(profile);
  if (definition !== undefined) defaults.set(SURVEY_DEFINITION_INPUT, definition);
  if (usesRecords(profile))
    defaults.set(SURVEY_RESPONSE_TABLE_INPUT, responseTableName(profile.publisher.prefix));
  return defaults;
}

/**
 * Packs one solution zip from a validated profile and build outputs given as bytes: the pure core
 * of `crmkit solution pack`. Throws (collecting every problem) when an output is missing or unfit.
 */
export async function packSolution(input: PackInput): Promise<PackedSolution> {
  const { profile, source } = input;
  const versionText = input.version ?? profile.solution.version;
  const version = parseSolutionVersion(versionText);
  if (!version)
    throw new CrmKitError(
      'PROFILE_INVALID',
      `version ${JSON.stringify(versionText)} ${SOLUTION_VERSION_RULE}`,
    );
  const v = formatSolutionVersion(version);
  const prefix = profile.publisher.prefix;
  const base = profile.languages[0] ?? 1033;
  const problems: Problem[] = [];
  const controls: Collected = { entries: [], roots: [] };
  const web: Collected = { entries: [], roots: [] };
  const controlNames: string[] = [];
  const resources: WebResourceEntry[] = [];
  const ctx = { client: profile.client, version: v, resources, out: web, problems };
  const chosen = source.widgets.filter((w) => profile.widgets.includes(w.id));

  for (const w of chosen.filter((x): x is ControlSource => x.kind === 'control')) {
    const files = input.controls.get(w.id);
    if (!files) problems.push({ where: `control ${w.id}`, message: `no build output (${w.project})` });
    else {
      const defaults = w.id === SURVEY_WIDGET ? surveyControlDefaults(profile) : new Map<string, string>();
      const name = packControl(w, files, prefix, controlVersionFor(version), controls, problems, defaults);
      if (name !== undefined) controlNames.push(name);
    }
  }
  for (const w of chosen.filter((x): x is WebResourceSource => x.kind === 'webresource')) {
    const files = input.webResources.get(w.id);
    if (!files || !files.has(w.entry)) {
      problems.push({ where: `web resource ${w.id}`, message: `no built ${w.entry} in ${w.output}` });
      continue;
    }
    const title = localized(w.displayNames, base, base) ?? w.id;
    const paths = [...files.keys()].sort(byPath);
    const renames = new Map(paths.map((p) => [p, webResourceFileName(p)]));
    for (const path of paths) {
      const raw = files.get(path)!;
      const bytes = /\.html?$/i.test(path) ? rewritePageReferences(raw, renames) : raw;
      const name = `${prefix}_/${w.path}/${renames.get(path) ?? path}`;
      addWebResource(name, path === w.entry ? title : `${title} (${path})`, bytes, ctx);
    }
  }
  addWebResource(
    `${prefix}_/${source.config.path}`,
    localized(source.config.displayNames, base, base) ?? 'config',
    utf8.encode(clientConfigJson(profile, v)),
    ctx,
  );
  if (problems.length > 0) {
    throw new CrmKitError(
      'BUILD_FAILED',
      `cannot pack ${profile.solution.uniqueName}: ${problems.length} problem(s) with the build outputs`,
      problems,
    );
  }

  resources.sort((a, b) => byPath(a.name, b.name));
  web.entries.sort((a, b) => byPath(a.path, b.path));
  const table = usesRecords(profile) ? surveyTableParts(profile, v) : undefined;
  const customizations = writeCustomizationsXml(
    controlNames.map((name) => ({ name })),
    resources,
    profile.languages,
    table,
  );
  const solution = writeSolutionXml({
    uniqueName: profile.solution.uniqueName,
    displayNames: profile.solution.displayNames,
    descriptions: profile.solution.descriptions ?? withEnglishFor(source.descriptions, profile.languages),
    version: v,
    managed: input.managed,
    baseLanguage: base,
    languages: profile.languages,
    publisher: profile.publisher,
    rootComponents: [...controls.roots, ...web.roots, ...(table?.rootComponents ?? [])],
  });
  const entries: ZipPart[] = [
    { path: 'customizations.xml', bytes: xmlBytesWithBom(customizations) },
    { path: 'solution.xml', bytes: xmlBytesWithBom(solution) },
    ...controls.entries,
    ...web.entries,
  ];
  const paths = entries.map((e) => e.path);
  entries.push({
    path: CONTENT_TYPES_ENTRY,
    bytes: xmlBytesWithBom(writeContentTypes([...paths, CONTENT_TYPES_ENTRY])),
  });
  return {
    fileName: solutionFileName(profile.solution.uniqueName, v, input.managed),
    bytes: await zipInMemory(entries, FIXED_ENTRY_DATE),
    entries: entries.map((e) => e.path),
    version: v,
    fallbackLanguages: fallbackLanguages(source, profile.languages),
  };
}
