import { describe, expect, it } from 'vitest';
import { classifyError } from '../../../src/webresources/dataverse/dataverse-errors';
import { createFetchWebApi, xrmFromGlobalContext } from '../../../src/webresources/dataverse/web-api-fetch';
import { clientGlobalContextUrl, findXrm } from '../../../src/webresources/dataverse/xrm-discovery';

function fakeFetch(answers: Record<string, () => Response>): { fetch: typeof fetch; urls: string[] } {
  const urls: string[] = [];
  const fn = (input: string | URL | Request): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    urls.push(url);
    const key = Object.keys(answers).find((k) => url.includes(k));
    return Promise.resolve(key === undefined ? new Response('{}', { status: 404 }) : answers[key]!());
  };
  return { fetch: fn, urls };
}

const json = (body: unknown, init: ResponseInit = {}): Response =>
  new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' }, ...init });

describe('the Web API client of a page opened on its own', () => {
  it('finds the entity set, asks for annotations and returns the paging cookie', async () => {
    const { fetch, urls } = fakeFetch({
      "EntityDefinitions(LogicalName='opportunity')": () => json({ EntitySetName: 'opportunities' }),
      'opportunities?fetchXml': () =>
        json({
          value: [{ grp_stage: 1 }],
          '@Microsoft.Dynamics.CRM.fetchxmlpagingcookie': '<cookie pagenumber="2"/>',
        }),
    });
    const api = createFetchWebApi('https://org.crm4.dynamics.com/', fetch);
    const result = await api.retrieveMultipleRecords('opportunity', '?fetchXml=%3Cfetch%2F%3E');
    expect(result).toEqual({
      entities: [{ grp_stage: 1 }],
      fetchXmlPagingCookie: '<cookie pagenumber="2"/>',
    });
    expect(urls[1]).toBe('https://org.crm4.dynamics.com/api/data/v9.2/opportunities?fetchXml=%3Cfetch%2F%3E');
  });

  it('rejects a throttled request with the Dataverse code and the Retry-After header', async () => {
    const { fetch } = fakeFetch({
      EntityDefinitions: () => json({ EntitySetName: 'opportunities' }),
      'opportunities?': () =>
        json(
          {
            error: {
              code: '0x80072322',
              message: 'Number of requests exceeded the limit of 6000 over time window of 300 seconds.',
            },
          },
          { status: 429, headers: { 'Retry-After': '4' } },
        ),
    });
    const error: unknown = await Promise.resolve(
      createFetchWebApi('https://org', fetch).retrieveMultipleRecords('opportunity', '?x'),
    ).catch((e: unknown) => e);
    expect(classifyError(error)).toEqual({
      kind: 'throttled',
      message: 'Number of requests exceeded the limit of 6000 over time window of 300 seconds.',
      retryAfterMs: 4000,
    });
  });

  it('refuses a table or record id that could change the URL', async () => {
    const api = createFetchWebApi('https://org', fakeFetch({}).fetch);
    await expect(api.retrieveMultipleRecords('opportunity/../x')).rejects.toThrow('not a table logical name');
    await expect(api.retrieveRecord('savedquery', "1')/x")).rejects.toThrow('not a record id');
  });

  it('needs a client URL from the global context', () => {
    expect(xrmFromGlobalContext({ userSettings: { languageId: 1033 } }, fakeFetch({}).fetch)).toBeUndefined();
  });
});

describe('finding Dynamics', () => {
  const xrm = {
    WebApi: { retrieveMultipleRecords: () => null, retrieveRecord: () => null },
    Utility: { getGlobalContext: () => null },
  };

  it("uses the parent's Xrm inside a form or dashboard iframe", () => {
    const win = { parent: { Xrm: xrm } };
    expect(findXrm(win).kind).toBe('parent');
  });

  it('treats a parent of another origin (access throws) as no Xrm', () => {
    const parent = new Proxy(
      {},
      {
        get: () => {
          throw new DOMException('Blocked a frame', 'SecurityError');
        },
      },
    );
    const win = { parent };
    expect(findXrm(win).kind).toBe('outside');
  });

  it("falls back to the page's own Xrm, and to nothing", () => {
    const own: { parent: unknown; Xrm?: unknown } = { parent: null, Xrm: xrm };
    own.parent = own;
    expect(findXrm(own).kind).toBe('window');
    expect(findXrm({ parent: {}, Xrm: { WebApi: {} } }).kind).toBe('outside');
  });

  it.each([
    [
      'https://org.crm.dynamics.com/WebResources/new_/crmkit/pipeline-funnel.html?data=x',
      'https://org.crm.dynamics.com/WebResources/ClientGlobalContext.js.aspx',
    ],
    [
      'https://org.crm.dynamics.com/%7B638000000000000000%7D/webresources/new_/crmkit/a.html',
      'https://org.crm.dynamics.com/%7B638000000000000000%7D/WebResources/ClientGlobalContext.js.aspx',
    ],
    ['http://127.0.0.1:8080/pipeline-funnel.html', undefined],
    ['file:///C:/Users/me/WebResources/pipeline-funnel.html', undefined],
  ])('loads ClientGlobalContext.js.aspx for %s from %s', (page, expected) => {
    expect(clientGlobalContextUrl(page)).toBe(expected);
  });
});
