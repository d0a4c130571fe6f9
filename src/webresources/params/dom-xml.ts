/** The browser's XML parser as an XmlParse (view-criteria.ts), kept apart so pages can pass it without loading the view code. */
import type { ElementLike } from './view-criteria';

/** An XmlParse over the browser's DOMParser. */
export function domXmlParse(xml: string): ElementLike | undefined {
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  if (doc.getElementsByTagName('parsererror').length > 0) return undefined;
  return doc.documentElement ?? undefined;
}
