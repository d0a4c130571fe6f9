/**
 * The BUILT pipeline-funnel page in its campaign mode (`funnel=campaign`) and with
 * `compare=previous`, in headless Chromium inside the host page whose stand-in `Xrm` evaluates
 * FetchXML (link-entity included) over generated campaign data like Dataverse, refusing aggregates
 * over 50,000 records. Every figure on screen is checked against figures computed here from the
 * same generated data, each case in Russian and in one other language (English or Bulgarian).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Frame } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { repoRoot, testOutputDir } from '../support/browser';
import { callsOf, skipReason, stageFigures, webresourceHost, xrmCode } from '../support/webresource-host';
import { campaigns, makeCampaignData } from '../fixtures/webresources/campaign-dataset';
import { choiceLabels, makeOpportunities } from '../fixtures/webresources/dataset';

const { openInHost } = webresourceHost('campaign funnel browser tests');

const leadCount = 80_000;
const stages = ['responses', 'leads', 'qualified', 'opportunities', 'won'] as const;

function catalogue(lcid: number): Record<string, Record<string, string>> {
  return JSON.parse(readFileSync(path.join(repoRoot, `translations/ui/${lcid}.json`), 'utf8')) as Record<
    string,
    Record<string, string>
  >;
}

/** The stage counts of a campaign's cohort created in [from, to), computed here. */
function campaignCounts(campaignId: string, from = -Infinity, to = Infinity): number[] {
  const data = makeCampaignData(leadCount);
  const inPeriod = (iso: string): boolean => Date.parse(iso) >= from && Date.parse(iso) < to;
  const leads = data.leads.filter((l) => l.campaignid === campaignId && inPeriod(l.createdon));
  const ids = new Set(leads.map((l) => l.leadid));
  const opportunities = data.opportunities.filter((o) => ids.has(o.originatingleadid));
  return [
    data.responses.filter((r) => r.regardingobjectid === campaignId && inPeriod(r.createdon)).length,
    leads.length,
    leads.filter((l) => l.statecode === 1).length,
    opportunities.length,
    opportunities.filter((o) => o.statecode === 1).length,
  ];
}

/** A catalogue sentence with its `{placeholder}`s as a pattern matching any number there. */
function sentencePattern(template: string): RegExp {
  const parts = template.split(/\{\w+\}/).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(parts.join('[\\d\\s\u00a0,.]+'));
}

/** The change table's cells per row, by column. */
async function changeRows(frame: Frame): Promise<Record<string, string>[]> {
  return frame.$$eval('.crmkit-funnel__change tr[data-stage-key]', (trs) =>
    trs.map((tr) => {
      const row: Record<string, string> = { stage: tr.querySelector('th')?.textContent ?? '' };
      for (const td of Array.from(tr.querySelectorAll('td[data-col]')))
        row[td.getAttribute('data-col') ?? ''] = td.textContent ?? '';
      return row;
    }),
  );
}

/** A ratio as the funnel shows it: one decimal under 10 %, "—" for none. */
function percentText(locale: string, r: number | null): string {
  if (r === null) return '—';
  const digits = Math.abs(r) < 0.1 && r !== 0 ? 1 : 0;
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: digits }).format(r);
}

/** What the change table should say, computed here from two periods' stage counts. */
function expectedChange(locale: string, pp: string, labels: string[], now: number[], then: number[]) {
  const n = (v: number, digits = 0): string =>
    new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(v);
  const signed = (v: number, digits = 0): string => (v > 0 ? '+' : '') + n(v, digits);
  const percent = (r: number | null): string => percentText(locale, r);
  const conversion = (counts: number[], i: number): number | null =>
    i === 0 || counts[i - 1] === 0 ? null : counts[i]! / counts[i - 1]!;
  const points = (a: number | null, b: number | null): string =>
    a === null || b === null ? '—' : pp.replace('{points}', signed(Math.round((a - b) * 100 * 10) / 10, 1));
  return labels.map((stage, i) => ({
    stage,
    current: n(now[i]!),
    previous: n(then[i]!),
    difference: signed(now[i]! - then[i]!),
    conversion: percent(conversion(now, i)),
    previousConversion: percent(conversion(then, i)),
    points: points(conversion(now, i), conversion(then, i)),
  }));
}

