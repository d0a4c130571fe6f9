import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseDocument, serializeDocument } from '../../../src/widgets/survey/document';
import { SurveySync } from '../../../src/widgets/survey/sync';
import { documentOf, response } from './fixtures';

const ids = (raw: string | undefined): string[] => parseDocument(raw ?? '').responses.map((r) => r.id);

describe('survey sync with the host value', () => {
  it('adds a new response to the latest document when another user saved meanwhile', () => {
    const v1 = serializeDocument(documentOf(response('a', { csat: 4 })));
    const sync = new SurveySync(v1);
    const mine = sync.commit({ kind: 'add', response: response('mine', { csat: 5 }) }, undefined);
    expect(mine.ok).toBe(true);
    // The form is refreshed with another user's save before ours lands.
    const theirs = serializeDocument(documentOf(response('a', { csat: 4 }), response('theirs', { nps: 3 })));
    const received = sync.receive(theirs);
    expect(received.rebased).toBe(true);
    expect(ids(received.resend)).toEqual(['a', 'theirs', 'mine']);
    // Our rebased value comes back: nothing pending any more.
    expect(sync.receive(received.resend!).changed).toBe(false);
    expect(sync.hasPending).toBe(false);
  });

  it('keeps showing the pending change while the host still reports the old value', () => {
    const v1 = serializeDocument(documentOf());
    const sync = new SurveySync(v1);
    sync.commit({ kind: 'add', response: response('mine', {}) }, undefined);
    expect(sync.receive(v1)).toEqual({ changed: false, rebased: false });
    expect(sync.state.ok && sync.state.document.responses.map((r) => r.id)).toEqual(['mine']);
  });

  it('refuses a change that would exceed the column maximum length and keeps the old document', () => {
    const sync = new SurveySync('');
    const result = sync.commit(
      { kind: 'add', response: response('big', {}, { comment: 'x'.repeat(500) }) },
      300,
    );
    expect(result).toMatchObject({ ok: false, reason: 'tooLong', max: 300 });
    expect(sync.hasPending).toBe(false);
    expect(sync.state.ok && sync.state.document.responses).toEqual([]);
  });

  it('never changes an unreadable value except by an explicit start over', () => {
    const sync = new SurveySync('not json at all');
    expect(sync.commit({ kind: 'add', response: response('a', {}) }, undefined)).toEqual({
      ok: false,
      reason: 'unreadable',
    });
    expect(sync.state.ok).toBe(false);
    const reset = sync.commit({ kind: 'reset' }, undefined);
    expect(reset).toMatchObject({ ok: true, value: '{"version":1,"responses":[]}' });
  });

  it('does not wipe a document that became readable while a start over was pending', () => {
    const sync = new SurveySync('broken');
    sync.commit({ kind: 'reset' }, undefined);
    sync.commit({ kind: 'add', response: response('mine', {}) }, undefined);
    const repaired = serializeDocument(documentOf(response('other', {})));
    const received = sync.receive(repaired);
    expect(ids(received.resend)).toEqual(['other', 'mine']);
  });

  it('drops and reports a pending edit when a refreshed form no longer has the response', () => {
    const sync = new SurveySync(serializeDocument(documentOf(response('a', { csat: 4 }), response('b', {}))));
    sync.commit({ kind: 'update', response: response('a', { csat: 1 }) }, undefined);
    sync.commit({ kind: 'add', response: response('mine', {}) }, undefined);
    const refreshed = serializeDocument(documentOf(response('b', {})));
    const received = sync.receive(refreshed);
    expect(received.lostEdits).toEqual(['a']);
    expect(ids(received.resend)).toEqual(['b', 'mine']);
  });

  it('reports an edit of a response deleted by someone else', () => {
    const sync = new SurveySync(serializeDocument(documentOf()));
    expect(sync.commit({ kind: 'update', response: response('gone', {}) }, undefined)).toEqual({
      ok: false,
      reason: 'gone',
    });
  });
});

describe('survey sync (properties)', () => {
  it('never loses a saved response, whatever other saves land before the host catches up', () => {
    type Step = 'mine' | 'other' | 'accept';
    fc.assert(
      fc.property(fc.array(fc.constantFrom<Step>('mine', 'other', 'accept'), { maxLength: 25 }), (steps) => {
        let host = serializeDocument(documentOf());
        const sync = new SurveySync(host);
        let lastOutput: string | undefined;
        const expected: string[] = [];
        steps.forEach((step, i) => {
          if (step === 'mine') {
            const result = sync.commit(
              { kind: 'add', response: response(`mine${i}`, { csat: 4 }) },
              undefined,
            );
            if (result.ok) {
              lastOutput = result.value;
              expected.push(`mine${i}`);
            }
          } else if (step === 'accept' && lastOutput !== undefined) {
            host = lastOutput;
            lastOutput = undefined;
            sync.receive(host);
          } else if (step === 'other') {
            // Another user saves on top of whatever the host currently holds.
            host = serializeDocument(documentOf(...parseDocument(host).responses, response(`other${i}`, {})));
            expected.push(`other${i}`);
            const received = sync.receive(host);
            if (received.resend !== undefined) lastOutput = received.resend;
          }
        });
        if (lastOutput !== undefined) {
          host = lastOutput;
          sync.receive(host);
        }
        expect(sync.hasPending).toBe(false);
        expect(ids(host).sort()).toEqual([...expected].sort());
      }),
    );
  });
});
