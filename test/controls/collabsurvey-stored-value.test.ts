import { describe, expect, it } from 'vitest';
import {
  readStoredValue,
  type StoredValueContext,
} from '../../controls/CollabSurvey/CollabSurvey/stored-value';
import { MockTable, MockWebApi } from '../widgets/survey/pcf-mocks';

const ID = '0f8fad5b-d9cb-469f-a165-70867728950e';

function contextOf(
  table: MockTable,
  overrides: { contextInfo?: StoredValueContext['mode']['contextInfo']; column?: string; webApi?: null },
): StoredValueContext {
  const column = 'column' in overrides ? overrides.column : 'crmkit_surveyresponses';
  return {
    mode: {
      contextInfo:
        'contextInfo' in overrides ? overrides.contextInfo : { entityTypeName: 'account', entityId: ID },
    },
    parameters: { responses: { attributes: column === undefined ? {} : { LogicalName: column } } },
    webAPI: overrides.webApi === null ? null : new MockWebApi(table),
  };
}

describe('re-reading the stored responses through the Web API', () => {
  const table = new MockTable('account');
  table.rows.set(ID, { crmkit_surveyresponses: '{"version":1,"responses":[]}', crmkit_number: 4 });

  it.each([
    ['the host gives no Web API', { webApi: null }],
    ['the record is new (no id yet)', { contextInfo: { entityTypeName: 'account' } }],
    ['the form gives no record at all', { contextInfo: undefined }],
    ['the column logical name is unknown', { column: undefined }],
    ['the column name is not a plain logical name', { column: 'a,b&$expand=x' }],
  ] as const)('does not re-read when %s', (_name, overrides) => {
    expect(readStoredValue(contextOf(table, overrides))).toBeUndefined();
  });

  it('returns the stored text, and null for an empty column', async () => {
    await expect(readStoredValue(contextOf(table, {}))).resolves.toBe('{"version":1,"responses":[]}');
    table.rows.set('11111111-2222-3333-4444-555555555555', {});
    const empty = contextOf(table, {
      contextInfo: { entityTypeName: 'account', entityId: '11111111-2222-3333-4444-555555555555' },
    });
    await expect(readStoredValue(empty)).resolves.toBeNull();
  });

  it('rejects when the column does not hold text, or the record cannot be read', async () => {
    await expect(readStoredValue(contextOf(table, { column: 'crmkit_number' }))).rejects.toThrow(
      'crmkit_number is not text',
    );
    const gone = contextOf(table, {
      contextInfo: { entityTypeName: 'account', entityId: 'ffffffff-0000-0000-0000-000000000000' },
    });
    await expect(readStoredValue(gone)).rejects.toMatchObject({
      errorCode: 2147746327, // 0x80040217: record not found, as Xrm.WebApi reports it
      message: expect.stringMatching(/does not exist/i) as unknown,
    });
  });

  it('turns a Web API that throws instead of rejecting into a rejected re-read', async () => {
    const context = contextOf(table, {});
    context.webAPI = {
      retrieveRecord: () => {
        throw new Error('not available in this client');
      },
    };
    await expect(readStoredValue(context)).rejects.toThrow('not available in this client');
  });
});
