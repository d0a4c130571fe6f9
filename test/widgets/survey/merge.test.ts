import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseDocument, serializeDocument, type SurveyDocument } from '../../../src/widgets/survey/document';
import { mergeDocuments } from '../../../src/widgets/survey/merge';
import { SurveySync } from '../../../src/widgets/survey/sync';
import { documentOf, response } from './fixtures';

const a = response('a', { csat: 4 });
const b = response('b', { nps: 9 }, { authorId: 'user-boris' });
const aEdited = response('a', { csat: 2 }, { comment: 'changed my mind' });
const mine = response('mine', { csat: 5 });
const theirs = response('theirs', { nps: 3 }, { authorId: 'user-boris' });

const ids = (doc: SurveyDocument): string[] => doc.responses.map((r) => r.id);
const csatOf = (doc: SurveyDocument, id: string) => doc.responses.find((r) => r.id === id)?.answers.csat;

describe('merging this form into the stored value (three-way)', () => {
  const cases: {
    name: string;
    base: SurveyDocument;
    local: SurveyDocument;
    latest: SurveyDocument;
    ids: string[];
    lostEdits: string[];
  }[] = [
    {
      name: 'keeps both responses when two forms each added one (add/add)',
      base: documentOf(a),
      local: documentOf(a, mine),
      latest: documentOf(a, theirs),
      ids: ['a', 'theirs', 'mine'],
      lostEdits: [],
    },
    {
      name: 'keeps a response deleted by someone else deleted while adding ours (add/delete)',
      base: documentOf(a, b),
      local: documentOf(a, b, mine),
      latest: documentOf(a),
      ids: ['a', 'mine'],
      lostEdits: [],
    },
    {
      name: 'removes the response we deleted and keeps what others added (delete/add)',
      base: documentOf(a, b),
      local: documentOf(b),
      latest: documentOf(a, b, theirs),
      ids: ['b', 'theirs'],
      lostEdits: [],
    },
    {
      name: 'reports our edit of a response someone else deleted instead of bringing it back',
      base: documentOf(a, b),
      local: documentOf(aEdited, b),
      latest: documentOf(b),
      ids: ['b'],
      lostEdits: ['a'],
    },
    {
      name: 'writes our edit over the stored copy when the response still exists',
      base: documentOf(a, b),
      local: documentOf(aEdited, b),
      latest: documentOf(a, b, theirs),
      ids: ['a', 'b', 'theirs'],
      lostEdits: [],
    },
    {
      name: 'takes the stored value as is when this form changed nothing',
      base: documentOf(a),
      local: documentOf(a),
      latest: documentOf(b),
      ids: ['b'],
      lostEdits: [],
    },
    {
      name: 'does not duplicate our response once the stored value already has it',
      base: documentOf(a),
      local: documentOf(a, mine),
      latest: documentOf(a, mine, theirs),
      ids: ['a', 'mine', 'theirs'],
      lostEdits: [],
    },
  ];
  it.each(cases)('$name', ({ base, local, latest, ids: expected, lostEdits }) => {
    const merged = mergeDocuments(base, local, latest);
    expect(ids(merged.document)).toEqual(expected);
    expect(merged.lostEdits).toEqual(lostEdits);
  });

  it('keeps our edited answers, not the stored ones', () => {
    const merged = mergeDocuments(documentOf(a), documentOf(aEdited), documentOf(a, theirs));
    expect(csatOf(merged.document, 'a')).toBe(2);
  });

  it('keeps the unknown fields of the stored document', () => {
    const latest: SurveyDocument = { ...documentOf(theirs), extra: { owner: 'newer writer' } };
    const merged = mergeDocuments(documentOf(), documentOf(mine), latest);
    expect(serializeDocument(merged.document)).toContain('"owner":"newer writer"');
  });
});

