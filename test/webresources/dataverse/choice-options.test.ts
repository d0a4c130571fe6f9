import { describe, expect, it } from 'vitest';
import { fetchMetadataGet, readChoiceOptions } from '../../../src/webresources/dataverse/choice-options';
import { classifyError } from '../../../src/webresources/dataverse/dataverse-errors';
import { loadKnownStages } from '../../../src/webresources/pipeline-funnel/known-stages';

const org = 'https://org.crm4.dynamics.com';
const json = (body: unknown, status = 200): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const attributePath = "EntityDefinitions(LogicalName='opportunity')/Attributes(LogicalName='salesstage')";
const options = [
  {
    Value: 0,
    Label: {
      LocalizedLabels: [
        { Label: 'Qualify', LanguageCode: 1033 },
        { Label: 'Квалификация', LanguageCode: 1049 },
      ],
      UserLocalizedLabel: { Label: 'Квалификация', LanguageCode: 1049 },
    },
  },
];

/** A fetch answering the Web API's metadata requests for one column of the given AttributeType. */
function metadataFetch(
  attributeType: string,
  cast: Record<string, unknown>,
): { fetch: typeof fetch; urls: string[] } {
  const urls: string[] = [];
  const fn = (input: string | URL | Request): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    urls.push(url);
    if (url.endsWith('?$select=LogicalName,AttributeType'))
      return Promise.resolve(
        json({
          '@odata.context': `${org}/api/data/v9.2/$metadata#EntityDefinitions('1')/Attributes(LogicalName,AttributeType)/$entity`,
          LogicalName: 'salesstage',
          AttributeType: attributeType,
        }),
      );
    return Promise.resolve(json(cast));
  };
  return { fetch: fn, urls };
}

describe("reading a choice column's options from the Web API metadata", () => {
  const cases: { type: string; cast: string }[] = [
    { type: 'Picklist', cast: 'PicklistAttributeMetadata' },
    { type: 'Status', cast: 'StatusAttributeMetadata' },
    { type: 'State', cast: 'StateAttributeMetadata' },
  ];
  it.each(cases)(
    'asks a $type column for its options as $cast, with both option sets expanded',
    async ({ type, cast }) => {
      const { fetch, urls } = metadataFetch(type, { OptionSet: { Options: options }, GlobalOptionSet: null });
      const get = fetchMetadataGet(`${org}/`, fetch);
      expect(await readChoiceOptions(get, 'opportunity', 'salesstage')).toEqual(options);
      expect(urls).toEqual([
        `${org}/api/data/v9.2/${attributePath}?$select=LogicalName,AttributeType`,
        `${org}/api/data/v9.2/${attributePath}/Microsoft.Dynamics.CRM.${cast}` +
          '?$select=LogicalName&$expand=OptionSet($select=Options),GlobalOptionSet($select=Options)',
      ]);
    },
  );

  it('reads the options of a global choice from GlobalOptionSet', async () => {
    const { fetch } = metadataFetch('Picklist', { OptionSet: null, GlobalOptionSet: { Options: options } });
    expect(await readChoiceOptions(fetchMetadataGet(org, fetch), 'opportunity', 'salesstage')).toEqual(
      options,
    );
  });

  it.each(['String', 'Lookup', 'Owner'])(
    'gives no options for a %s column, with a single request',
    async (type) => {
      const { fetch, urls } = metadataFetch(type, {});
      expect(
        await readChoiceOptions(fetchMetadataGet(org, fetch), 'opportunity', 'salesstage'),
      ).toBeUndefined();
      expect(urls).toHaveLength(1);
    },
  );

  it("rejects with the Dataverse code of the Web API's error answer", async () => {
    const fetch = (): Promise<Response> =>
      Promise.resolve(json({ error: { code: '0x80040220', message: 'missing prvReadAttribute' } }, 403));
    const failure = await readChoiceOptions(fetchMetadataGet(org, fetch), 'opportunity', 'salesstage').catch(
      (e: unknown) => e,
    );
    expect(failure).toMatchObject({
      status: 403,
      errorCode: 0x80040220,
      message: 'missing prvReadAttribute',
    });
    expect(classifyError(failure).kind).toBe('privilege');
  });

  it('refuses a name that is not a logical name before sending anything', async () => {
    const { fetch, urls } = metadataFetch('Picklist', {});
    await expect(readChoiceOptions(fetchMetadataGet(org, fetch), 'opportunity', "x')/y")).rejects.toThrow();
    expect(urls).toEqual([]);
  });
});

describe("the pipeline funnel's known stages", () => {
  it('maps the options with the labels of every org language', async () => {
    const { fetch } = metadataFetch('Picklist', { OptionSet: { Options: options }, GlobalOptionSet: null });
    expect(await loadKnownStages(fetchMetadataGet(org, fetch), 'opportunity', 'salesstage')).toEqual([
      { key: '0', label: 'Квалификация', rank: 0, aliases: ['Qualify'] },
    ]);
  });

  it('gives none, without failing, when the metadata cannot be read or there is no client URL', async () => {
    const offline = (): Promise<Response> => Promise.reject(new TypeError('Failed to fetch'));
    expect(
      await loadKnownStages(fetchMetadataGet(org, offline), 'opportunity', 'salesstage'),
    ).toBeUndefined();
    expect(await loadKnownStages(undefined, 'opportunity', 'salesstage')).toBeUndefined();
  });

  it('gives up waiting for metadata that does not come, so the funnel is still drawn', async () => {
    const never = (): Promise<Response> => new Promise<Response>(() => undefined);
    expect(
      await loadKnownStages(fetchMetadataGet(org, never), 'opportunity', 'salesstage', 20),
    ).toBeUndefined();
  });
});
