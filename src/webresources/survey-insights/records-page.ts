/**
 * Survey insights in records mode: the response table's aggregates only, drawn as column mode's
 * are. A chunk of its own in the built page, fetched only when the page is given a response table.
 */
import type { PageContext } from '../page/page-boot';
import { scopeOf } from '../params/query-scope';
import { domXmlParse } from '../params/dom-xml';
import { DEFAULT_DEFINITION } from '../../widgets/survey/definition';
import type { Formats, Translate } from '../../widgets/shared/i18n';
import { renderInsights, type GroupSection } from './insights-view';
import { insightsContext, startInsights } from './insights-context';
import { loadResponseRows } from './records-data';
import { computeRecordsInsights, type RecordsInsights } from './records-insights';
import type { RecordsConfig } from './survey-config';

export async function runRecordsInsights(ctx: PageContext, config: RecordsConfig): Promise<void> {
  const { t, shell, formats } = ctx;
  const strings = ctx.loadStrings('survey');
  strings.catch(() => undefined);
  const offsetAt = startInsights(ctx, config);
  const now = new Date();
  const scope = await scopeOf(config, ctx.client, now, domXmlParse, 'createdon', offsetAt);
  const rows = await loadResponseRows(ctx.client, scope, config.columns, now);
  const insights = computeRecordsInsights(rows, DEFAULT_DEFINITION, config.minResponses);
  await strings;
  if (rows.parts > 1) shell.note('info', t('note.splitRanges', { parts: rows.parts }));
  const v = insightsContext(ctx, offsetAt, DEFAULT_DEFINITION);
  renderInsights(shell.content, v, insights, recordsSections(t, formats, insights, config.minResponses));
}

/** The tables under the trend: staff ranked from `minResponses` responses on, channels, roles. */
export function recordsSections(
  t: Translate,
  formats: Formats,
  insights: RecordsInsights,
  minResponses: number,
): GroupSection[] {
  const same = (key: string): string => key;
  return [
    {
      kind: 'staff',
      title: t('survey.byRespondent'),
      column: t('survey.staff'),
      rows: insights.staff,
      label: same,
      note: t('survey.unranked', { min: formats.number(minResponses) }),
    },
    {
      kind: 'channels',
      title: t('survey.byChannel'),
      column: t('survey.channel'),
      rows: insights.channels,
      label: same,
    },
    { kind: 'roles', title: t('survey.byRole'), column: t('survey.role'), rows: insights.roles, label: same },
  ];
}
