import { CrmKitError } from '../errors';
import { attr, child, children, parseXml } from './xml';

/** A file a control manifest names in `<resources>`. */
export interface ManifestFile {
  kind: 'code' | 'css' | 'resx' | 'img' | 'html';
  path: string;
  /** For resx files named `<Name>.<LCID>.resx`, the language. */
  lcid?: number;
}

export interface ControlManifestInfo {
  namespace: string;
  constructor: string;
  version: string;
  files: ManifestFile[];
}

const FILE_KINDS = ['code', 'css', 'resx', 'img', 'html'] as const;

/** Reads what packing and checking need from a ControlManifest.xml. */
export function readControlManifest(text: string, where: string): ControlManifestInfo {
  const doc = parseXml(text, where, [...FILE_KINDS]);
  const control = child(child(doc, 'manifest'), 'control');
  if (!control) throw new CrmKitError('XML_MALFORMED', `${where}: no <manifest><control> element`);
  const namespace = attr(control, 'namespace');
  const ctor = attr(control, 'constructor');
  const version = attr(control, 'version');
  if (!namespace || !ctor || !version) {
    throw new CrmKitError('XML_MALFORMED', `${where}: <control> needs namespace, constructor and version`);
  }
  const resources = child(control, 'resources');
  const files: ManifestFile[] = [];
  for (const kind of FILE_KINDS) {
    for (const el of children(resources, kind)) {
      const path = attr(el, 'path');
      if (path === undefined) continue;
      const m = kind === 'resx' ? /\.(\d{4,5})\.resx$/i.exec(path) : null;
      files.push(m ? { kind, path, lcid: Number(m[1]) } : { kind, path });
    }
  }
  return { namespace, constructor: ctor, version, files };
}

/**
 * Sets the `version` attribute of the `<control>` element, leaving every other byte as it was.
 */
export function setControlVersion(text: string, version: string, where: string): string {
  const tag = /<control\b[^>]*>/.exec(text);
  if (!tag) throw new CrmKitError('XML_MALFORMED', `${where}: no <control> element`);
  const replaced = tag[0].replace(/(\sversion\s*=\s*)(["'])[^"']*\2/, `$1$2${version}$2`);
  if (replaced === tag[0] && !tag[0].includes(`version="${version}"`)) {
    throw new CrmKitError('XML_MALFORMED', `${where}: <control> has no version attribute`);
  }
  return text.slice(0, tag.index) + replaced + text.slice(tag.index + tag[0].length);
}
