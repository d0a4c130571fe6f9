/**
 * Keeps the user's changes safe against a value that changes under the control. Every change is an
 * operation; until the host hands our value back, the operations are pending. When a different value
 * arrives (another user saved, the form refreshed), the pending operations are replayed on that
 * latest document — a new response is added to the latest document, never to a stale one.
 * Before a change, the control may re-read the record's stored value (`mergeStored`): the changes
 * this form holds are merged into it (see merge.ts), so two forms open on one record both keep
 * their responses.
 */
import {
  addResponse,
  deleteResponse,
  emptyDocument,
  readDocument,
  serializeDocument,
  updateResponse,
  type DocumentReadResult,
  type SurveyDocument,
  type SurveyResponse,
} from './document';
import { mergeDocuments } from './merge';

export type SurveyOp =
  | { kind: 'add'; response: SurveyResponse }
  | { kind: 'update'; response: SurveyResponse }
  | { kind: 'delete'; id: string }
  /** Replace an unreadable stored value with an empty document (only ever on explicit request). */
  | { kind: 'reset' };

export type CommitResult =
  | { ok: true; value: string; document: SurveyDocument }
  | { ok: false; reason: 'tooLong'; length: number; max: number }
  | { ok: false; reason: 'gone' }
  | { ok: false; reason: 'unreadable' };

export interface ReceiveResult {
  /** The shown document or state changed. */
  changed: boolean;
  /** Pending changes were replayed on a newer document; `resend` is the value to hand back. */
  rebased: boolean;
  resend?: string;
  /** Ids of our edits dropped because someone else deleted the response (never brought back silently). */
  lostEdits?: string[];
}

export type StoredMergeResult =
  /** `changed`: the shown document now includes other users' saves; `lostEdits` as in ReceiveResult. */
  | { ok: true; changed: boolean; lostEdits: string[] }
  /** The stored value cannot be read: nothing merged (it is never overwritten by a response). */
  | { ok: false; reason: 'unreadable' };

interface Pending {
  ops: SurveyOp[];
  baseRaw: string | null;
  sent: Set<string>;
  value: string;
  document: SurveyDocument;
}

/** Applies one operation; undefined when it cannot apply (update of a response that is gone, unreadable base). */
export function applyOp(doc: SurveyDocument | undefined, op: SurveyOp): SurveyDocument | undefined {
  if (op.kind === 'reset') return doc ?? emptyDocument();
  if (doc === undefined) return undefined;
  switch (op.kind) {
    case 'add':
      return addResponse(doc, op.response);
    case 'update':
      return updateResponse(doc, op.response);
    case 'delete':
      return deleteResponse(doc, op.id);
  }
}

/** Replays operations on a newer document; an edit of a response deleted meanwhile is dropped and reported. */
function replay(
  doc: SurveyDocument | undefined,
  ops: readonly SurveyOp[],
): { doc: SurveyDocument | undefined; ops: SurveyOp[]; lostEdits: string[] } {
  const kept: SurveyOp[] = [];
  const lostEdits: string[] = [];
  for (const op of ops) {
    const next = applyOp(doc, op);
    if (next === undefined && doc !== undefined && op.kind === 'update') {
      lostEdits.push(op.response.id);
      continue;
    }
    doc = next;
    kept.push(op);
  }
  return { doc, ops: kept, lostEdits };
}

export class SurveySync {
  private hostRaw: string | null = null;
  /** The record's stored value as last known (the base our unsaved changes are relative to). */
  private storedRaw: string | null = null;
  private read: DocumentReadResult = { ok: true, document: emptyDocument() };
  private pending: Pending | undefined;

  constructor(initialRaw: string | null = null) {
    this.hostRaw = initialRaw;
    this.storedRaw = initialRaw;
    this.read = readDocument(initialRaw);
  }

  /** The document to show, or the unreadable stored value. */
  get state(): DocumentReadResult {
    if (this.pending !== undefined) return { ok: true, document: this.pending.document };
    return this.read;
  }

