import { escapeAttribute } from '../xml/escape';
import { XML_DECLARATION } from './xml';

export const CONTENT_TYPES_ENTRY = '[Content_Types].xml';

/** The extension of an entry path, lower case, or '' when it has none. */
export function extensionOf(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot + 1).toLowerCase();
}

/**
 * `[Content_Types].xml` text (without BOM): one Default per extension present (xml is text/xml,
 * everything else application/octet-stream, as Microsoft writes it) and an Override per control
 * manifest.
 */
export function writeContentTypes(entryPaths: readonly string[]): string {
  const extensions: string[] = [];
  for (const p of entryPaths) {
    const ext = extensionOf(p);
    if (ext !== '' && !extensions.includes(ext)) extensions.push(ext);
  }
  if (!extensions.includes('xml')) extensions.unshift('xml');
  const ordered = ['xml', ...extensions.filter((e) => e !== 'xml')];
  const overrides = entryPaths.filter((p) => /^Controls\/[^/]+\/ControlManifest\.xml$/.test(p));
  const lines = [
    `${XML_DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`,
    ...ordered.map(
      (e) =>
        `<Default Extension="${escapeAttribute(e)}" ContentType="${e === 'xml' ? 'text/xml' : 'application/octet-stream'}" />`,
    ),
    ...overrides.map(
      (p) => `<Override PartName="/${escapeAttribute(p)}" ContentType="application/octet-stream" />`,
    ),
    '</Types>',
  ];
  return lines.join('\r\n');
}
