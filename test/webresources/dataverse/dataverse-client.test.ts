import { describe, expect, it } from 'vitest';
import { DataverseClient, nextPage } from '../../../src/webresources/dataverse/dataverse-client';
import { DataverseError } from '../../../src/webresources/dataverse/dataverse-errors';
import type { QueryScope } from '../../../src/webresources/dataverse/fetchxml';
import type {
  DataverseRow,
  RetrieveMultipleResult,
  WebApiLike,
} from '../../../src/webresources/dataverse/xrm-types';

const inner = '<cookie page="1"><accountid last="{0000-9}" first="{0000-0}" /></cookie>';
const cookie = `<cookie pagenumber="2" pagingcookie="${encodeURIComponent(encodeURIComponent(inner))}" istracking="False" />`;

describe('paging cookies', () => {
  it('decodes the cookie Dataverse returns into the one the next page sends', () => {
    expect(nextPage(cookie, 1)).toEqual({ page: 2, cookie: inner });
  });

  it('still moves to the next page when the cookie cannot be read', () => {
    expect(nextPage('<cookie pagingcookie="%E0%A4%A" />', 4)).toEqual({ page: 5, cookie: '' });
  });
});

class PagedWebApi implements WebApiLike {
  readonly requests: string[] = [];
  constructor(
    private readonly pages: number,
    private readonly perPage: number,
  ) {}
  retrieveMultipleRecords(_table: string, options = ''): Promise<RetrieveMultipleResult> {
    const xml = decodeURIComponent(options.slice('?fetchXml='.length));
    this.requests.push(xml);
    const page = Number(/page="(\d+)"/.exec(xml)?.[1]);
    const entities: DataverseRow[] = Array.from({ length: this.perPage }, (_, i) => ({
      n: (page - 1) * this.perPage + i,
    }));
    const more = page < this.pages;
    const c = `<cookie pagenumber="${page + 1}" pagingcookie="${encodeURIComponent(encodeURIComponent(`<cookie page="${page}"/>`))}" />`;
    return Promise.resolve(more ? { entities, fetchXmlPagingCookie: c } : { entities });
  }
  retrieveRecord(): Promise<DataverseRow> {
    return Promise.reject(new Error('not used'));
  }
}

const scope: QueryScope = { table: 'account', state: 'all', dateColumn: 'modifiedon', range: {} };

describe('reading every page', () => {
  it('follows the paging cookie to the last page', async () => {
    const api = new PagedWebApi(3, 5);
    const loaded: number[] = [];
    const all = await new DataverseClient(api, { sleep: () => Promise.resolve() }).allRows(
      scope,
      ['name'],
      5,
      100,
      (n) => loaded.push(n),
    );
    expect(all.rows.map((r) => r.n)).toEqual(Array.from({ length: 15 }, (_, i) => i));
    expect([all.truncated, all.pages, loaded]).toEqual([false, 3, [5, 10, 15]]);
    expect(api.requests[2]).toContain('paging-cookie="&lt;cookie page=&quot;2&quot;/&gt;"');
  });

  it('stops at the record cap and says the result was cut', async () => {
    const all = await new DataverseClient(new PagedWebApi(10, 5), { sleep: () => Promise.resolve() }).allRows(
      scope,
      ['name'],
      5,
      12,
    );
    expect([all.rows.length, all.truncated]).toEqual([12, true]);
  });

  it('turns a refusal into a classified DataverseError', async () => {
    const api: WebApiLike = {
      // Xrm.WebApi rejects with a plain { errorCode, message } object, not an Error; the code is the
      // unsigned decimal of PrivilegeDenied (0x80040220).
      retrieveMultipleRecords: () =>
        // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
        Promise.reject({
          errorCode: 2147746336,
          message:
            "Principal user (Id=00000000-0000-0000-0000-000000000001, type=8, roleCount=1, privilegeCount=0, accessMode=0), is missing prvReadAccount privilege (Id=00000000-0000-0000-0000-000000000002) on OTC=1 for entity 'account'.",
        }),
      retrieveRecord: () => Promise.reject(new Error('x')),
    };
    const error = await new DataverseClient(api, { sleep: () => Promise.resolve() })
      .fetchXml('account', '<fetch/>')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataverseError);
    expect((error as DataverseError).failure).toMatchObject({
      kind: 'privilege',
      privilege: 'prvReadAccount',
    });
  });
});