describe.skipIf(skipReason !== undefined)(
  'the campaign funnel and compare=previous (built, in Chromium)',
  () => {
    it.each([
      ['Russian', 1049, 'ru-RU'],
      ['English', 1033, 'en-US'],
    ] as const)(
      'draws a campaign named in the settings from responses to won deals over 80,000 leads, splitting the refused aggregates, and lists who bought, in %s',
      async (_language, lcid, locale) => {
        const spring = campaigns[0]!;
        const counts = campaignCounts(spring.campaignid);
        expect(counts[1]).toBeGreaterThan(50_000);
        const { page, frame, errors, cspViolations } = await openInHost(
          'pipeline-funnel',
          `funnel=campaign&campaign=${spring.name}`,
          { lang: String(lcid), campaignLeads: String(leadCount) },
        );
        const texts = catalogue(lcid).dashboard!;
        const n = new Intl.NumberFormat(locale);
        expect(await frame.textContent('h1')).toBe(texts['campaign.title']!.replace('{name}', spring.name));
        expect(await stageFigures(frame)).toEqual(
          stages.map((s, i) => ({ label: texts[`campaign.stage.${s}`]!, count: n.format(counts[i]!) })),
        );
        const conversion = await frame.textContent('[data-stat="conversion"] .crmkit-funnel__stat-value');
        expect(conversion).toBe(percentText(locale, counts[4]! / counts[0]!));
        const aggregates = (await callsOf(page)).filter((c) => c.kind === 'aggregate');
        const refused = aggregates.filter((c) => c.errorCode === xrmCode.aggregateLimit);
        expect(new Set(refused.map((c) => c.entity))).toEqual(new Set(['lead', 'campaignresponse']));
        expect(new Set(aggregates.map((c) => c.fetchXml)).size).toBe(aggregates.length);
        const notes = await frame.$$eval('.crmkit-dash__note', (x) => x.map((e) => e.textContent ?? ''));
        expect(notes.join('\n')).toMatch(sentencePattern(texts['note.split']!));
        console.log(
          `campaign funnel over ${counts[1]} leads (${locale}): ${refused.length} refused, ${aggregates.length - refused.length} answered`,
        );

        // Who bought: the won deals of the campaign's leads, largest first.
        const data = makeCampaignData(leadCount);
        const leadIds = new Set(
          data.leads.filter((l) => l.campaignid === spring.campaignid).map((l) => l.leadid),
        );
        const customers = new Map(data.contacts.map((c) => [c.contactid, c.fullname]));
        const top = data.opportunities
          .filter((o) => o.statecode === 1 && leadIds.has(o.originatingleadid))
          .sort((a, b) => b.actualvalue! - a.actualvalue!)
          .slice(0, 50);
        const won = frame.locator('button.crmkit-funnel__stage').nth(4);
        await won.focus();
        await won.press('Enter');
        await frame.waitForSelector('.crmkit-dash__drill-table tbody tr', { timeout: 60_000 });
        const rows = await frame.$$eval('.crmkit-dash__drill-table tbody tr', (trs) =>
          trs.map((tr) => Array.from((tr as HTMLTableRowElement).cells, (c) => c.textContent ?? '')),
        );
        const date = new Intl.DateTimeFormat(locale, { timeZone: 'UTC' });
        expect(rows).toEqual(
          top.map((o) => [
            o.name,
            n.format(o.actualvalue!),
            customers.get(o.customerid)!,
            date.format(new Date(`${o.actualclosedate!}T00:00:00Z`)),
          ]),
        );
        expect(
          await frame.$$eval('.crmkit-dash__drill-table th', (th) => th.map((h) => h.textContent)),
        ).toEqual([
          texts['drill.name'],
          texts['drill.amount'],
          texts['drill.customer'],
          texts['drill.closeDate'],
        ]);
        expect(await frame.$$eval('img', (imgs) => imgs.length)).toBe(0);
        expect(errors).toEqual([]);
        expect(cspViolations).toEqual([]);
        await page.screenshot({
          path: path.join(testOutputDir, `webresource-campaign-funnel-${locale}.png`),
          fullPage: true,
        });
        await page.close();
      },
    );

    it.each([
      ['English', 1033, 'en-US'],
      ['Russian', 1049, 'ru-RU'],
    ] as const)(
      'draws the previous half-year of a campaign beside this one with counts, conversions and the change in points, in %s',
      async (_language, lcid, locale) => {
        const spring = campaigns[0]!;
        const from = Date.UTC(2025, 6, 1);
        const to = Date.UTC(2026, 0, 1);
        const before = from - (to - from);
        const now = campaignCounts(spring.campaignid, from, to);
        const then = campaignCounts(spring.campaignid, before, from);
        const { page, frame, errors } = await openInHost(
          'pipeline-funnel',
          `funnel=campaign&campaign=${spring.campaignid}&period=2025-07-01..2025-12-31&compare=previous`,
          { lang: String(lcid), campaignLeads: String(leadCount) },
        );
        const texts = catalogue(lcid);
        const labels = stages.map((s) => texts.dashboard![`campaign.stage.${s}`]!);
        const n = new Intl.NumberFormat(locale);
        expect(await stageFigures(frame, '[data-period="current"]')).toEqual(
          labels.map((label, i) => ({ label, count: n.format(now[i]!) })),
        );
        expect(await stageFigures(frame, '[data-period="previous"]')).toEqual(
          labels.map((label, i) => ({ label, count: n.format(then[i]!) })),
        );
        // The previous period: as long as this one, ending the day before it starts.
        const day = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
        expect(await frame.textContent('[data-period="previous"] h2')).toBe(
          texts.dashboard!['compare.previous']!.replace(
            '{range}',
            `${day.format(before)} – ${day.format(from - 1)}`,
          ),
        );
        if (lcid === 1033)
          expect(await frame.textContent('[data-period="previous"] h2')).toBe(
            'Previous period: Dec 29, 2024 – Jun 30, 2025',
          );
        const rows = await changeRows(frame);
        expect(rows.slice(0, 5)).toEqual(
          expectedChange(locale, texts.funnel!['compare.points']!, labels, now, then),
        );
        expect(errors).toEqual([]);
        await page.screenshot({
          path: path.join(testOutputDir, `webresource-campaign-compare-${locale}.png`),
          fullPage: true,
        });
        await page.close();
      },
    );

    it.each([
      ['Bulgarian', 1026, 'bg-BG'],
      ['Russian', 1049, 'ru-RU'],
    ] as const)(
      'draws the pipeline of the previous half-year beside this one, and a previous period with no data as zeros and dashes, in %s',
      async (_language, lcid, locale) => {
        const opps = makeOpportunities(3000);
        const from = Date.UTC(2025, 0, 1);
        const to = Date.UTC(2025, 6, 1);
        const before = from - (to - from);
        const count = (lo: number, hi: number): number[] =>
          [0, 1, 2, 3].map(
            (s) =>
              opps.filter(
                (o) => o.salesstage === s && Date.parse(o.createdon) >= lo && Date.parse(o.createdon) < hi,
              ).length,
          );
        const now = count(from, to);
        const then = count(before, from);
        const texts = catalogue(lcid);
        // The stand-in's stage options are labelled in English and Russian only (English otherwise).
        const stageLabels = choiceLabels.salesstage![lcid] ?? choiceLabels.salesstage![1033]!;
        const labels = [0, 1, 2, 3].map((s) => stageLabels[s]!);
        const { page, frame, errors } = await openInHost(
          'pipeline-funnel',
          'filter=all&period=2025-01-01..2025-06-30&compare=previous',
          { lang: String(lcid), opps: '3000' },
        );
        expect(await changeRows(frame).then((r) => r.slice(0, 4))).toEqual(
          expectedChange(locale, texts.funnel!['compare.points']!, labels, now, then),
        );
        await page.screenshot({
          path: path.join(testOutputDir, `webresource-pipeline-compare-${locale}.png`),
          fullPage: true,
        });
        await page.close();
        // Before 2024 the stand-in holds no opportunities: the previous funnel is empty.
        const empty = await openInHost(
          'pipeline-funnel',
          'filter=all&period=2024-01-01..2024-06-30&compare=previous',
          { lang: String(lcid), opps: '3000' },
        );
        const rows = await changeRows(empty.frame);
        expect(rows.slice(0, 4).map((r) => [r.previous, r.previousConversion, r.points])).toEqual(
          Array(4).fill(['0', '—', '—']),
        );
        expect(await empty.frame.textContent('[data-period="previous"] .crmkit-funnel__placeholder')).toBe(
          texts.funnel!['status.empty'],
        );
        expect([...errors, ...empty.errors]).toEqual([]);
        await empty.page.close();
      },
    );
  },
);
