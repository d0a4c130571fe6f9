/**
 * Keeps the user's changes safe against a value that changes under the control. Every change is an
 * operation; until the host hands our value back, the operations are pending. When a different value
 * arrives (another user saved, the form refreshed), the pending operations are replayed on that
 * latest document — a new response is added to the latest document, never to a stale one.
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
}

interface Pending {
  ops: SurveyOp[];
  baseRaw: string | null;
  sent: Set<string>;
  value: string;
  document: SurveyDocument;
}

/** Applies one operation; undefined when it cannot apply (update of a response that is gone, unreadable base). */
export function applyOp(
  doc: SurveyDocument | undefined,
  op: SurveyOp,
  replaying: boolean,
): SurveyDocument | undefined {
  if (op.kind === 'reset') return doc ?? emptyDocument();
  if (doc === undefined) return undefined;
  switch (op.kind) {
    case 'add':
      return addResponse(doc, op.response);
    case 'update':
      // While replaying, an edit of a response someone else deleted is kept by adding it back.
      return updateResponse(doc, op.response) ?? (replaying ? addResponse(doc, op.response) : undefined);
    case 'delete':
      return deleteResponse(doc, op.id);
  }
}

export class SurveySync {
  private hostRaw: string | null = null;
  private read: DocumentReadResult = { ok: true, document: emptyDocument() };
  private pending: Pending | undefined;

  constructor(initialRaw: string | null = null) {
    this.hostRaw = initialRaw;
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
    if (pending === undefined) return { changed: true, rebased: false };
    if (raw === pending.value) {
      this.pending = undefined;
      return { changed: false, rebased: false };
    }
    if ((raw !== null && pending.sent.has(raw)) || raw === pending.baseRaw) {
      return { changed: false, rebased: false }; // the host has not caught up with our latest value yet
    }
    let doc: SurveyDocument | undefined = this.read.ok ? this.read.document : undefined;
    const ops = this.read.ok ? pending.ops.filter((op) => op.kind !== 'reset') : pending.ops;
    for (const op of ops) doc = applyOp(doc, op, true);
    if (doc === undefined) {
      this.pending = undefined;
      return { changed: true, rebased: false };
    }
    const value = serializeDocument(doc);
    if (value === raw) {
      this.pending = undefined;
      return { changed: true, rebased: false };
    }
    pending.sent.add(value);
    this.pending = { ops, baseRaw: raw, sent: pending.sent, value, document: doc };
    return { changed: true, rebased: true, resend: value };
  }

  /** Applies a user's change; refused when the result would not fit the column. */
  commit(op: SurveyOp, maxLength: number | undefined): CommitResult {
    const state = this.state;
    if (!state.ok && op.kind !== 'reset') return { ok: false, reason: 'unreadable' };
    const doc = applyOp(state.ok ? state.document : undefined, op, false);
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
}
