/**
 * An Xrm.WebApi stand-in on Node for the pages' data modules: `retrieveMultipleRecords` with
 * `?fetchXml=` evaluated over plain tables by the shared evaluator, refusing as Xrm does (a plain
 * `{ errorCode, message }`, the aggregate limit included). Every FetchXML is kept, with how many
 * rows it matched.
 */
import type { RetrieveMultipleResult, WebApiLike } from '../../../src/webresources/dataverse/xrm-types';
import { evaluateFetch, type Annotate, type TableSource } from './evaluate';
import { parseFetchXml } from './parse';
import { FetchXmlRefusal, refusalCodes } from './tree';

export class EvaluatingWebApi implements WebApiLike {
  readonly calls: { fetchXml: string; matched?: number; errorCode?: number }[] = [];

  constructor(
    private readonly source: TableSource,
    private readonly limit = 50_000,
    private readonly annotate?: Annotate,
  ) {}

  retrieveMultipleRecords(table: string, options = ''): Promise<RetrieveMultipleResult> {
    const fetchXml = decodeURIComponent(options.replace(/^\?fetchXml=/, ''));
    const call: (typeof this.calls)[number] = { fetchXml };
    this.calls.push(call);
    try {
      const tree = parseFetchXml(fetchXml);
      if (tree === undefined) throw new FetchXmlRefusal(refusalCodes.invalid, 'no FetchXML');
      const result = evaluateFetch(tree, this.source, {
        limit: this.limit,
        ...(this.annotate === undefined ? {} : { annotate: this.annotate }),
      });
      if (result.query.entity !== table) throw new FetchXmlRefusal(refusalCodes.invalid, 'entity mismatch');
      call.matched = result.matched;
      const top = result.query.top;
      return Promise.resolve({ entities: top === undefined ? result.rows : result.rows.slice(0, top) });
    } catch (e) {
      if (!(e instanceof FetchXmlRefusal)) throw e;
      call.errorCode = e.code;
      if (e.matched !== undefined) call.matched = e.matched;
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
      return Promise.reject({ errorCode: e.code, message: e.message });
    }
  }

  retrieveRecord(): Promise<Record<string, unknown>> {
    return Promise.reject(new Error('not served by this stand-in'));
  }
}
