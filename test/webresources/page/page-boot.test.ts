// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bootPage } from '../../../src/webresources/page/page-boot';
import { runSurveyInsights } from '../../../src/webresources/survey-insights/survey-page';
import { runPipelineFunnel } from '../../../src/webresources/pipeline-funnel/funnel-page';
import type {
  DataverseRow,
  GlobalContextLike,
  RetrieveMultipleResult,
  WebApiLike,
  XrmLike,
} from '../../../src/webresources/dataverse/xrm-types';

/** A typed stand-in for Xrm.WebApi that answers from a function. */
class StandInWebApi implements WebApiLike {
  readonly options: string[] = [];
  constructor(private readonly answer: (options: string) => Promise<RetrieveMultipleResult>) {}
  retrieveMultipleRecords(_table: string, options = ''): Promise<RetrieveMultipleResult> {
    this.options.push(options);
    return this.answer(options);
  }
  retrieveRecord(): Promise<DataverseRow> {
    return Promise.reject(new Error('not used'));
  }
}

class StandInXrm implements XrmLike {
  readonly Utility: { getGlobalContext: () => GlobalContextLike };
  constructor(
    readonly WebApi: StandInWebApi,
    languageId: number,
  ) {
    this.Utility = { getGlobalContext: () => ({ userSettings: { languageId } }) };
  }
}

const win = window as Window & { Xrm?: unknown };

beforeEach(() => {
  document.body.innerHTML = '<main id="crmkit-root"></main>';
});
afterEach(() => {
  delete win.Xrm;
  history.replaceState(null, '', '/');
});

const root = (): HTMLElement => document.getElementById('crmkit-root')!;

