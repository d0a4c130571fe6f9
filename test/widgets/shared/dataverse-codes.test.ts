import { describe, expect, it } from 'vitest';
import {
  dataverseCodeOf,
  dataverseCodes,
  dataverseKindOf,
  hexCode,
  missingPrivilegeOf,
  normalizeDataverseCode,
  type DataverseCodeKind,
  type DataverseCodeName,
} from '../../../src/widgets/shared/dataverse-codes';

/** Each code the project acts on, with its documented hex value, signed value and kind. */
const table: readonly [DataverseCodeName, string, number, DataverseCodeKind][] = [
  ['throttledRequests', '0x80072322', -2147015902, 'throttled'],
  ['throttledExecutionTime', '0x80072321', -2147015903, 'throttled'],
  ['throttledConcurrency', '0x80072326', -2147015898, 'throttled'],
  ['aggregateLimit', '0x8004E023', -2147164125, 'aggregateLimit'],
  ['privilegeDenied', '0x80040220', -2147220960, 'privilege'],
  ['accessCheckFailed', '0x80048306', -2147187962, 'privilege'],
  ['recordNotFound', '0x80040217', -2147220969, 'notFound'],
  ['concurrencyMismatch', '0x80060882', -2147088254, 'concurrency'],
];

/** Every form a code reaches the pages and controls in. */
function formsOf(hex: string, signed: number): [string, unknown][] {
  const unsigned = signed + 2 ** 32;
  const digits = hex.slice(2);
  return [
    ['unsigned number (Xrm.WebApi)', unsigned],
    ['unsigned decimal text', String(unsigned)],
    ['signed number (.NET SDK)', signed],
    ['signed decimal text', String(signed)],
    ['hex with 0x (Web API body)', hex],
    ['hex with 0x, lower case', hex.toLowerCase()],
    ['hex with 0X, upper case', `0X${digits.toUpperCase()}`],
    ['hex without 0x', digits],
    ['hex without 0x, lower case', digits.toLowerCase()],
    ['hex text with spaces around', ` ${hex} `],
  ];
}

describe('the Dataverse code table', () => {
  it.each(table)('%s is %s (%i)', (name, hex, signed) => {
    expect(dataverseCodes[name]).toBe(signed + 2 ** 32);
    expect(hexCode(dataverseCodes[name])).toBe(hex);
  });

  for (const [name, hex, signed, kind] of table) {
    it.each(formsOf(hex, signed))(`recognises ${name} given as %s (%j)`, (_form, value) => {
      expect(normalizeDataverseCode(value)).toBe(dataverseCodes[name]);
      expect(dataverseKindOf({ errorCode: value, message: 'any text' })).toBe(kind);
      expect(dataverseKindOf({ error: { code: value, message: 'any text' } })).toBe(kind);
      expect(dataverseKindOf({ code: value })).toBe(kind);
    });
  }

  it('reads Microsoft example 0x80040333 from the unsigned decimal Xrm.WebApi gives', () => {
    expect(dataverseCodeOf({ errorCode: 2147746611, message: 'x' })).toBe(0x80040333);
    expect(dataverseKindOf({ errorCode: 2147746611, message: 'x' })).toBeUndefined();
  });

  it.each([
    ['an HTTP status', 429],
    ['zero', 0],
    ['the Web API "0x0"', '0x0'],
    ['a success HRESULT', 0x00040001],
    ['a fraction', 2147951394.5],
    ['a number past 32 bits', 2 ** 32 + 5],
    ['a message', 'Number of requests exceeded the limit of 6000 over time window of 300 seconds.'],
    ['nothing', undefined],
  ])('takes %s for no code', (_what, value) => {
    expect(normalizeDataverseCode(value)).toBeUndefined();
  });

  it('never classifies by the message text', () => {
    expect(dataverseKindOf({ message: 'AggregateQueryRecordLimit exceeded' })).toBeUndefined();
    expect(
      dataverseKindOf({ message: 'Principal user is missing prvReadAccount privilege' }),
    ).toBeUndefined();
  });

  it.each([
    [
      "Principal user (Id=00000000-0000-0000-0000-000000000001, type=8, roleCount=1, privilegeCount=0, accessMode=0), is missing prvReadOpportunity privilege (Id=00000000-0000-0000-0000-000000000002) on OTC=3 for entity 'opportunity'.",
      'prvReadOpportunity',
    ],
    ['SecLib::AccessCheckEx failed. Returned hr = -2147187962', undefined],
  ])('names the privilege a PrivilegeDenied message names: %s', (message, privilege) => {
    expect(missingPrivilegeOf(message)).toBe(privilege);
  });
});
