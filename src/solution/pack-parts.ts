/**
 * The parts of a solution zip: a control's folder, a web resource, the client configuration. Each
 * adds entries and root components to what it is given and collects problems instead of throwing.
 */
import { isCrmKitError, type Problem } from '../errors';
import type { ZipPart } from '../zip/write';
import { extensionOf } from './content-types';
import {
  controlFolder,
  WEB_RESOURCE_TYPES,
  webResourceFilePath,
  type WebResourceEntry,
} from './customizations-xml';
import { webResourceId } from './guid';
import {
  readControlManifest,
  setControlVersion,
  setPropertyDefault,
  type ControlManifestInfo,
} from './manifest';
import type { ClientProfile, ControlSource } from './model';
import type { RootComponent } from './solution-xml';
import { decodeUtf8, stripBom, XML_DECLARATION, xmlBytesWithBom } from './xml';

export type BuiltFiles = ReadonlyMap<string, Uint8Array>;

const WEB_RESOURCE_NAME = /^[A-Za-z0-9_.]+(\/[A-Za-z0-9_.]+)*$/;

export function byPath(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export interface Collected {
  entries: ZipPart[];
  roots: RootComponent[];
}

export function packControl(
  w: ControlSource,
  files: BuiltFiles,
  prefix: string,
  controlVersion: string,
  out: Collected,
  problems: Problem[],
  /** Input properties whose `default-value` is set (the client's survey definition). */
  inputDefaults: ReadonlyMap<string, string> = new Map(),
): string | undefined {
  const where = `${w.outputFolder}/ControlManifest.xml`;
  const manifestBytes = files.get('ControlManifest.xml');
  if (!manifestBytes) {
    problems.push({
      where: `control ${w.id}`,
      message: `the build output has no ControlManifest.xml (${w.project})`,
    });
    return undefined;
  }
  // pcf-scripts writes `encoding="UTF-8" standalone="yes"`; Microsoft's zips carry the plain declaration.
  const text = stripBom(decodeUtf8(manifestBytes)).replace(/^<\?xml[^?]*\?>/, XML_DECLARATION);
  let info: ControlManifestInfo;
  try {
    info = readControlManifest(text, where);
  } catch (e) {
    if (!isCrmKitError(e)) throw e;
    problems.push({ where, message: e.message.replace(`${where}: `, '') });
    return undefined;
  }
  for (const f of info.files) {
    if (!files.has(f.path))
      problems.push({ where, message: `names ${f.path}, which the build output lacks` });
  }
  let manifest = setControlVersion(text, controlVersion, where);
  for (const [property, value] of inputDefaults) {
    if (info.properties.some((p) => p.name === property && p.usage === 'input'))
      manifest = setPropertyDefault(manifest, property, value, where);
    else
      problems.push({
        where,
        message: `has no input property ${property} to carry the client's defaults (${w.project})`,
      });
  }
  const name = `${prefix}_${info.namespace}.${info.constructor}`;
  const folder = controlFolder(name);
  out.entries.push({ path: `${folder}/ControlManifest.xml`, bytes: xmlBytesWithBom(manifest) });
  // Only what the manifest names travels (not e.g. webpack's bundle.js.LICENSE.txt).
  const named = new Set(info.files.map((f) => f.path.replace(/^\.\//, '')));
  for (const path of [...files.keys()].filter((p) => named.has(p)).sort(byPath)) {
    out.entries.push({ path: `${folder}/${path}`, bytes: files.get(path)! });
  }
  out.roots.push({ type: 66, schemaName: name });
  return name;
}

export function addWebResource(
  name: string,
  displayName: string,
  bytes: Uint8Array,
  ctx: {
    client: string;
    version: string;
    resources: WebResourceEntry[];
    out: Collected;
    problems: Problem[];
  },
): void {
  const type = WEB_RESOURCE_TYPES[extensionOf(name)];
  if (!WEB_RESOURCE_NAME.test(name) || name.includes('..')) {
    ctx.problems.push({
      where: name,
      message: 'a web resource name may hold only letters, digits, underscores, dots and single slashes',
    });
    return;
  }
  if (type === undefined) {
    ctx.problems.push({ where: name, message: `.${extensionOf(name)} files cannot be web resources` });
    return;
  }
  if (ctx.resources.some((r) => r.name.toLowerCase() === name.toLowerCase())) {
    ctx.problems.push({ where: name, message: 'two files would become this same web resource' });
    return;
  }
  ctx.resources.push({
    id: webResourceId(ctx.client, name),
    name,
    displayName,
    type,
    introducedVersion: ctx.version,
  });
  ctx.out.entries.push({ path: webResourceFilePath(name), bytes });
  ctx.out.roots.push({ type: 61, schemaName: name });
}

/** The configuration the widgets read: the client's defaults and languages. */
export function clientConfigJson(profile: ClientProfile, version: string): string {
  // The shape src/webresources/params/client-config.ts reads; unknown fields are ignored there.
  const config = {
    version: 1,
    client: profile.client,
    solutionVersion: version,
    languages: profile.languages,
    funnel: profile.defaults?.funnel ?? {},
    survey: profile.defaults?.survey ?? {},
  };
  return `${JSON.stringify(config, null, 2)}\n`;
}
