/**
 * Makes one of the funnel's files (CSV, SVG, PNG) and saves it through a link with the `download`
 * attribute. The href is a `data:` URL: the pages' Content-Security-Policy may refuse `blob:`.
 */
import { el } from '../shared/dom';
import type { Formats, Translate } from '../shared/i18n';
import type { DownloadKind, DownloadSubject } from './download-bar';
import { funnelCsv } from './export-csv';
import { pngDataUrl, svgDataUrl } from './export-png';
import { funnelSvg } from './export-svg';

export interface DownloadSettings {
  /** The `funnel` namespace. */
  t: Translate;
  formats: Formats;
  /** The picture's headline. */
  title: string;
  /** The user's decimal separator, asked for only when a CSV is made. */
  decimalSeparator: () => Promise<string>;
  /** Today, for the file name (tests fix it). */
  now?: () => Date;
}

/** The decimal separator of a locale, as Intl writes 1.5 there (`,` for ru-RU, `.` for en-US). */
export function localeDecimalSeparator(locale: string): string {
  return new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? '.';
}

/** `sales-funnel-2026-12-03.csv`: the localized base name, made safe for every file system. */
export function downloadFileName(t: Translate, kind: DownloadKind, today: Date): string {
  const safe = Array.from(t('download.fileName'), (c) => (c < ' ' || '\\/:*?"<>|'.includes(c) ? '-' : c));
  const base = safe.join('').trim() || 'funnel';
  const day = [today.getFullYear(), today.getMonth() + 1, today.getDate()]
    .map((v) => String(v).padStart(2, '0'))
    .join('-');
  return `${base}-${day}.${kind}`;
}

function save(doc: Document, href: string, name: string): void {
  const link = el(doc, 'a', { attrs: { href, download: name, hidden: true } });
  doc.body.append(link);
  link.click();
  link.remove();
}

export async function downloadFunnel(
  doc: Document,
  kind: DownloadKind,
  subject: DownloadSubject,
  o: DownloadSettings,
): Promise<void> {
  const name = downloadFileName(o.t, kind, (o.now ?? (() => new Date()))());
  if (kind === 'csv') {
    const csv = funnelCsv(subject.funnel, {
      t: o.t,
      decimalSeparator: await o.decimalSeparator(),
      withAmount: subject.hasAmount,
    });
    save(doc, `data:text/csv;charset=utf-8,${encodeURIComponent(csv)}`, name);
    return;
  }
  const picture = funnelSvg(subject.funnel, {
    t: o.t,
    formats: o.formats,
    currency: subject.currency,
    withAmount: subject.hasAmount,
    title: o.title,
    segmentKey: subject.segmentKey,
  });
  const href =
    kind === 'svg'
      ? svgDataUrl(`<?xml version="1.0" encoding="UTF-8"?>\n${picture.svg}`)
      : await pngDataUrl(doc, picture);
  save(doc, href, name);
}
