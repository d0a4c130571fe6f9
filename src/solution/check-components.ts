import { bareId, GUID } from './component-ids';
import { extensionOf } from './content-types';
import { WEB_RESOURCE_TYPES } from './customizations-xml';
import type { Findings } from './findings';
import { parseJsonText } from './json-syntax';
import { readControlManifest, type ControlManifestInfo } from './manifest';
import { attr, child, children, decodeUtf8, text, type XmlNode } from './xml';

export interface ComponentContext {
  files: ReadonlyMap<string, Uint8Array>;
  names: readonly string[];
  prefix: string | undefined;
  languages: readonly number[];
  findings: Findings;
  /**
   * The version every control must carry, when the zip is one crmkit packed: its controls follow
   * the solution version (src/solution/version.ts), or an import keeps the old bundles.
   */
  controlVersion?: string;
  /** Receives every control manifest that could be read, by its entry path. */
  manifests?: Map<string, ControlManifestInfo>;
}

const CX = 'customizations.xml';

/** `/Controls/x/ControlManifest.xml` → `Controls/x/ControlManifest.xml` */
export function entryPath(fileName: string): string {
  return fileName.replace(/^[/\\]+/, '').replace(/\\/g, '/');
}

function folderOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i + 1);
}

/** Resolves `css/x.css` against a manifest folder, refusing to climb out of it. */
function resolveIn(folder: string, rel: string): string | undefined {
  const parts = `${folder}${rel.replace(/\\/g, '/')}`.split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '' || p === '.') continue;
    if (p === '..') {
      if (out.length === 0) return undefined;
      out.pop();
    } else out.push(p);
  }
  return out.join('/');
}

/** The warning for a control without resx strings in a declared language (the pack matches it). */
export function noResxMessage(lcid: number): string {
  return `ships resx strings but none for declared language ${lcid}; users of ${lcid} see another language`;
}

/** Checks every `<CustomControl>`: its manifest, the files it names, prefix and languages. */
export function checkControls(cx: XmlNode, ctx: ComponentContext): string[] {
  const { findings } = ctx;
  const names: string[] = [];
  const declaredFolders = new Set<string>();
  for (const [i, el] of children(child(cx, 'CustomControls'), 'CustomControl').entries()) {
    const name = text(el, 'Name') ?? '';
    const where = `${CX} › CustomControl ${name || `#${i + 1}`}`;
    if (name === '') {
      findings.error(where, 'has no Name');
      continue;
    }
    names.push(name);
    if (ctx.prefix !== undefined && !name.startsWith(`${ctx.prefix}_`)) {
      findings.warning(where, `does not carry the publisher prefix ${ctx.prefix}_`);
    }
    const manifestPath = entryPath(text(el, 'FileName') ?? `/Controls/${name}/ControlManifest.xml`);
    const bytes = ctx.files.get(manifestPath);
    if (!bytes) {
      findings.error(where, `its manifest ${manifestPath} is not in the zip`);
      continue;
    }
    const folder = folderOf(manifestPath);
    declaredFolders.add(folder);
    let info;
    try {
      info = readControlManifest(decodeUtf8(bytes), manifestPath);
    } catch (e) {
      findings.error(
        manifestPath,
        e instanceof Error ? e.message.replace(`${manifestPath}: `, '') : String(e),
      );
      continue;
    }
    ctx.manifests?.set(manifestPath, info);
    if (ctx.controlVersion !== undefined && info.version !== ctx.controlVersion) {
      findings.error(
        manifestPath,
        `version ${info.version} does not follow the solution version: crmkit gives its controls ${ctx.controlVersion}`,
      );
    }
    const expected = `${info.namespace}.${info.constructor}`;
    if (name !== expected && !name.endsWith(`_${expected}`)) {
      findings.error(where, `the manifest declares ${expected}, which the name does not end with`);
    }
    for (const f of info.files) {
      const target = resolveIn(folder, f.path);
      if (target === undefined || !ctx.files.has(target)) {
        findings.error(manifestPath, `names ${f.kind} ${f.path}, which is not in the zip`);
      }
    }
    const resxLanguages = new Set(info.files.flatMap((f) => (f.lcid === undefined ? [] : [f.lcid])));
    if (resxLanguages.size > 0) {
      for (const l of ctx.languages.filter((x) => !resxLanguages.has(x))) {
        findings.warning(manifestPath, noResxMessage(l));
      }
    }
  }
  const stray = new Set(
    ctx.names
      .filter((n) => n.startsWith('Controls/') && !n.endsWith('/'))
      .map((n) => n.split('/').slice(0, 2).join('/') + '/'),
  );
  for (const folder of stray) {
    if (!declaredFolders.has(folder))
      findings.error(folder, 'is not declared as a CustomControl in customizations.xml');
  }
  return names;
}

