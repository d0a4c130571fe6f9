/**
 * The BUILT dashboard web resources in headless Chromium, served on localhost under a strict
 * Content-Security-Policy, inside a host page whose stand-in `Xrm` answers like Dataverse
 * (test/fixtures/webresources/stand-in-xrm.ts). The figures on screen are checked against figures
 * this test computes itself from the same generated data, in English and Russian.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { repoRoot, testOutputDir } from '../support/browser';
import { pngSize, readPng } from '../support/png';
import {
  callsOf,
  csp,
  skipReason,
  stageFigures,
  statusSeenOf,
  webresourceHost,
  xrmCode,
} from '../support/webresource-host';
import { choiceLabels, makeOpportunities, makeSurveyedAccounts } from '../fixtures/webresources/dataset';
import { expectedResponses, makeSurveyResponses } from '../fixtures/webresources/survey-responses';

const { session, openInHost } = webresourceHost('webresources browser tests');

describe.skipIf(skipReason !== undefined)('pipeline funnel web resource (built, in Chromium)', () => {
  it('adds up the created-on parts when Dataverse refuses an aggregate over 50,000 records, never resending a refused query, in Russian', async () => {
    const opps = makeOpportunities(64_000);
    const open = opps.filter((o) => o.statecode === 0);
    expect(open.length).toBeGreaterThan(50_000);
    const { page, frame, cspViolations, errors } = await openInHost('pipeline-funnel', 'table=opportunity', {
      lang: '1049',
      opps: '64000',
    });
    const ru = new Intl.NumberFormat('ru-RU');
    const expected = [0, 1, 2, 3].map((stage) => ({
      label: choiceLabels.salesstage![1049]![stage]!,
      count: ru.format(open.filter((o) => o.salesstage === stage).length),
    }));
    expect(await stageFigures(frame)).toEqual(expected);
    const notes = await frame.$$eval('.crmkit-dash__note', (n) => n.map((x) => x.textContent ?? ''));
    const calls = await callsOf(page);
    const aggregates = calls.filter((c) => c.kind === 'aggregate');
    expect(aggregates[0]!.errorCode).toBe(xrmCode.aggregateLimit);
    expect(aggregates[0]!.matched).toBe(open.length);
    const parts = aggregates.filter((c) => c.outcome === 'ok').length;
    const refused = aggregates.filter((c) => c.errorCode === xrmCode.aggregateLimit);
    expect(parts).toBeGreaterThan(1);
    // Every refused range is halved at once: a binary split with `parts` leaves refuses parts − 1.
    expect(refused).toHaveLength(parts - 1);
    expect(aggregates).toHaveLength(refused.length + parts);
    expect(new Set(aggregates.map((c) => c.fetchXml)).size).toBe(aggregates.length);
    console.log(
      `aggregate over ${open.length} open records: ${refused.length} refused, ${parts} answered, ${aggregates.length} aggregate requests`,
    );
    // No query after a refusal covers as many records as the one refused.
    for (const r of refused) {
      const next = aggregates[aggregates.indexOf(r) + 1]!;
      expect(next.matched!).toBeLessThan(r.matched!);
    }
    expect(notes.join('\n')).toContain(`сложены из ${parts} запросов`);
    const unstaged = open.filter((o) => o.salesstage === null).length;
    // Stage-less records reach the model as a null-stage total: the funnel view's own note says so.
    const viewNotes = await frame.$$eval('.crmkit-funnel__notes', (n) => n.map((x) => x.textContent ?? ''));
    expect(viewNotes.join('\n')).toContain(`Записи без этапа (не входят в воронку): ${ru.format(unstaged)}`);
    expect(notes.join('\n')).not.toContain('Записи без этапа');
    expect(await frame.textContent('h1')).toBe('Воронка продаж');
    expect(cspViolations).toEqual([]);
    expect(errors).toEqual([]);
    await page.screenshot({
      path: path.join(testOutputDir, 'webresource-pipeline-funnel-ru.png'),
      fullPage: true,
    });
    await page.close();
  });

  it('rides out a storm of service protection refusals with growing waits shown in the status line, and shows the segments in English', async () => {
    const open = makeOpportunities(3000).filter((o) => o.statecode === 0);
    const { page, frame, errors } = await openInHost(
      'pipeline-funnel',
      'table=opportunity&segment=crmkit_segment&stageOrder=Qualify,Develop,Propose,Close',
      { lang: '1033', opps: '3000', scenario: 'throttle', throttles: '3' },
    );
    const calls = await callsOf(page);
    const aggregates = calls.filter((c) => c.kind === 'aggregate');
    expect(aggregates.slice(0, 3).map((c) => c.errorCode)).toEqual(Array(3).fill(xrmCode.throttledRequests));
    expect(aggregates[3]!.outcome).toBe('ok');
    // Exponential back-off with equal jitter from 1 s: at least 0.5 s, 1 s, 2 s between the tries.
    const gaps = [1, 2, 3].map((i) => aggregates[i]!.at - aggregates[i - 1]!.at);
    expect(gaps[0]).toBeGreaterThanOrEqual(450);
    expect(gaps[1]).toBeGreaterThanOrEqual(950);
    expect(gaps[2]).toBeGreaterThanOrEqual(1950);
    const seen = await statusSeenOf(page);
    expect(seen).toHaveLength(3);
    seen.forEach((line, i) =>
      expect(line).toMatch(
        new RegExp(`^Dynamics asks to wait: retrying in \\d+ s \\(attempt ${i + 2} of 5\\)$`),
      ),
    );
    expect(await frame.textContent('.crmkit-dash__status')).toBe('');
    expect(await frame.$('[role="alert"]')).toBeNull();
    const en = new Intl.NumberFormat('en-US');
    const expected = [0, 1, 2, 3].map((stage) => ({
      label: choiceLabels.salesstage![1033]![stage]!,
      count: en.format(open.filter((o) => o.salesstage === stage).length),
    }));
    expect(await stageFigures(frame)).toEqual(expected);
    const chips = await frame.$$eval('.crmkit-funnel__chip', (c) =>
      c.map((x) => x.textContent?.trim() ?? ''),
    );
    for (const label of Object.values(choiceLabels.crmkit_segment![1033]!))
      expect(chips.join('|')).toContain(label);
    expect(errors).toEqual([]);
    await page.screenshot({
      path: path.join(testOutputDir, 'webresource-pipeline-funnel-en.png'),
      fullPage: true,
    });
    await page.close();
  });

  it('lists the first records of a clicked stage, largest amount first, and opens a record with Xrm.Navigation', async () => {
    const open = makeOpportunities(3000).filter((o) => o.statecode === 0 && o.salesstage === 2);
    const top = [...open]
      .filter((o) => o.estimatedvalue !== null)
      .sort((a, b) => b.estimatedvalue! - a.estimatedvalue!)
      .slice(0, 50);
    expect(top).toHaveLength(50);
    const { page, frame, errors, cspViolations } = await openInHost(
      'pipeline-funnel',
      'table=opportunity&owner=ownerid',
      { lang: '1033', opps: '3000' },
    );
    const propose = frame.locator('button.crmkit-funnel__stage').nth(2);
    await propose.focus();
    await propose.press('Enter');
    await frame.waitForSelector('.crmkit-dash__drill-table tbody tr');
    const en = new Intl.NumberFormat('en-US');
    expect(await frame.textContent('.crmkit-dash__drill-title')).toBe('Records in “Propose”');
    expect(await frame.textContent('.crmkit-dash__drill-status')).toContain(
      `The first 50 of ${en.format(open.length)}`,
    );
    const rows = await frame.$$eval('.crmkit-dash__drill-table tbody tr', (trs) =>
      trs.map((tr) => Array.from((tr as HTMLTableRowElement).cells, (c) => c.textContent ?? '')),
    );
    expect(rows.map((r) => r[1])).toEqual(top.map((o) => en.format(o.estimatedvalue!)));
    expect(rows.map((r) => r[0])).toEqual(top.map((o) => o.name));
    expect(rows.map((r) => r[2])).toEqual(top.map((o) => o.ownerid));
    const query = (await callsOf(page)).filter((c) => c.kind === 'top');
    expect(query).toHaveLength(1);
    await frame.locator('.crmkit-dash__drill-link').first().click();
    const opened = await page.evaluate(
      () => (window as unknown as { standIn: { openedForms: unknown[] } }).standIn.openedForms,
    );
    expect(opened).toEqual([{ entityName: 'opportunity', entityId: top[0]!.opportunityid }]);
    expect(errors).toEqual([]);
    expect(cspViolations).toEqual([]);
    await page.screenshot({
      path: path.join(testOutputDir, 'webresource-pipeline-funnel-drill-en.png'),
      fullPage: true,
    });
    await page.close();
  });

  it('counts only the records of a saved view when filter names one', async () => {
    const open = makeOpportunities(2000).filter(
      (o) => o.statecode === 0 && (o.crmkit_segment === 1 || o.crmkit_segment === 3),
    );
    const { page, frame } = await openInHost(
      'pipeline-funnel',
      'filter=view:{11111111-2222-3333-4444-555555555555}',
      { lang: '1033', opps: '2000' },
    );
    const en = new Intl.NumberFormat('en-US');
    const figures = await stageFigures(frame);
    expect(figures.map((f) => f.count)).toEqual(
      [0, 1, 2, 3].map((s) => en.format(open.filter((o) => o.salesstage === s).length)),
    );
    await page.close();
  });

  it('draws a listed stage that has no records but is one of the choice options as a zero stage, matches labels of another org language, and names only the typo, in Russian', async () => {
    const open = makeOpportunities(10).filter((o) => o.statecode === 0);
    // The premise: with these 10 records no open opportunity is in Close (3).
    expect(open.filter((o) => o.salesstage === 3)).toEqual([]);
    const { page, frame, errors } = await openInHost(
      'pipeline-funnel',
      'stageOrder=Qualify;Develop;Propose;Close;Qualfy',
      { lang: '1049', opps: '10' },
    );
    const ru = new Intl.NumberFormat('ru-RU');
    expect(await stageFigures(frame)).toEqual(
      [0, 1, 2, 3].map((stage) => ({
        label: choiceLabels.salesstage![1049]![stage]!,
        count: ru.format(open.filter((o) => o.salesstage === stage).length),
      })),
    );
    expect(await frame.$$eval('[data-notice="warnings"] li', (li) => li.map((l) => l.textContent))).toEqual([
      'Этап не найден: Qualfy (указан в порядке этапов)',
    ]);
    const metadata = await page.evaluate(
      () =>
        (window as unknown as { standIn: { metadataCalls: { path: string; status: number }[] } }).standIn
          .metadataCalls,
    );
    expect(metadata.map((m) => m.status)).toEqual([200, 200]);
    expect(metadata[1]!.path).toContain(
      "EntityDefinitions(LogicalName='opportunity')/Attributes(LogicalName='salesstage')/Microsoft.Dynamics.CRM.PicklistAttributeMetadata",
    );
    expect(errors).toEqual([]);
    await page.screenshot({ path: path.join(testOutputDir, 'webresource-known-stages-ru.png') });
    await page.close();
  });

  it('still draws the funnel when the choice options cannot be read, naming the listed stage it cannot find', async () => {
    const open = makeOpportunities(10).filter((o) => o.statecode === 0);
    const { page, frame, errors } = await openInHost('pipeline-funnel', 'stageOrder=Qualify;Close', {
      lang: '1033',
      opps: '10',
      scenario: 'metadata-denied',
    });
    const en = new Intl.NumberFormat('en-US');
    expect(await stageFigures(frame)).toEqual(
      [0, 1, 2].map((stage) => ({
        label: choiceLabels.salesstage![1033]![stage]!,
        count: en.format(open.filter((o) => o.salesstage === stage).length),
      })),
    );
    expect(await frame.$$eval('[data-notice="warnings"] li', (li) => li.map((l) => l.textContent))).toEqual([
      'Stage not found: Close (named in the stage order)',
    ]);
    expect(await frame.$('[role="alert"]')).toBeNull();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('names the missing privilege in the headline instead of drawing an empty chart', async () => {
    const { page, frame } = await openInHost('pipeline-funnel', '', {
      lang: '1033',
      opps: '10',
      scenario: 'privilege',
    });
    expect(await frame.textContent('[role="alert"] .crmkit-dash__note-title')).toBe(
      'You do not have permission to read opportunity: your security roles lack the prvReadOpportunity privilege.',
    );
    // The server's own text sits in a collapsed details part.
    expect(await frame.$eval('[role="alert"] details', (d) => (d as HTMLDetailsElement).open)).toBe(false);
    expect(await frame.textContent('[role="alert"] details .crmkit-dash__note-server')).toMatch(
      /^Principal user \(Id=.*\), is missing prvReadOpportunity privilege/,
    );
    expect(await frame.$('.crmkit-funnel__row')).toBeNull();
    await page.screenshot({ path: path.join(testOutputDir, 'webresource-privilege-en.png') });
    await page.close();
  });

  it('names every unknown or malformed parameter of the data string', async () => {
    const { page, frame } = await openInHost(
      'pipeline-funnel',
      'table=opportunity&stage=sales stage"/><x&colour=red&period=last year',
      { lang: '1049', opps: '10' },
    );
    const alert = (await frame.textContent('[role="alert"]')) ?? '';
    expect(alert).toContain('Нужно исправить настройки страницы');
    expect(alert).toContain('stage: «sales stage"/><x» не является логическим именем');
    expect(alert).toContain('colour: не является параметром этой страницы');
    expect(alert).toContain('period: «last year» не является периодом');
    const calls = await callsOf(page);
    expect(calls.filter((c) => c.kind !== 'retrieve')).toEqual([]);
    await page.screenshot({ path: path.join(testOutputDir, 'webresource-bad-settings-ru.png') });
    await page.close();
  });

  it('explains how to add the page to a dashboard, in the browser language, when opened outside Dynamics', async () => {
    const context = await session.browser.newContext({ locale: 'ru-RU' });
    const page = await context.newPage();
    const cspViolations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text());
    });
    await page.goto(`${session.server.url}/webresources/pipeline-funnel/pipeline-funnel.html`);
    await page.waitForSelector('.crmkit-dash--outside');
    expect(await page.textContent('h1')).toBe('Эта страница работает внутри Dynamics 365');
    expect(await page.textContent('ol')).toContain('<prefix>_/crmkit/pipeline_funnel.html');
    expect(cspViolations).toEqual([]);
    await page.screenshot({ path: path.join(testOutputDir, 'webresource-outside-dynamics-ru.png') });
    await context.close();
  });
});

interface ExpectedSurvey {
  responses: number;
  csat: number | null;
  nps: number | null;
  byRespondent: Map<string, { count: number; csat: number | null }>;
  unreadable: number;
  records: number;
  /** Months from the first to the last response, on the user's calendar. */
  months: number;
}

