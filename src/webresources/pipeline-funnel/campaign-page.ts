/**
 * The campaign funnel page (`funnel=campaign&campaign=<id or name>`): resolve the campaign, count
 * each stage of the period (and of the previous one with `compare=previous`), draw the funnel
 * widget; the won stage lists who bought (customer, amount, close date) under it.
 */
import { el } from '../../widgets/shared/dom';
import { createFunnelView, type StageAction } from '../../widgets/funnel/view';
import { userOffsetOf } from '../../widgets/shared/user-time';
import { translatorFor } from '../page/catalogue';
import type { PageContext } from '../page/page-boot';
import { resolvePeriod } from '../params/period';
import { previousRange } from '../params/previous-period';
import { periodText } from '../params/scope-text';
import { readCampaignConfig } from './campaign-config';
import { loadCampaignCounts, resolveCampaign } from './campaign-data';
import { campaignFunnel, campaignStages, type CampaignStage } from './campaign-model';
import { opportunitiesScope, opportunityWon } from './campaign-queries';
import { drawPeriods } from './periods-view';
import type { StageRecordsQuery } from './stage-records';
import { loadStageRecords } from './stage-drill-later';
import { stageDrill } from './drill-section';
import { pageDownloads } from './page-downloads';

export async function runCampaignFunnel(ctx: PageContext): Promise<void> {
  const { t, shell, formats } = ctx;
  const funnelStrings = ctx.loadStrings('funnel');
  // The campaign's texts are in the page's `more` strings (catalogue.ts).
  const moreStrings = ctx.loadStrings('more');
  const config = readCampaignConfig(ctx.win.location.search, ctx.clientConfig);
  ctx.table = 'campaign';
  const campaign = await resolveCampaign(ctx.client, config.campaign);
  await moreStrings;
  shell.setHeader(
    config.title ?? t('campaign.title', { name: campaign.name }),
    t('campaign.subtitle', { name: campaign.name, period: periodText(config.period, t, formats) }),
  );
  const globalContext = ctx.xrm.Utility.getGlobalContext();
  const now = new Date();
  const range = resolvePeriod(config.period, now, userOffsetOf(globalContext.userSettings));
  const previous = config.compare === 'previous' ? previousRange(range, now) : undefined;
  ctx.table = 'lead';
  const [data, before] = await Promise.all([
    loadCampaignCounts(ctx.client, campaign.id, range),
    previous === undefined ? undefined : loadCampaignCounts(ctx.client, campaign.id, previous),
  ]);
  const parts = Math.max(data.parts, before?.parts ?? 0);
  if (parts > 1) shell.note('info', t('note.split', { parts }));
  // Responses are a stage only where the campaign records them.
  const withResponses = data.counts.responses > 0 || (before?.counts.responses ?? 0) > 0;
  const labels = Object.fromEntries(campaignStages.map((k) => [k, t(`campaign.stage.${k}`)])) as Record<
    CampaignStage,
    string
  >;
  const funnel = campaignFunnel(data.counts, labels, withResponses);
  const drill = el(ctx.win.document, 'section');
  const clientUrl = globalContext.getClientUrl?.();
  const drillTo = stageDrill(
    drill,
    t,
    () => moreStrings,
    () => ({
      t,
      formats,
      table: 'opportunity',
      withAmount: true,
      withOwner: false,
      extra: [t('drill.customer'), t('drill.closeDate')],
      ...(ctx.xrm.Navigation === undefined ? {} : { navigation: ctx.xrm.Navigation }),
      ...(clientUrl === undefined ? {} : { clientUrl }),
    }),
  );
  /** The won stage lists who bought, largest deal first; the other stages say where the list is. */
  const showStage = (action: StageAction): void => {
    if (action.stage.key !== 'won') {
      drillTo.say(t('campaign.drillWonOnly'));
      return;
    }
    const query: StageRecordsQuery = {
      scope: opportunitiesScope(campaign.id, range),
      stage: 'statecode',
      stageKeys: [String(opportunityWon)],
      name: 'name',
      amount: 'actualvalue',
      extra: ['customerid', 'actualclosedate'],
    };
    drillTo.show(action.stage.label, action.stage.count, () => loadStageRecords(ctx.client, query));
  };
  await funnelStrings;
  const viewOptions = {
    t: translatorFor(ctx.lcid, 'funnel'),
    formats,
    onSelect: showStage,
    onOpen: showStage,
    downloads: pageDownloads(ctx, config.title ?? t('campaign.title', { name: campaign.name })),
  };
  const currency = {};
  if (previous === undefined || before === undefined) {
    createFunnelView(shell.content, viewOptions).update({
      state: 'ready',
      funnel,
      currency,
      hasAmount: false,
    });
  } else {
    drawPeriods(shell.content, t, viewOptions, {
      current: funnel,
      previous: campaignFunnel(before.counts, labels, withResponses),
      previousRange: previous,
      currency,
      hasAmount: false,
    });
  }
  shell.content.append(drill);
}
