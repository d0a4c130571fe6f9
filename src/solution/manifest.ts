import { CrmKitError } from '../errors';
import { escapeAttribute } from '../xml/escape';
import { attr, child, children, parseXml } from './xml';

/** A file a control manifest names in `<resources>`. */
export interface ManifestFile {
  kind: 'code' | 'css' | 'resx' | 'img' | 'html';
  path: string;
  /** For resx files named `<Name>.<LCID>.resx`, the language. */
  lcid?: number;
}

/** A `<property>` of the control (not the property-sets of a data-set). */
export interface ManifestProperty {
  name: string;
  /** `bound`, `input` or `output`. */
  usage: string | undefined;
  /** The `default-value` attribute: what the host gives an input the form leaves unset. */
  defaultValue: string | undefined;
}

export interface ControlManifestInfo {
  namespace: string;
  constructor: string;
  version: string;
  files: ManifestFile[];
  properties: ManifestProperty[];
}

const FILE_KINDS = ['code', 'css', 'resx', 'img', 'html'] as const;

/** Reads what packing and checking need from a ControlManifest.xml. */
export function readControlManifest(text: string, where: string): ControlManifestInfo {
  const doc = parseXml(text, where, [...FILE_KINDS, 'property']);
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
  const properties = children(control, 'property').flatMap((p): ManifestProperty[] => {
    const name = attr(p, 'name');
    return name === undefined
      ? []
      : [{ name, usage: attr(p, 'usage'), defaultValue: attr(p, 'default-value') }];
  });
  return { namespace, constructor: ctor, version, files, properties };
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

/** A `<property>` start tag (not `<property-set>`), with `>` allowed inside quoted attribute values. */
const PROPERTY_TAG = /<property(?=[\s/>])(?:[^>"']|"[^"]*"|'[^']*')*>/g;

/**
 * Sets the `default-value` attribute of the `<property name="…">` element (replacing one it has),
 * leaving every other byte as it was. The value is escaped for an attribute.
 */
export function setPropertyDefault(text: string, property: string, value: string, where: string): string {
  const escaped = escapeAttribute(value);
  for (const m of text.matchAll(PROPERTY_TAG)) {
    const tag = m[0];
    if (!new RegExp(`\\sname\\s*=\\s*(["'])${property}\\1`).test(tag)) continue;
    const without = tag.replace(/\sdefault-value\s*=\s*(?:"[^"]*"|'[^']*')/, '');
    const replaced = without.replace(/\s*(\/?>)$/, (_, end: string) => ` default-value="${escaped}" ${end}`);
    return text.slice(0, m.index) + replaced + text.slice(m.index + tag.length);
  }
  throw new CrmKitError('XML_MALFORMED', `${where}: no <property name="${property}">`);
}