/** The figures computed here, independently of the page's code, from the generated documents. */
function expectedSurvey(accounts: number, from: string, to: string, offsetMinutes = 0): ExpectedSurvey {
  const monthIndexes: number[] = [];
  const lo = Date.parse(from);
  const hi = Date.parse(to);
  let responses = 0;
  let csatSum = 0;
  let csatN = 0;
  let promoters = 0;
  let detractors = 0;
  let npsN = 0;
  let unreadable = 0;
  let records = 0;
  const who = new Map<string, { count: number; sum: number; n: number }>();
  for (const account of makeSurveyedAccounts(accounts)) {
    if (account.crmkit_surveyresponses === null) continue;
    let doc: { responses: { at: string; respondent: string; answers: { csat?: number; nps?: number } }[] };
    try {
      doc = JSON.parse(account.crmkit_surveyresponses) as typeof doc;
    } catch {
      unreadable++;
      continue;
    }
    const inPeriod = doc.responses.filter((r) => Date.parse(r.at) >= lo && Date.parse(r.at) < hi);
    if (inPeriod.length > 0) records++;
    for (const r of inPeriod) {
      responses++;
      const local = new Date(Date.parse(r.at) + offsetMinutes * 60_000);
      monthIndexes.push(local.getUTCFullYear() * 12 + local.getUTCMonth());
      const w = who.get(r.respondent) ?? { count: 0, sum: 0, n: 0 };
      w.count++;
      if (r.answers.csat !== undefined) {
        csatSum += r.answers.csat;
        csatN++;
        w.sum += r.answers.csat;
        w.n++;
      }
      who.set(r.respondent, w);
      if (r.answers.nps !== undefined) {
        npsN++;
        if (r.answers.nps >= 9) promoters++;
        else if (r.answers.nps <= 6) detractors++;
      }
    }
  }
  return {
    responses,
    csat: csatN === 0 ? null : csatSum / csatN,
    nps: npsN === 0 ? null : Math.round((100 * (promoters - detractors)) / npsN),
    byRespondent: new Map(
      [...who].map(([k, w]) => [k, { count: w.count, csat: w.n === 0 ? null : w.sum / w.n }]),
    ),
    unreadable,
    records,
    months: monthIndexes.length === 0 ? 0 : Math.max(...monthIndexes) - Math.min(...monthIndexes) + 1,
  };
}