/** A JSON web resource (a page's configuration) must parse, or the pages that read it fail. */
function checkJsonFile(entry: string, ctx: ComponentContext): void {
  const bytes = ctx.files.get(entry);
  if (bytes === undefined) return;
  const parsed = parseJsonText(decodeUtf8(bytes));
  if ('problem' in parsed)
    ctx.findings.error(parsed.place === undefined ? entry : `${entry}:${parsed.place}`, parsed.problem);
}

/** A component as root components may name it: by schema name, or (older exports) by id. */
export interface ComponentKey {
  name: string;
  id?: string;
}

/** Checks every `<WebResource>`: id, type, file present, prefix. */
export function checkWebResources(cx: XmlNode, ctx: ComponentContext): ComponentKey[] {
  const { findings } = ctx;
  const names: ComponentKey[] = [];
  const used = new Set<string>();
  const ids = new Set<string>();
  for (const [i, el] of children(child(cx, 'WebResources'), 'WebResource').entries()) {
    const name = text(el, 'Name') ?? '';
    const where = `${CX} › WebResource ${name || `#${i + 1}`}`;
    if (name === '') {
      findings.error(where, 'has no Name');
      continue;
    }
    const id = text(el, 'WebResourceId') ?? '';
    names.push({ name, id: bareId(id) });
    if (!GUID.test(id)) findings.error(where, `WebResourceId ${JSON.stringify(id)} is not a GUID`);
    else if (ids.has(bareId(id))) findings.error(where, `WebResourceId ${id} is used twice`);
    ids.add(bareId(id));
    const type = Number(text(el, 'WebResourceType'));
    if (!Number.isInteger(type) || type < 1 || type > 12) {
      findings.error(where, `WebResourceType ${JSON.stringify(text(el, 'WebResourceType'))} is not 1–12`);
    } else {
      const expected = WEB_RESOURCE_TYPES[extensionOf(name)];
      if (expected !== undefined && expected !== type && !(type === 3 && extensionOf(name) === 'json')) {
        findings.warning(
          where,
          `WebResourceType ${type} does not match the .${extensionOf(name)} extension (expected ${expected})`,
        );
      }
    }
    if (ctx.prefix !== undefined && !name.startsWith(`${ctx.prefix}_`)) {
      findings.warning(where, `does not carry the publisher prefix ${ctx.prefix}_`);
    }
    const fileName = text(el, 'FileName');
    if (fileName === undefined) findings.error(where, 'has no FileName');
    else if (!ctx.files.has(entryPath(fileName)))
      findings.error(where, `its file ${entryPath(fileName)} is not in the zip`);
    else {
      used.add(entryPath(fileName));
      if (extensionOf(name) === 'json') checkJsonFile(entryPath(fileName), ctx);
    }
  }
  for (const n of ctx.names) {
    if (n.startsWith('WebResources/') && !n.endsWith('/') && !used.has(n)) {
      findings.warning(n, 'is not the file of any WebResource in customizations.xml');
    }
  }
  return names;
}

/** Root components of type 61 and 66 must match the web resources and controls, both ways. */
export function checkRootComponents(
  manifest: XmlNode | undefined,
  controls: readonly string[],
  webResources: readonly ComponentKey[],
  findings: Findings,
): void {
  const roots = children(child(manifest, 'RootComponents'), 'RootComponent');
  const where = 'solution.xml › RootComponents';
  const groups = [
    ['66', controls.map((name) => ({ name })), 'control'],
    ['61', webResources, 'web resource'],
  ] as const;
  for (const [type, list, what] of groups) {
    const declared = roots
      .filter((r) => attr(r, 'type') === type)
      .map((r) => ({ name: attr(r, 'schemaName')?.toLowerCase(), id: bareId(attr(r, 'id') ?? '') }));
    const matches = (k: ComponentKey, d: { name: string | undefined; id: string }): boolean =>
      d.name !== undefined ? d.name === k.name.toLowerCase() : d.id !== '' && d.id === k.id;
    for (const k of list) {
      if (!declared.some((d) => matches(k, d))) {
        findings.error(where, `the ${what} ${k.name} has no RootComponent type="${type}"`);
      }
    }
    for (const d of declared) {
      if (!list.some((k) => matches(k, d))) {
        findings.error(
          where,
          `RootComponent type="${type}" ${d.name ?? d.id} is not a ${what} in customizations.xml`,
        );
      }
    }
  }
}