describe('SurveySync.mergeStored (the re-read before a save)', () => {
  const stored = (...docs: Parameters<typeof documentOf>) => serializeDocument(documentOf(...docs));

  it('adds a new response on top of the value another form saved meanwhile', () => {
    const sync = new SurveySync(stored(a));
    expect(sync.mergeStored(stored(a, theirs))).toEqual({ ok: true, changed: true, lostEdits: [] });
    const result = sync.commit({ kind: 'add', response: mine }, undefined);
    expect(result.ok && ids(result.document)).toEqual(['a', 'theirs', 'mine']);
  });

  it('keeps an earlier unsaved response of this form when the stored value moved on', () => {
    const sync = new SurveySync(stored(a));
    const first = sync.commit({ kind: 'add', response: mine }, undefined);
    expect(first.ok).toBe(true);
    if (first.ok) sync.receive(first.value); // the form took our value but did not save it yet
    sync.mergeStored(stored(a, theirs));
    const second = sync.commit({ kind: 'add', response: response('mine2', {}) }, undefined);
    expect(second.ok && ids(second.document)).toEqual(['a', 'theirs', 'mine', 'mine2']);
  });

  it('keeps a response deleted by someone else deleted', () => {
    const sync = new SurveySync(stored(a, b));
    sync.mergeStored(stored(a));
    const result = sync.commit({ kind: 'add', response: mine }, undefined);
    expect(result.ok && ids(result.document)).toEqual(['a', 'mine']);
  });

  it('refuses the edit of a response someone else deleted (reported, not brought back)', () => {
    const sync = new SurveySync(stored(a, b));
    sync.mergeStored(stored(b));
    expect(sync.commit({ kind: 'update', response: aEdited }, undefined)).toEqual({
      ok: false,
      reason: 'gone',
    });
  });

  it('reports an unsaved edit of this form whose response someone else deleted', () => {
    const sync = new SurveySync(stored(a, b));
    sync.commit({ kind: 'update', response: aEdited }, undefined);
    const merged = sync.mergeStored(stored(b));
    expect(merged).toEqual({ ok: true, changed: true, lostEdits: ['a'] });
    expect(sync.state.ok && ids(sync.state.document)).toEqual(['b']);
  });

  it('merges nothing and changes nothing when the stored value cannot be read', () => {
    const sync = new SurveySync(stored(a));
    sync.commit({ kind: 'add', response: mine }, undefined);
    const before = sync.shownValue;
    expect(sync.mergeStored('{"version":1,"responses":[{"id":')).toEqual({ ok: false, reason: 'unreadable' });
    expect(sync.shownValue).toBe(before);
  });

  it('reports no change when nobody saved since this form loaded', () => {
    const sync = new SurveySync(stored(a));
    expect(sync.mergeStored(stored(a))).toEqual({ ok: true, changed: false, lostEdits: [] });
    expect(sync.hasPending).toBe(false);
  });

  it('shows a stored value that became readable instead of starting over on it', () => {
    const sync = new SurveySync('not json');
    expect(sync.mergeStored(stored(theirs))).toMatchObject({ ok: true, changed: true });
    const reset = sync.commit({ kind: 'reset' }, undefined);
    expect(reset.ok && ids(reset.document)).toEqual(['theirs']);
  });

  it("brings back this form's response at its next change when a stale form save overwrote it", () => {
    const s0 = stored(a);
    const [formA, formB] = [new SurveySync(s0), new SurveySync(s0)];
    formA.mergeStored(s0);
    const va = formA.commit({ kind: 'add', response: mine }, undefined);
    formB.mergeStored(s0);
    const vb = formB.commit({ kind: 'add', response: theirs }, undefined);
    if (!va.ok || !vb.ok) throw new Error('not saved');
    formA.receive(va.value);
    formB.receive(vb.value);
    // B's form saves, then A's form saves its older value over it: 'theirs' is gone from the record.
    formB.mergeStored(va.value);
    const next = formB.commit({ kind: 'add', response: response('later', {}) }, undefined);
    expect(next.ok && ids(next.document)).toEqual(['a', 'mine', 'theirs', 'later']);
  });

  it('ignores the form still reporting its old value after a merge', () => {
    const old = stored(a);
    const sync = new SurveySync(old);
    sync.mergeStored(stored(a, theirs));
    const result = sync.commit({ kind: 'add', response: mine }, undefined);
    expect(sync.receive(old)).toEqual({ changed: false, rebased: false });
    expect(result.ok && sync.shownValue).toBe(result.ok ? result.value : '');
  });
});

describe('two forms saving on one record (property)', () => {
  it('loses no response and brings back no deleted one when stale forms save in turn', () => {
    type Step = { form: 0 | 1; action: 'add' | 'deleteOwn' };
    const step = fc.record({
      form: fc.constantFrom<0 | 1>(0, 1),
      action: fc.constantFrom<'add' | 'deleteOwn'>('add', 'deleteOwn'),
    });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 25 }), (steps: Step[]) => {
        let record = serializeDocument(documentOf());
        // Two forms opened once and never refreshed: each only ever sees its own values.
        const forms = [0, 1].map(() => new SurveySync(record));
        const expected = new Set<string>();
        steps.forEach(({ form, action }, i) => {
          const sync = forms[form]!;
          const author = `user-${form}`;
          const merged = sync.mergeStored(record); // the re-read before the change
          expect(merged.ok).toBe(true);
          const state = sync.state;
          if (!state.ok) throw new Error('unreadable');
          const own = state.document.responses.find((r) => r.authorId === author);
          if (action === 'deleteOwn' && own === undefined) return;
          const result = sync.commit(
            action === 'add'
              ? { kind: 'add', response: response(`r${i}`, {}, { authorId: author }) }
              : { kind: 'delete', id: own!.id },
            undefined,
          );
          if (!result.ok) throw new Error(result.reason);
          if (action === 'add') expected.add(`r${i}`);
          else expected.delete(own!.id);
          sync.receive(result.value); // the form takes the value…
          record = result.value; // …and saves it
        });
        expect(ids(parseDocument(record)).sort()).toEqual([...expected].sort());
      }),
    );
  });
});