describe.skipIf(skipReason !== undefined)('survey insights web resource (built, in Chromium)', () => {
  const data = 'table=account&responses=crmkit_surveyresponses&period=2025-01-01..2025-12-31';

  // The Russian user's Dynamics time zone is UTC+3: the period's dates start at midnight in Moscow.
  for (const [lang, locale, file, tz, from, to] of [
    [
      '1033',
      'en-US',
      'webresource-survey-insights-en.png',
      undefined,
      '2025-01-01T00:00:00Z',
      '2026-01-01T00:00:00Z',
    ],
    [
      '1049',
      'ru-RU',
      'webresource-survey-insights-ru.png',
      '180',
      '2024-12-31T21:00:00Z',
      '2025-12-31T21:00:00Z',
    ],
  ] as const) {
    it(`shows NPS, CSAT and the best-rated respondents over every page of records (${locale}${tz === undefined ? '' : `, UTC+${Number(tz) / 60}`})`, async () => {
      const expected = expectedSurvey(6000, from, to, tz === undefined ? 0 : Number(tz));
      const { page, frame, cspViolations, errors } = await openInHost('survey-insights', data, {
        lang,
        accounts: '6000',
        ...(tz === undefined ? {} : { tz }),
      });
      const n = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
      const one = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
      const cards = await frame.$$eval('.crmkit-survey__card-value', (c) =>
        c.map((x) => x.textContent?.trim() ?? ''),
      );
      const nps = expected.nps!;
      expect(cards[0]).toBe((nps > 0 ? '+' : '') + n.format(nps));
      expect(cards[1]).toBe(one.format(expected.csat!));
      expect(cards[2]).toBe(n.format(expected.responses));
      const rows = await frame.$$eval('[data-table="respondents"] tbody tr', (trs) =>
        trs.map((tr) => ({
          key: tr.getAttribute('data-key') ?? '',
          cells: Array.from(tr.querySelectorAll('td')).map((td) => td.textContent?.trim() ?? ''),
        })),
      );
      expect(rows.map((r) => r.key).sort()).toEqual([...expected.byRespondent.keys()].sort());
      for (const row of rows) {
        const e = expected.byRespondent.get(row.key)!;
        expect(row.cells[0]).toBe(n.format(e.count));
        expect(row.cells[1]).toBe(e.csat === null ? '—' : one.format(e.csat));
      }
      const csats = rows.map((r) => expected.byRespondent.get(r.key)!.csat ?? -1);
      expect(csats).toEqual([...csats].sort((a, b) => b - a));
      expect(rows.map((r) => r.key)).toContain('<img src=x onerror=alert(1)>');
      expect(await frame.$$eval('img', (imgs) => imgs.length)).toBe(0);
      const monthRows = await frame.$$eval('[data-table="months"] tbody tr', (trs) => trs.length);
      // Responses run from January to November in UTC; in UTC+3 the last hours of November are December.
      expect(monthRows).toBe(expected.months);
      expect(expected.months).toBe(tz === undefined ? 11 : 12);
      expect(await frame.$$eval('.crmkit-trend__nps circle', (c) => c.length)).toBe(expected.months);
      const calls = await callsOf(page);
      const pages = calls.filter((c) => c.kind === 'page');
      expect(pages.length).toBeGreaterThan(1);
      expect(pages.slice(1).every((c) => c.cookie === true)).toBe(true);
      const notes = (await frame.$$eval('.crmkit-dash__note', (x) => x.map((e) => e.textContent ?? ''))).join(
        '\n',
      );
      expect(notes).toContain(n.format(expected.unreadable));
      expect(await frame.textContent('.crmkit-dash__subtitle')).toContain(n.format(expected.records));
      expect(cspViolations).toEqual([]);
      expect(errors).toEqual([]);
      await page.screenshot({ path: path.join(testOutputDir, file), fullPage: true });
      await page.close();
    });
  }
});