describe('starting a dashboard page', () => {
  it('explains how to add it to a dashboard when there is no Dynamics around it', async () => {
    await bootPage(window, 'survey-insights', () => Promise.reject(new Error('must not run')));
    expect(root().querySelector('h1')?.textContent).toBe('This page works inside Dynamics 365');
    expect(root().querySelector('code')?.textContent).toContain('responses=');
  });

  it('shows a missing privilege as a localized headline naming the table and the privilege', async () => {
    const server =
      "Principal user (Id=00000000-0000-0000-0000-000000000001, type=8, roleCount=1, privilegeCount=0, accessMode=0), is missing prvReadAccount privilege (Id=00000000-0000-0000-0000-000000000002) on OTC=1 for entity 'account'.";
    const api = new StandInWebApi(() =>
      // Xrm.WebApi rejects with plain objects: PrivilegeDenied (0x80040220) as an unsigned decimal.
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
      Promise.reject({ errorCode: 2147746336, message: server }),
    );
    win.Xrm = new StandInXrm(api, 1058);
    history.replaceState(
      null,
      '',
      `/?data=${encodeURIComponent('table=account&responses=crmkit_responses')}`,
    );

    await bootPage(window, 'survey-insights', runSurveyInsights);
    const alert = root().querySelector('[role="alert"]')!;
    expect(alert.querySelector('.crmkit-dash__note-title')?.textContent).toBe(
      'У вас немає дозволу на читання таблиці account: у ваших ролях безпеки немає привілею prvReadAccount.',
    );
    // The server's English stays out of the headline, in a collapsed details part.
    const details = alert.querySelector('details')!;
    expect(details.open).toBe(false);
    expect(details.querySelector('summary')?.textContent).toBe('Докладніше');
    expect(details.querySelector('.crmkit-dash__note-server')?.textContent).toBe(server);
    expect(root().getAttribute('data-state')).toBe('done');
    expect(root().getAttribute('aria-busy')).toBeNull();
  });

  it('lists configuration problems without querying anything', async () => {
    const api = new StandInWebApi(() => Promise.resolve({ entities: [] }));
    win.Xrm = new StandInXrm(api, 1026);
    history.replaceState(null, '', `/?data=${encodeURIComponent('table=account&colour=red')}`);

    await bootPage(window, 'survey-insights', runSurveyInsights);
    const items = Array.from(root().querySelectorAll('[role="alert"] li')).map((li) => li.textContent);
    expect(items).toEqual([
      'responses: е задължителен',
      'colour: не е параметър на тази страница (допустими: table, responses, filter, period, maxRecords, title, responseTable)',
    ]);
    expect(api.options).toEqual([]);
  });

  it('draws the survey insights of the responses recorded in the period', async () => {
    const doc = (who: string, at: string, csat: number, nps: number): string =>
      JSON.stringify({
        version: 1,
        responses: [
          {
            id: `${who}${at}`,
            respondent: who,
            role: 'sales',
            channel: 'visit',
            at,
            authorId: 'u',
            answers: { csat, nps },
            comment: '',
          },
        ],
      });
    const api = new StandInWebApi(() =>
      Promise.resolve({
        entities: [
          { crmkit_responses: doc('Анна', '2025-03-01T10:00:00Z', 5, 10) },
          { crmkit_responses: doc('Борис', '2025-04-01T10:00:00Z', 2, 3) },
          { crmkit_responses: doc('Анна', '2023-01-01T10:00:00Z', 1, 0) },
        ],
      }),
    );
    win.Xrm = new StandInXrm(api, 1049);
    history.replaceState(
      null,
      '',
      `/?data=${encodeURIComponent('table=account&responses=crmkit_responses&period=2025-01-01..2025-12-31')}`,
    );
    await bootPage(window, 'survey-insights', runSurveyInsights);
    const cards = Array.from(root().querySelectorAll('.crmkit-survey__card-value')).map((c) => c.textContent);
    expect(cards.slice(0, 3)).toEqual(['0', '3,5', '2']);
    const respondents = Array.from(root().querySelectorAll('[data-table="respondents"] tbody tr')).map((tr) =>
      tr.getAttribute('data-key'),
    );
    expect(respondents).toEqual(['Анна', 'Борис']);
    const fetchXml = decodeURIComponent(api.options[0]!.slice('?fetchXml='.length));
    expect(fetchXml).toContain(
      '<condition attribute="modifiedon" operator="ge" value="2025-01-01T00:00:00.000Z"/>',
    );
    expect(fetchXml).toContain('<condition attribute="crmkit_responses" operator="not-null"/>');
  });

  it('draws the pipeline funnel from the aggregate rows, stages in choice order', async () => {
    const F = '@OData.Community.Display.V1.FormattedValue';
    const api = new StandInWebApi(() =>
      Promise.resolve({
        entities: [
          {
            grp_stage: 1,
            [`grp_stage${F}`]: 'Розвиток',
            agg_count: 1200,
            agg_amount: 5000,
            agg_amountcount: 1200,
          },
          {
            grp_stage: 0,
            [`grp_stage${F}`]: 'Кваліфікація',
            agg_count: 3400,
            agg_amount: 9000,
            agg_amountcount: 3000,
          },
        ],
      }),
    );
    win.Xrm = new StandInXrm(api, 1058);
    history.replaceState(null, '', `/?data=${encodeURIComponent('currency=UAH&title=Воронка <b>Q4</b>')}`);
    await bootPage(window, 'pipeline-funnel', runPipelineFunnel);
    expect(root().querySelector('h1')?.textContent).toBe('Воронка <b>Q4</b>');
    expect(root().querySelector('b')).toBeNull();
    const rows = Array.from(root().querySelectorAll('.crmkit-funnel__row')).map((r) => [
      r.querySelector('.crmkit-funnel__label')?.firstChild?.textContent?.trim(),
      r.querySelector('.crmkit-funnel__count')?.textContent,
    ]);
    const uk = new Intl.NumberFormat('uk-UA');
    expect(rows).toEqual([
      ['Кваліфікація', uk.format(3400)],
      ['Розвиток', uk.format(1200)],
    ]);
  });
});