  /** The text behind `state`: our pending value, else the host's. Equal texts, equal states. */
  get shownValue(): string | null {
    return this.pending?.value ?? this.hostRaw;
  }

  get hasPending(): boolean {
    return this.pending !== undefined;
  }

  /** A value from the host (updateView). */
  receive(raw: string | null): ReceiveResult {
    if (raw === this.hostRaw) return { changed: false, rebased: false };
    this.hostRaw = raw;
    this.read = readDocument(raw);
    const pending = this.pending;
    if (pending === undefined) {
      this.storedRaw = raw; // the form was refreshed
      return { changed: true, rebased: false };
    }
    if (raw === pending.value) {
      this.pending = undefined;
      return { changed: false, rebased: false };
    }
    if ((raw !== null && pending.sent.has(raw)) || raw === pending.baseRaw) {
      return { changed: false, rebased: false }; // the host has not caught up with our latest value yet
    }
    this.storedRaw = raw;
    const replayed = replay(
      this.read.ok ? this.read.document : undefined,
      this.read.ok ? pending.ops.filter((op) => op.kind !== 'reset') : pending.ops,
    );
    const { doc, ops } = replayed;
    const lost = replayed.lostEdits.length > 0 ? { lostEdits: replayed.lostEdits } : {};
    if (doc === undefined) {
      this.pending = undefined;
      return { changed: true, rebased: false, ...lost };
    }
    const value = serializeDocument(doc);
    if (value === raw) {
      this.pending = undefined;
      return { changed: true, rebased: false, ...lost };
    }
    pending.sent.add(value);
    this.pending = { ops, baseRaw: raw, sent: pending.sent, value, document: doc };
    return { changed: true, rebased: true, resend: value, ...lost };
  }

  /** Applies a user's change; refused when the result would not fit the column. */
  commit(op: SurveyOp, maxLength: number | undefined): CommitResult {
    const state = this.state;
    if (!state.ok && op.kind !== 'reset') return { ok: false, reason: 'unreadable' };
    const doc = applyOp(state.ok ? state.document : undefined, op);
    if (doc === undefined) return { ok: false, reason: 'gone' };
    const value = serializeDocument(doc);
    if (maxLength !== undefined && maxLength > 0 && value.length > maxLength) {
      return { ok: false, reason: 'tooLong', length: value.length, max: maxLength };
    }
    const previous = this.pending;
    this.pending = {
      ops: [...(previous?.ops ?? []), op],
      baseRaw: previous?.baseRaw ?? this.hostRaw,
      sent: new Set([...(previous?.sent ?? []), value]),
      value,
      document: doc,
    };
    return { ok: true, value, document: doc };
  }

  /**
   * The record's stored value, re-read just before a change: the changes this form holds (relative
   * to the stored value last known) are merged into it, and the result becomes the shown document.
   * The user's change is then committed on top of it as usual.
   */
  mergeStored(raw: string | null): StoredMergeResult {
    const latest = readDocument(raw);
    if (!latest.ok) return { ok: false, reason: 'unreadable' };
    if (raw === this.storedRaw) return { ok: true, changed: false, lostEdits: [] };
    const local = this.state;
    const base = readDocument(this.storedRaw);
    const merged = local.ok
      ? mergeDocuments(base.ok ? base.document : emptyDocument(), local.document, latest.document)
      : { document: latest.document, lostEdits: [] }; // the stored value became readable: show it
    this.storedRaw = raw;
    const value = serializeDocument(merged.document);
    if (value === this.shownValue) return { ok: true, changed: false, lostEdits: merged.lostEdits };
    const previous = this.pending;
    this.pending = {
      ops: previous?.ops ?? [],
      baseRaw: previous?.baseRaw ?? this.hostRaw,
      sent: new Set([...(previous?.sent ?? []), value]),
      value,
      document: merged.document,
    };
    return { ok: true, changed: true, lostEdits: merged.lostEdits };
  }
}
