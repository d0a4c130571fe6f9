/**
 * The BUILT pipeline funnel with segments from related tables and by product, in headless Chromium
 * against the stand-in Xrm serving generated accounts in territories, owners and product lines
 * (test/fixtures/webresources/linked-dataset.ts). The figures on screen are checked against figures
 * this test computes itself from the same arrays, in Russian and in English, the region through
 * parentaccountid over 50,000 opportunities (in both) so that Dataverse's record limit refuses the
 * first aggregate.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Frame } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { choiceLabels } from '../fixtures/webresources/dataset';
import {
  makeLinkedData,
  type LinkedData,
  type LinkedOpportunity,
} from '../fixtures/webresources/linked-dataset';
import { repoRoot, testOutputDir } from '../support/browser';
import { callsOf, skipReason, webresourceHost, xrmCode } from '../support/webresource-host';

const { openInHost } = webresourceHost('funnel segments browser tests');

/** The page's own strings in one language (translations/ui/<lcid>.json). */
function dashboardStrings(lcid: number): Record<string, string> {
  const file = path.join(repoRoot, `translations/ui/${lcid}.json`);
  return (JSON.parse(readFileSync(file, 'utf8')) as Record<string, Record<string, string>>).dashboard!;
}

interface Panel {
  title: string;
  rows: { label: string; count: string }[];
}

/** With "Compare" on: every segment's title and its stages' counts. */
async function comparePanels(frame: Frame): Promise<Panel[]> {
  await frame.click('[data-compare]');
  return frame.$$eval('.crmkit-funnel__panel', (panels) =>
    panels.map((p) => ({
      title: p.querySelector('.crmkit-funnel__panel-title')?.firstChild?.textContent?.trim() ?? '',
      rows: Array.from(p.querySelectorAll('.crmkit-funnel__row')).map((r) => ({
        label: r.querySelector('.crmkit-funnel__label')?.firstChild?.textContent?.trim() ?? '',
        count: r.querySelector('.crmkit-funnel__count')?.textContent?.trim() ?? '',
      })),
    })),
  );
}

/** The expected panels: segments in the page's order (natural order of the labels), stages 0–3. */
function expectedPanels(
  open: readonly LinkedOpportunity[],
  segmentsOf: (o: LinkedOpportunity) => string[],
  lcid: 1033 | 1049,
): Panel[] {
  const format = new Intl.NumberFormat(lcid === 1049 ? 'ru-RU' : 'en-US');
  const counts = new Map<string, number[]>();
  for (const o of open) {
    if (o.salesstage === null) continue;
    for (const s of segmentsOf(o)) {
      const row = counts.get(s) ?? [0, 0, 0, 0];
      row[o.salesstage]! += 1;
      counts.set(s, row);
    }
  }
  const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
  return [...counts.keys()]
    .sort((a, b) => collator.compare(a, b))
    .map((title) => ({
      title,
      rows: counts.get(title)!.map((n, stage) => ({
        label: choiceLabels.salesstage![lcid]![stage]!,
        count: format.format(n),
      })),
    }));
}

const sortPanels = (panels: Panel[]): Panel[] => [...panels].sort((a, b) => a.title.localeCompare(b.title));

