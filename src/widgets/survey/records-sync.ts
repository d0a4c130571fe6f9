/**
 * Records mode, the I/O part: the responses regarding one record, read and changed through the
 * host's Web API (PCF `context.webAPI`, which this small interface is a part of). Never merges:
 * each response is its own row, so two users adding at once both keep theirs; a row someone else
 * deleted is reported, never created again.
 */
import { dataverseKindOf, missingPrivilegeOf } from '../shared/dataverse-codes';
import {
  listQuery,
  nextPageQuery,
  RECORDS_PAGE_SIZE,
  SCORES_PAGE_SIZE,
  scoresQuery,
  type RecordsSchema,
  type Row,
} from './records-model';

/** The part of PCF's `ComponentFramework.WebApi` records mode uses. */
export interface RecordsApi {
  retrieveMultipleRecords(
    entityType: string,
    options?: string,
    maxPageSize?: number,
  ): Promise<{ entities: Row[]; nextLink?: string }>;
  createRecord(entityType: string, data: Row): Promise<unknown>;
  updateRecord(entityType: string, id: string, data: Row): Promise<unknown>;
  deleteRecord(entityType: string, id: string): Promise<unknown>;
}

export type RecordsAction = 'read' | 'create' | 'write' | 'delete';

/** Why a request failed, as the control tells the user. */
export type RecordsFault =
  | { kind: 'privilege'; action: RecordsAction; privilege: string }
  | { kind: 'gone' }
  | { kind: 'unavailable' };

const PRIVILEGE: Record<RecordsAction, string> = {
  read: 'prvReadActivity',
  create: 'prvCreateActivity',
  write: 'prvWriteActivity',
  delete: 'prvDeleteActivity',
};

export function faultOf(error: unknown, action: RecordsAction): RecordsFault {
  const kind = dataverseKindOf(error);
  if (kind === 'notFound') return { kind: 'gone' };
  if (kind === 'privilege') {
    const message = (error as { message?: unknown }).message;
    const named = typeof message === 'string' ? missingPrivilegeOf(message) : undefined;
    return { kind: 'privilege', action, privilege: named ?? PRIVILEGE[action] };
  }
  return { kind: 'unavailable' };
}

export type Outcome = { ok: true } | { ok: false; fault: RecordsFault };

/** The responses of one record: the pages of the list read so far, and the scores of all. */
export class RecordsSync {
  rows: Row[] = [];
  scores: Row[] = [];
  private nextLink: string | undefined;

  constructor(
    private readonly api: RecordsApi,
    private readonly schema: RecordsSchema,
    private readonly recordId: string,
  ) {}

  get hasMore(): boolean {
    return this.nextLink !== undefined;
  }

  /** Reads the newest responses (at least as many as were shown) and every response's scores. */
  async load(): Promise<Outcome> {
    const { api, schema: s, recordId } = this;
    const pageSize = Math.min(SCORES_PAGE_SIZE, Math.max(RECORDS_PAGE_SIZE, this.rows.length));
    return this.attempt('read', async () => {
      const page = await api.retrieveMultipleRecords(s.table, listQuery(s, recordId), pageSize);
      let scores = page.entities;
      if (page.nextLink !== undefined) {
        scores = [];
        let query: string | undefined = scoresQuery(s, recordId);
        while (query !== undefined) {
          const part = await api.retrieveMultipleRecords(s.table, query, SCORES_PAGE_SIZE);
          scores.push(...part.entities);
          query = part.nextLink === undefined ? undefined : nextPageQuery(part.nextLink);
        }
      }
      this.rows = page.entities;
      this.nextLink = page.nextLink;
      this.scores = scores;
    });
  }

  /** Reads the next page of the list ("Show more"). */
  async more(): Promise<Outcome> {
    const link = this.nextLink;
    if (link === undefined) return { ok: true };
    return this.attempt('read', async () => {
      const page = await this.api.retrieveMultipleRecords(
        this.schema.table,
        nextPageQuery(link),
        RECORDS_PAGE_SIZE,
      );
      const seen = new Set(this.rows.map((r) => r.activityid));
      this.rows = [...this.rows, ...page.entities.filter((r) => !seen.has(r.activityid))];
      this.nextLink = page.nextLink;
    });
  }

  create(data: Row): Promise<Outcome> {
    return this.attempt('create', () => this.api.createRecord(this.schema.table, data));
  }

  update(id: string, data: Row): Promise<Outcome> {
    return this.attempt('write', () => this.api.updateRecord(this.schema.table, id, data));
  }

  delete(id: string): Promise<Outcome> {
    return this.attempt('delete', () => this.api.deleteRecord(this.schema.table, id));
  }

  private async attempt(action: RecordsAction, request: () => Promise<unknown>): Promise<Outcome> {
    try {
      await request();
      return { ok: true };
    } catch (e) {
      return { ok: false, fault: faultOf(e, action) };
    }
  }
}
