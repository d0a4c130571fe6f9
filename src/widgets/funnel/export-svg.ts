/**
 * The funnel as a picture (the "Download image" buttons): standalone SVG markup, labels included,
 * in the user's language, for all records or one segment. Pure: every text goes through the XML
 * escaping of src/xml, characters XML cannot hold are dropped. The PNG is this SVG drawn onto a
 * canvas (export-png.ts).
 */
import { escapeAttribute, escapeText } from '../../xml/escape';
import { XML_ILLEGAL } from '../../xml/entities';
import type { Formats, Translate } from '../shared/i18n';
import { createLabels } from './labels';
import type { Currency } from './money';
import type { Funnel, FunnelSeries } from './types';

export interface SvgOptions {
  /** The `funnel` namespace. */
  t: Translate;
  formats: Formats;
  currency: Currency;
  withAmount: boolean;
  /** The picture's headline (the page's or the control's title). */
  title: string;
  /** The segment shown, or null for all records. */
  segmentKey: string | null;
}

export interface FunnelPicture {
  svg: string;
  width: number;
  height: number;
}

const WIDTH = 880;
const TOP = 84;
const ROW = 56;
const BAR = { x: 250, width: 300, height: 38 };
const FONT = "'Segoe UI', 'Noto Sans', 'DejaVu Sans', Arial, sans-serif";
const illegal = new RegExp(XML_ILLEGAL.source, 'gu');

const clean = (text: string): string => text.replace(illegal, '');
/** Text too long for its column ends in an ellipsis (an SVG text never wraps). */
const fit = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const n = (v: number): string => String(Math.round(v * 10) / 10);

function text(x: number, y: number, content: string, attrs = ''): string {
  return `<text x="${n(x)}" y="${n(y)}"${attrs}>${escapeText(clean(content))}</text>`;
}

export function funnelSvg(funnel: Funnel, o: SvgOptions): FunnelPicture {
  const labels = createLabels(o.t, o.formats, o.currency, funnel.metric);
  const { t } = o;
  const segment = funnel.segments.find((s) => s.key === o.segmentKey);
  const shown: FunnelSeries = segment ?? funnel;
  const max = Math.max(0, ...shown.stages.map((s) => s.value));
  const height = TOP + shown.stages.length * ROW + 40;
  const stats = [
    `${t('header.records')}: ${labels.count(shown.records)}`,
    o.withAmount ? `${t('header.amount')}: ${labels.money(shown.totalAmount)}` : null,
    `${t('header.conversion')}: ${labels.percent(shown.overallConversion)}`,
  ].filter((s): s is string => s !== null);
  const title = segment === undefined ? o.title : `${o.title}: ${segment.label}`;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-label="${escapeAttribute(clean(title))}" font-family="${escapeAttribute(FONT)}">`,
    `<title>${escapeText(clean(title))}</title>`,
    `<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>`,
    text(24, 36, fit(title, 70), ' font-size="20" font-weight="600" fill="#242424"'),
    text(24, 60, stats.join(' · '), ' font-size="13" fill="#424242"'),
  ];
  shown.stages.forEach((stage, i) => {
    const y = TOP + i * ROW;
    const width = max === 0 ? 0 : Math.max(stage.value > 0 ? 2 : 0, (stage.value / max) * BAR.width);
    const x = BAR.x + (BAR.width - width) / 2;
    const figures = o.withAmount
      ? `${labels.count(stage.count)} · ${labels.money(stage.amount)}`
      : labels.count(stage.count);
    const change = labels.change(stage);
    parts.push(
      `<g data-stage="${i}">`,
      text(24, y + 17, fit(stage.label, 30), ' font-size="14" font-weight="600" fill="#242424"'),
      text(24, y + 35, stage.listedOnly ? t('stage.listedOnly') : figures, ' font-size="12" fill="#616161"'),
      `<rect x="${n(BAR.x)}" y="${n(y)}" width="${BAR.width}" height="${BAR.height}" rx="4" fill="#f0f0f0"/>`,
      width > 0
        ? `<rect x="${n(x)}" y="${n(y)}" width="${n(width)}" height="${BAR.height}" rx="4" fill="#0f6cbd"/>`
        : '',
      text(
        574,
        y + 17,
        t('stage.ofFirst', { percent: labels.percent(stage.ofFirst) }),
        ' font-size="14" font-weight="600" fill="#242424"',
      ),
      stage.ofPrevious === null
        ? ''
        : text(
            574,
            y + 35,
            `${t('stage.conversion', { percent: labels.percent(stage.ofPrevious) })}${change === null ? '' : ` · ${change}`}`,
            ' font-size="12" fill="#616161"',
          ),
      '</g>',
    );
  });
  parts.push(
    text(
      24,
      height - 16,
      t(funnel.mode === 'reached' ? 'header.countingReached' : 'header.countingSnapshot'),
      ' font-size="12" fill="#616161"',
    ),
    '</svg>',
  );
  return { svg: `${parts.filter((p) => p !== '').join('\n')}\n`, width: WIDTH, height };
}