describe.skipIf(skipReason !== undefined)('survey insights in records mode (built, in Chromium)', () => {
  // Russian: 200,000 responses, staff by createdby, default minimum, UTC+3. English: 60,000, owners, minimum 3.
  for (const [lang, locale, responses, data, tz, from, to, staff, min] of [
    [1049, 'ru-RU', 200_000, '', '180', '2024-12-31T21:00:00Z', '2025-12-31T21:00:00Z', 'createdby', 5],
    [
      1033,
      'en-US',
      60_000,
      '&staff=ownerid&minResponses=3',
      undefined,
      '2025-01-01T00:00:00Z',
      '2026-01-01T00:00:00Z',
      'ownerid',
      3,
    ],
  ] as const) {
    it(`computes NPS, CSAT, months, staff, channels and roles of ${responses} responses from aggregates alone (${locale})`, async () => {
      const expected = expectedResponses(makeSurveyResponses(responses), {
        from,
        to,
        offsetMinutes: tz === undefined ? 0 : Number(tz),
        staff,
        min,
        lcid: lang,
      });
      expect(expected.overall.count).toBeGreaterThan(50_000);
      const { page, frame, cspViolations, errors } = await openInHost(
        'survey-insights',
        `responseTable=crmkit_surveyresponse&period=2025-01-01..2025-12-31${data}`,
        { lang: String(lang), responses: String(responses), ...(tz === undefined ? {} : { tz }) },
        undefined,
        240_000,
      );
      const n = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
      const one = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
      const nps = (v: number | null): string => (v === null ? '—' : (v > 0 ? '+' : '') + n.format(v));
      const csat = (v: number | null): string => (v === null ? '—' : one.format(v));
      const notSet = lang === 1049 ? '(не указано)' : '(not set)';
      expect(
        await frame.$$eval('.crmkit-survey__card-value', (c) => c.map((x) => x.textContent?.trim())),
      ).toEqual([nps(expected.overall.nps), csat(expected.overall.csat), n.format(expected.overall.count)]);
      const table = (kind: string) =>
        frame.$$eval(`[data-table="${kind}"] tbody tr`, (trs) =>
          trs.map((tr) => [
            tr.getAttribute('data-key'),
            tr.querySelector('th')?.textContent,
            ...Array.from(tr.querySelectorAll('td'), (td) => td.textContent?.trim()),
          ]),
        );
      expect(await table('staff')).toEqual(
        expected.staff.map((s) => [
          s.key,
          s.label,
          s.rank === null ? '—' : n.format(s.rank),
          n.format(s.count),
          csat(s.csat),
          nps(s.nps),
        ]),
      );
      if (lang === 1049)
        expect(expected.staff.filter((s) => s.rank === null).map((s) => s.label)).toEqual([
          'Новый Сотрудник',
        ]);
      for (const kind of ['channels', 'roles'] as const) {
        expect(await table(kind)).toEqual(
          expected[kind].map((g) => [g.key, g.label ?? notSet, n.format(g.count), csat(g.csat), nps(g.nps)]),
        );
      }
      const months = await table('months');
      expect(months.map((m) => m[2])).toEqual(expected.months.map((count) => n.format(count)));
      expect(months.map((m) => m[1])).not.toContain(notSet);
      // Responses run from January to November in UTC; in UTC+3 the last hours of November are December.
      expect(expected.months).toHaveLength(tz === undefined ? 11 : 12);
      expect(await frame.$$eval('img', (imgs) => imgs.length)).toBe(0);
      const calls = await callsOf(page);
      // Not one request that returns response rows: aggregates only, no boundary query, no page.
      expect(calls.filter((c) => c.kind !== 'aggregate')).toEqual([]);
      expect(calls.every((c) => c.fetchXml!.startsWith('<fetch aggregate="true"'))).toBe(true);
      const refused = calls.filter((c) => c.errorCode === xrmCode.aggregateLimit);
      const answered = calls.filter((c) => c.outcome === 'ok');
      const parts = refused.length + 1;
      expect(refused.length).toBeGreaterThan(0);
      expect(answered).toHaveLength(3 * parts);
      const notes = await frame.$$eval('.crmkit-dash__note', (x) => x.map((e) => e.textContent ?? ''));
      expect(notes.join('\n')).toContain(
        lang === 1049 ? `сложены по ${parts} диапазонам` : `over ${parts} created-on`,
      );
      console.log(
        `records mode, ${responses} responses (${expected.overall.count} in the period): ${refused.length} refused, ${answered.length} aggregates answered over ${parts} ranges, ${calls.length} requests in all`,
      );
      expect(cspViolations).toEqual([]);
      expect(errors).toEqual([]);
      await page.screenshot({
        path: path.join(testOutputDir, `webresource-survey-records-${locale.slice(0, 2)}.png`),
        fullPage: true,
      });
      await page.close();
    }, 300_000);
  }

  it('names the parameter whose value is wrong, in Russian, and queries nothing', async () => {
    const { page, frame } = await openInHost(
      'survey-insights',
      'responseTable=surveyresponse&staff=manager&minResponses=0',
      { lang: '1049' },
    );
    const alert = (await frame.textContent('[role="alert"]')) ?? '';
    expect(alert).toContain('responseTable: «surveyresponse» не является именем настраиваемой таблицы');
    expect(alert).toContain('staff: «manager» — допустимые значения: createdby, ownerid');
    expect(alert).toContain('minResponses: «0» не является целым числом от 1 до 100');
    expect(await callsOf(page)).toEqual([]);
    await page.close();
  });
});

