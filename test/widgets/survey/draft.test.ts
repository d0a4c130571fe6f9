import { describe, expect, it } from 'vitest';
import { draftFor, draftProblem, responseFromDraft } from '../../../src/widgets/survey/draft';
import { response } from './fixtures';

describe('response draft', () => {
  it('starts a new response with the current user as respondent and nothing rated', () => {
    const draft = draftFor(undefined, 'Anna Petrova');
    expect(draft).toMatchObject({ respondent: 'Anna Petrova', channel: 'phone', comment: '' });
    expect(draft.answers.size).toBe(0);
    expect(draftProblem(draft)).toBe('form.nothingAnswered');
    expect(draftProblem({ ...draft, respondent: '  ' })).toBe('form.respondentRequired');
  });

  it("suggests the role of the user's previous response", () => {
    expect(draftFor(undefined, 'Anna', response('old', {}, { role: 'delivery' })).role).toBe('delivery');
  });

  it("keeps an edited response's time, author and unknown fields and stamps the edit", () => {
    const original = response('r1', { csat: 2 }, { extra: { sentiment: 'negative' }, authorId: 'u1' });
    const draft = draftFor(original, 'someone else');
    draft.answers.set('csat', 5);
    const edited = responseFromDraft(draft, original, 'u2', new Date('2026-11-25T08:00:00Z'));
    expect(edited).toMatchObject({
      id: 'r1',
      at: original.at,
      authorId: 'u1',
      answers: { csat: 5 },
      extra: { sentiment: 'negative' },
      updatedAt: '2026-11-25T08:00:00.000Z',
    });
  });

  it('gives a new response a fresh id, the current time and the current user as author', () => {
    const draft = draftFor(undefined, 'Anna');
    draft.comment = 'Called back';
    const a = responseFromDraft(draft, undefined, 'u1', new Date('2026-11-25T08:00:00Z'));
    const b = responseFromDraft(draft, undefined, 'u1', new Date('2026-11-25T08:00:00Z'));
    expect(a.id).not.toBe(b.id);
    expect(a).toMatchObject({ at: '2026-11-25T08:00:00.000Z', authorId: 'u1', comment: 'Called back' });
    expect(a.updatedAt).toBeUndefined();
  });
});
