import { describe, expect, it } from 'vitest';
import { serializeDocument } from '../../../src/widgets/survey/document';
import { rereadAndMerge, type RereadOutcome } from '../../../src/widgets/survey/reread';
import { SurveySync } from '../../../src/widgets/survey/sync';
import { documentOf, response } from './fixtures';

const a = response('a', { csat: 4 });
const b = response('b', { csat: 2 });
const stored = serializeDocument(documentOf(a, b));
const never = new Promise<string | null>(() => undefined);

describe('re-reading the stored value before a change', () => {
  const cases: {
    name: string;
    reading: () => Promise<string | null>;
    resetting?: boolean;
    expected: RereadOutcome;
  }[] = [
    {
      name: 'goes ahead quietly when nobody saved meanwhile',
      reading: () => Promise.resolve(stored),
      expected: { proceed: true, status: undefined },
    },
    {
      name: 'goes ahead and says so when someone else saved meanwhile',
      reading: () => Promise.resolve(serializeDocument(documentOf(a, b, response('c', {})))),
      expected: { proceed: true, notice: { key: 'state.rebased', kind: 'info' }, status: undefined },
    },
    {
      name: 'falls back to the form copy with a status line when the re-read fails',
      reading: () => Promise.reject(new Error('offline')),
      expected: { proceed: true, status: 'recheckFailed' },
    },
    {
      name: 'falls back to the form copy when the re-read does not answer in time',
      reading: () => never,
      expected: { proceed: true, status: 'recheckFailed' },
    },
    {
      name: 'stops the change when the stored value became unreadable',
      reading: () => Promise.resolve('hand-typed notes'),
      expected: {
        proceed: false,
        notice: { key: 'state.storedUnreadable', kind: 'error' },
        status: undefined,
      },
    },
    {
      name: 'lets an explicit start over go ahead on an unreadable value',
      reading: () => Promise.resolve('hand-typed notes'),
      resetting: true,
      expected: { proceed: true, status: undefined },
    },
  ];
  it.each(cases)('$name', async ({ reading, resetting, expected }) => {
    const sync = new SurveySync(stored);
    await expect(rereadAndMerge(sync, reading(), 20, resetting ?? false)).resolves.toEqual(expected);
  });

  it('tells about an edit of this form lost to a delete by someone else', async () => {
    const sync = new SurveySync(stored);
    sync.commit({ kind: 'update', response: response('a', { csat: 1 }) }, undefined);
    const outcome = await rereadAndMerge(sync, Promise.resolve(serializeDocument(documentOf(b))), 20, false);
    expect(outcome).toEqual({
      proceed: true,
      notice: { key: 'state.editLost', kind: 'error' },
      status: undefined,
    });
  });
});
