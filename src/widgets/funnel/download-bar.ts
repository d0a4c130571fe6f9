/**
 * The funnel's "Download" buttons (CSV, SVG image, PNG image) and what the view hands the host
 * when one is pressed. The files themselves are made by download.ts, which a page loads only
 * when a button is pressed and a control bundles.
 */
import { el } from '../shared/dom';
import type { Translate } from '../shared/i18n';
import type { Currency } from './money';
import type { Funnel } from './types';

export type DownloadKind = 'csv' | 'svg' | 'png';

/** What the view shows when a download button is pressed. */
export interface DownloadSubject {
  funnel: Funnel;
  currency: Currency;
  hasAmount: boolean;
  /** The segment shown (for the picture), or null for all records. */
  segmentKey: string | null;
}

/** Makes and saves the file; a rejection is shown under the buttons. */
export type Downloads = (kind: DownloadKind, subject: DownloadSubject) => Promise<void>;

const kinds: readonly DownloadKind[] = ['csv', 'svg', 'png'];

export function renderDownloadBar(doc: Document, t: Translate, failure: string | null): HTMLElement {
  return el(
    doc,
    'div',
    { className: 'crmkit-funnel__downloads', attrs: { role: 'group', 'aria-label': t('download.label') } },
    [
      ...kinds.map((kind) =>
        el(
          doc,
          'button',
          {
            className: 'crmkit-funnel__download',
            attrs: { type: 'button', 'data-download': kind, 'data-focus': `download:${kind}` },
          },
          [t(`download.${kind}`)],
        ),
      ),
      failure === null
        ? null
        : el(doc, 'span', { className: 'crmkit-funnel__download-error', attrs: { role: 'alert' } }, [
            t('download.failed', { message: failure }),
          ]),
    ],
  );
}