describe.skipIf(skipReason !== undefined)('the pages in a narrow dashboard column', () => {
  for (const [pageName, data, host] of [
    ['pipeline-funnel', 'segment=crmkit_segment', { lang: '1049', opps: '500' }],
    [
      'survey-insights',
      'table=account&responses=crmkit_surveyresponses&period=all',
      { lang: '1058', accounts: '300' },
    ],
    [
      'survey-insights',
      'responseTable=crmkit_surveyresponse&period=all',
      { lang: '1026', responses: '3000' },
    ],
  ] as const) {
    const records = 'responses' in host ? '-records' : '';
    it(`fits ${pageName}${records} into 320 px without a horizontal scroll bar`, async () => {
      const { page, frame, errors } = await openInHost(pageName, data, host, { width: 320, height: 900 });
      const overflow = await frame.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      expect(errors).toEqual([]);
      await page.screenshot({
        path: path.join(testOutputDir, `webresource-${pageName}${records}-320px.png`),
        fullPage: true,
      });
      await page.close();
    });
  }
});

describe.skipIf(skipReason !== undefined)(
  'a web resource opened on its own from /WebResources/ (built, in Chromium)',
  () => {
    it("loads ClientGlobalContext.js.aspx, calls the Web API itself, honours an HTTP 429 Retry-After and matches the stage order to the options' English labels, in Bulgarian", async () => {
      const page = await session.browser.newPage({ viewport: { width: 900, height: 700 } });
      const dist = path.join(repoRoot, 'dist/webresources/pipeline-funnel');
      const headers = { 'Content-Security-Policy': csp };
      const api: { url: string; at: number; status: number }[] = [];
      const served: string[] = [];
      const F = '@OData.Community.Display.V1.FormattedValue';
      const stages = [
        [1, 'Квалифициране', 40],
        [2, 'Разработване', 25],
        [3, 'Предложение', 9],
      ] as const;
      await page.route(`${session.server.url}/**`, async (route) => {
        const url = new URL(route.request().url());
        // The page's web resources: its html, js, css, the chunks it loads and strings files (one per language).
        const file =
          /^\/WebResources\/new_\/crmkit\/(pipeline-funnel\.(?:html|js|css)|pipeline_funnel\.[A-Za-z0-9_.]+\.js)$/.exec(
            url.pathname,
          )?.[1];
        if (file !== undefined) {
          served.push(file);
          const type = file.endsWith('.html')
            ? 'text/html'
            : file.endsWith('.js')
              ? 'text/javascript'
              : 'text/css';
          await route.fulfill({
            body: readFileSync(path.join(dist, file)),
            contentType: `${type}; charset=utf-8`,
            headers,
          });
          return;
        }
        if (url.pathname === '/WebResources/ClientGlobalContext.js.aspx') {
          await route.fulfill({
            contentType: 'text/javascript',
            headers,
            body: 'window.GetGlobalContext = function () { return { userSettings: { languageId: 1026 }, getClientUrl: function () { return location.origin; } }; };',
          });
          return;
        }
        if (url.pathname.startsWith('/api/data/v9.2/')) {
          const first = !api.some((a) => a.url.includes('fetchXml'));
          const isQuery = url.pathname.endsWith('/opportunities') && url.searchParams.has('fetchXml');
          const status = isQuery && first ? 429 : 200;
          api.push({ url: url.pathname + url.search, at: Date.now(), status });
          const attribute = decodeURIComponent(url.pathname).includes(
            "/Attributes(LogicalName='salesstage')",
          );
          if (attribute && url.pathname.endsWith('PicklistAttributeMetadata')) {
            // The stage's options, labelled in the org's languages (Bulgarian for this user, and English).
            await route.fulfill({
              json: {
                LogicalName: 'salesstage',
                OptionSet: {
                  Options: [...stages, [4, 'Приключване', 0] as const].map(([v, label], i) => ({
                    Value: v,
                    Label: {
                      LocalizedLabels: [
                        { Label: label, LanguageCode: 1026 },
                        { Label: ['Qualify', 'Develop', 'Propose', 'Close'][i], LanguageCode: 1033 },
                      ],
                      UserLocalizedLabel: { Label: label, LanguageCode: 1026 },
                    },
                  })),
                },
                GlobalOptionSet: null,
              },
            });
          } else if (attribute) {
            await route.fulfill({ json: { LogicalName: 'salesstage', AttributeType: 'Picklist' } });
          } else if (url.pathname.includes('EntityDefinitions')) {
            await route.fulfill({ json: { EntitySetName: 'opportunities' } });
          } else if (status === 429) {
            await route.fulfill({
              status: 429,
              headers: { 'Retry-After': '1' },
              json: {
                error: {
                  code: '0x80072322',
                  message: 'Number of requests exceeded the limit of 6000 over time window of 300 seconds.',
                },
              },
            });
          } else if (isQuery && route.request().headers().prefer?.includes('odata.include-annotations="*"')) {
            await route.fulfill({
              json: {
                value: stages.map(([v, label, n]) => ({
                  grp_stage: v,
                  [`grp_stage${F}`]: label,
                  agg_count: n,
                  agg_amount: n * 1000,
                  [`agg_amount${F}`]: `${n * 1000} лв.`,
                  agg_amountcount: n,
                })),
              },
            });
          } else {
            await route.fulfill({
              status: 400,
              json: { error: { code: '0x0', message: 'unexpected request' } },
            });
          }
          return;
        }
        await route.fulfill({ status: 404, body: 'not found' });
      });
      await page.goto(
        `${session.server.url}/WebResources/new_/crmkit/pipeline-funnel.html?data=${encodeURIComponent('table=opportunity&stageOrder=Qualify;Develop;Propose;Close')}`,
      );
      await page.waitForSelector('#crmkit-root[data-state="done"]');
      const bg = new Intl.NumberFormat('bg-BG');
      // English stage names match the options' English labels; Close has no records: a zero stage.
      expect(await stageFigures(page.mainFrame())).toEqual([
        ...stages.map(([, label, n]) => ({ label, count: bg.format(n) })),
        { label: 'Приключване', count: '0' },
      ]);
      expect(await page.$('[data-notice="warnings"]')).toBeNull();
      expect(await page.textContent('h1')).toBe('Фуния на продажбите');
      // Only the user's language is downloaded: the page's script carries no strings; the page's
      // own strings first, the funnel view's with the view's code.
      expect(served.filter((f) => /\.\d+\.js$/.test(f))).toEqual([
        'pipeline_funnel.1026.js',
        'pipeline_funnel.funnel.1026.js',
      ]);
      const queries = api.filter((a) => a.url.includes('fetchXml'));
      expect(queries.map((q) => q.status)).toEqual([429, 200]);
      expect(queries[1]!.at - queries[0]!.at).toBeGreaterThanOrEqual(950);
      await page.screenshot({
        path: path.join(testOutputDir, 'webresource-pipeline-funnel-standalone-bg.png'),
      });
      await page.close();
    });
  },
);

