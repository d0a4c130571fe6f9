/**
 * Finds the Dynamics client API for a page: `parent.Xrm` when the page sits in a form or dashboard
 * iframe; when it is opened on its own from the organization's `/WebResources/` URL, loads
 * `ClientGlobalContext.js.aspx` and talks to the Web API itself; nothing otherwise ("outside
 * Dynamics").
 */
import { xrmFromGlobalContext } from './web-api-fetch';
import type { GlobalContextLike, XrmLike } from './xrm-types';

/**
 * Where the page found Dynamics: `parent` (form/dashboard iframe), `window` (an Xrm of its own),
 * `globalContext` (opened on its own: GetGlobalContext() from ClientGlobalContext.js.aspx, which
 * gives no Xrm, plus the Web API over fetch), or `outside`.
 */
export type XrmSource = { kind: 'parent' | 'window' | 'globalContext'; xrm: XrmLike } | { kind: 'outside' };

/** True when a value has the parts of Xrm the pages call. */
export function isXrm(value: unknown): value is XrmLike {
  if (typeof value !== 'object' || value === null) return false;
  const x = value as {
    WebApi?: { retrieveMultipleRecords?: unknown };
    Utility?: { getGlobalContext?: unknown };
  };
  return (
    typeof x.WebApi?.retrieveMultipleRecords === 'function' &&
    typeof x.Utility?.getGlobalContext === 'function'
  );
}

/** The smallest window surface discovery reads. */
export interface WindowLike {
  readonly parent: unknown;
  readonly Xrm?: unknown;
}

function xrmOf(win: unknown): unknown {
  try {
    return (win as { Xrm?: unknown } | null)?.Xrm;
  } catch {
    return undefined; // a parent of another origin throws on access
  }
}

/** Xrm already present: the parent's first (form/dashboard iframe), then the page's own. */
export function findXrm(win: WindowLike): XrmSource {
  if (win.parent !== win) {
    const parentXrm = xrmOf(win.parent);
    if (isXrm(parentXrm)) return { kind: 'parent', xrm: parentXrm };
  }
  const own = xrmOf(win);
  if (isXrm(own)) return { kind: 'window', xrm: own };
  return { kind: 'outside' };
}

/**
 * The URL of ClientGlobalContext.js.aspx for a page served from an organization's web resources
 * (`…/WebResources/<prefix>_/crmkit/page.html`, possibly behind a `/%7B…%7D/` cache segment), or
 * undefined when the page is not served that way.
 */
export function clientGlobalContextUrl(pageUrl: string): string | undefined {
  const url = new URL(pageUrl);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  const at = url.pathname.toLowerCase().indexOf('/webresources/');
  if (at < 0) return undefined;
  return `${url.origin}${url.pathname.slice(0, at)}/WebResources/ClientGlobalContext.js.aspx`;
}

/** Loads a same-origin script (allowed by `script-src 'self'`); resolves false when it fails. */
function loadScript(doc: Document, src: string): Promise<boolean> {
  return new Promise((resolve) => {
    const script = doc.createElement('script');
    script.src = src;
    script.addEventListener('load', () => resolve(true));
    script.addEventListener('error', () => resolve(false));
    doc.head.append(script);
  });
}

export async function discoverXrm(win: Window & WindowLike): Promise<XrmSource> {
  const found = findXrm(win);
  if (found.kind !== 'outside') return found;
  const src = clientGlobalContextUrl(win.location.href);
  if (src === undefined) return found;
  if (!(await loadScript(win.document, src))) return found;
  const again = findXrm(win);
  if (again.kind !== 'outside') return again;
  const getGlobalContext = (win as { GetGlobalContext?: unknown }).GetGlobalContext;
  if (typeof getGlobalContext !== 'function') return again;
  const xrm = xrmFromGlobalContext((getGlobalContext as () => GlobalContextLike)(), win.fetch.bind(win));
  return xrm === undefined ? again : { kind: 'globalContext', xrm };
}