describe.skipIf(skipReason !== undefined)(
  'pipeline funnel segments from related tables (built, in Chromium)',
  () => {
    it.each([
      ['Russian', 1049, 'ru-RU'],
      ['English', 1033, 'en-US'],
    ] as const)(
      'segments by the territory of the account, adding up created-on parts over 50,000 opportunities, in %s',
      async (_language, lcid, locale) => {
        const data = makeLinkedData(64_000);
        const open = data.opportunities.filter((o) => o.statecode === 0);
        expect(open.length).toBeGreaterThan(50_000);
        const { page, frame, errors, cspViolations } = await openInHost(
          'pipeline-funnel',
          'segment=parentaccountid.territoryid',
          { lang: String(lcid), opps: '64000', dataset: 'linked' },
        );
        const accounts = new Map(data.accounts.map((a) => [a.accountid, a]));
        const territories = new Map(data.territories.map((t) => [t.territoryid, t.name]));
        const territoryOf = (o: LinkedOpportunity): string[] => {
          const id = o.parentaccountid === null ? null : accounts.get(o.parentaccountid)!.territoryid;
          return id === null ? [] : [territories.get(id)!];
        };
        expect(sortPanels(await comparePanels(frame))).toEqual(
          sortPanels(expectedPanels(open, territoryOf, lcid)),
        );
        const calls = (await callsOf(page)).filter((c) => c.kind === 'aggregate');
        expect(calls[0]!.errorCode).toBe(xrmCode.aggregateLimit);
        expect(calls.filter((c) => c.outcome === 'ok').length).toBeGreaterThan(1);
        expect(calls.every((c) => c.fetchXml!.includes('to="parentaccountid"'))).toBe(true);
        const notes = await frame.$$eval('.crmkit-dash__note-title', (n) =>
          n.map((x) => x.textContent ?? ''),
        );
        // The note of the split, with the number of parts the page added up.
        const parts = calls.filter((c) => c.outcome === 'ok').length;
        const split = dashboardStrings(lcid)['note.split']!.replace('{parts}', String(parts));
        expect(notes).toContain(split);
        expect(errors).toEqual([]);
        expect(cspViolations).toEqual([]);
        await page.screenshot({
          path: path.join(testOutputDir, `webresource-funnel-territory-${locale}.png`),
          fullPage: true,
        });
        await page.close();
      },
    );

    it.each([
      ['customerid_account.address1_stateorprovince', 'the state of the customer'],
      ['ownerid.territoryid', "the owner's territory"],
    ])('segments by %s (%s), in English', async (segment) => {
      const data = makeLinkedData(3000);
      const open = data.opportunities.filter((o) => o.statecode === 0);
      const { page, frame, errors } = await openInHost('pipeline-funnel', `segment=${segment}`, {
        lang: '1033',
        opps: '3000',
        dataset: 'linked',
      });
      const accounts = new Map(data.accounts.map((a) => [a.accountid, a]));
      const users = new Map(data.users.map((u) => [u.systemuserid, u]));
      const territories = new Map(data.territories.map((t) => [t.territoryid, t.name]));
      const of = (o: LinkedOpportunity): string[] => {
        if (segment.startsWith('owner')) {
          const id = users.get(o.ownerid)!.territoryid;
          return id === null ? [] : [territories.get(id)!];
        }
        const state = o.customerid === null ? null : accounts.get(o.customerid)!.address1_stateorprovince;
        return state === null ? [] : [state];
      };
      expect(sortPanels(await comparePanels(frame))).toEqual(sortPanels(expectedPanels(open, of, 1033)));
      expect(errors).toEqual([]);
      await page.close();
    });

    it.each([
      [1049, 'ru-RU', 'Без продуктов', 'учитывается один раз в воронке каждого продукта'],
      [1033, 'en-US', 'No products', 'counts once in each product'],
    ] as const)(
      'segments by product, an opportunity in each of its products, no products its own segment (%s)',
      async (lcid, locale, none, overlapNote) => {
        const data: LinkedData = makeLinkedData(4000);
        const open = data.opportunities.filter((o) => o.statecode === 0);
        const { page, frame, errors } = await openInHost('pipeline-funnel', 'segment=product', {
          lang: String(lcid),
          opps: '4000',
          dataset: 'linked',
        });
        const products = new Map(data.products.map((p) => [p.productid, p.name]));
        const linesOf = new Map<string, typeof data.lines>();
        for (const l of data.lines)
          linesOf.set(l.opportunityid, [...(linesOf.get(l.opportunityid) ?? []), l]);
        const productsOf = (o: LinkedOpportunity): string[] => {
          const lines = linesOf.get(o.opportunityid) ?? [];
          return lines.length === 0 ? [none] : [...new Set(lines.map((l) => products.get(l.productid)!))];
        };
        // The whole funnel counts each opportunity once; its amount is every product line's.
        const format = new Intl.NumberFormat(locale);
        const staged = open.filter((o) => o.salesstage !== null);
        const records = await frame.textContent('[data-stat="records"] .crmkit-funnel__stat-value');
        expect(records).toBe(format.format(open.length));
        const lineSum = (list: readonly LinkedOpportunity[]): number =>
          list
            .flatMap((o) => linesOf.get(o.opportunityid) ?? [])
            .reduce((s, l) => s + (l.extendedamount ?? 0), 0);
        // Amounts are whole euros here; Node's and Chromium's ICU may space the symbol differently.
        const digits = (text: string | null | undefined): string => (text ?? '').replace(/\D/g, '');
        const amount = await frame.textContent('[data-stat="amount"] .crmkit-funnel__stat-value');
        expect(amount).toContain('€');
        expect(digits(amount)).toBe(String(lineSum(open)));
        const notes = await frame.$$eval('.crmkit-dash__note', (n) => n.map((x) => x.textContent ?? ''));
        expect(notes.join('\n')).toContain(overlapNote);
        // One product's own funnel: its amounts are the sums of its lines.
        const product = data.products[0]!;
        await frame.click(`[data-chip="${product.productid}"]`);
        const amounts = await frame.$$eval('.crmkit-funnel__row .crmkit-funnel__amount', (n) =>
          n.map((x) => x.textContent?.trim()),
        );
        const ownLines = (stage: number): number =>
          staged
            .filter((o) => o.salesstage === stage)
            .flatMap((o) => linesOf.get(o.opportunityid) ?? [])
            .filter((l) => l.productid === product.productid)
            .reduce((s, l) => s + (l.extendedamount ?? 0), 0);
        expect(amounts.map(digits)).toEqual([0, 1, 2, 3].map((s) => String(ownLines(s))));
        expect(sortPanels(await comparePanels(frame))).toEqual(
          sortPanels(expectedPanels(open, productsOf, lcid)),
        );
        expect(errors).toEqual([]);
        await page.screenshot({
          path: path.join(testOutputDir, `webresource-funnel-products-${lcid}.png`),
          fullPage: true,
        });
        await page.close();
      },
    );
  },
);