describe.skipIf(skipReason !== undefined)(
  'the funnel files from the pipeline-funnel page (built, in Chromium, under the CSP)',
  () => {
    /** Presses a Download button in the page's frame and returns the file the browser saved. */
    async function download(
      page: Page,
      frame: Frame,
      kind: string,
    ): Promise<{ name: string; bytes: Buffer }> {
      const [saved] = await Promise.all([
        page.waitForEvent('download'),
        frame.click(`[data-download="${kind}"]`),
      ]);
      const file = await saved.path();
      return { name: saved.suggestedFilename(), bytes: readFileSync(file) };
    }
    const scripts = (frame: Frame): Promise<string[]> =>
      frame.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .map((e) => new URL(e.name).pathname.split('/').pop() ?? '')
          .filter((f) => f.endsWith('.js')),
      );

    it.each([
      ['1049', ';', ',', 'воронка-продаж', 'Все', 'Крупный бизнес'],
      ['1033', ',', '.', 'sales-funnel', 'All', 'Enterprise'],
    ] as const)(
      'in %s saves the figures as CSV with %s between cells, and the funnel as SVG and PNG, fetching that code only on the first press',
      async (lang, sep, decimal, base, all, enterprise) => {
        const open = makeOpportunities(3000).filter((o) => o.statecode === 0);
        const { page, frame, cspViolations, errors } = await openInHost(
          'pipeline-funnel',
          'table=opportunity&segment=crmkit_segment&amount=estimatedvalue',
          { lang, opps: '3000' },
        );
        const first = await scripts(frame);
        // The user's language's strings only (the page's, the view's), and no code fetched on demand.
        expect(first.filter((f) => /\.\d{4}\.js$/.test(f)).sort()).toEqual([
          `pipeline_funnel.${lang}.js`,
          `pipeline_funnel.funnel.${lang}.js`,
        ]);
        expect(
          first.filter((f) =>
            /^pipeline_funnel\.(download_file|stage_drill|failure_text|outside_dynamics|view_criteria)\.js$/.test(
              f,
            ),
          ),
        ).toEqual([]);

        const csv = await download(page, frame, 'csv');
        expect(csv.name).toMatch(new RegExp(`^${base}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
        expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
        expect((await scripts(frame)).some((f) => f === 'pipeline_funnel.download_file.js')).toBe(true);
        const rows = csv.bytes
          .toString('utf8')
          .slice(1)
          .trimEnd()
          .split('\r\n')
          .map((l) => l.split(sep));
        const stageLabels = choiceLabels.salesstage![Number(lang)]!;
        const figures = (keep: (o: (typeof open)[number]) => boolean) =>
          [0, 1, 2, 3].map((stage) => {
            const inStage = open.filter((o) => o.salesstage === stage && keep(o));
            const amount = inStage.reduce((n, o) => n + (o.estimatedvalue ?? 0), 0);
            return [stageLabels[stage], String(inStage.length), String(amount).replace('.', decimal)];
          });
        expect(rows.filter((r) => r[0] === all).map((r) => r.slice(1, 4))).toEqual(figures(() => true));
        expect(rows.filter((r) => r[0] === enterprise).map((r) => r.slice(1, 4))).toEqual(
          figures((o) => o.crmkit_segment === 1),
        );

        const svg = await download(page, frame, 'svg');
        expect(svg.name).toMatch(new RegExp(`^${base}-\\d{4}-\\d{2}-\\d{2}\\.svg$`));
        const svgText = svg.bytes.toString('utf8');
        const parsed = await frame.evaluate((text) => {
          const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
          return {
            broken: doc.getElementsByTagName('parsererror').length > 0,
            texts: Array.from(doc.querySelectorAll('g[data-stage] text:first-child'), (t) => t.textContent),
          };
        }, svgText);
        expect(parsed.broken).toBe(false);
        expect(parsed.texts).toEqual([0, 1, 2, 3].map((s) => stageLabels[s]));

        const png = await download(page, frame, 'png');
        expect(png.name).toMatch(new RegExp(`^${base}-\\d{4}-\\d{2}-\\d{2}\\.png$`));
        const size = pngSize(png.bytes);
        // Twice the SVG's 880 px width; 84 px header, 56 px per stage, 40 px footer.
        expect(size).toEqual({ width: 1760, height: 2 * (84 + 4 * 56 + 40) });
        writeFileSync(path.join(testOutputDir, `webresource-funnel-download-${lang}.png`), png.bytes);
        const read = await readPng(
          page,
          png.bytes,
          [
            [4, 4],
            [800, 2 * (84 + 19)],
          ],
          {
            x: 48,
            y: 40,
            width: 700,
            height: 40,
          },
        );
        expect(read.pixels[0]).toEqual([255, 255, 255, 255]); // the background
        expect(read.pixels[1]).toEqual([15, 108, 189, 255]); // the middle of the first (widest) bar
        expect(read.dark).toBeGreaterThan(200); // the title's letters
        expect(cspViolations).toEqual([]);
        expect(errors).toEqual([]);
        await page.close();
      },
    );
  },
);
