import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { sameText } from '../../../src/labels/crm-xml/model';
import type { FixtureLabel } from '../../fixtures/crm-xml/translations';
import { removeTempDirs } from '../support';
import { ll, pushFixture, resultTexts } from './support';

afterAll(removeTempDirs);

/** Texts XML can carry (control characters left out), line breaks and spaces included. */
const text = fc
  .oneof(fc.string({ unit: 'grapheme', maxLength: 20 }), fc.constantFrom('', 'a\nb', ' lead', '=1+1', 'Счёт'))
  // eslint-disable-next-line no-control-regex
  .map((s) => s.replace(/[\u0000-\u0008\u000B-\u001F\uFFFE\uFFFF]/g, ''));

/** Texts a translator types in another program (no CR, no outer spaces, no `_xHHHH_`; see roundtrip.property). */
const typed = text.filter((t) => t !== '' && !/\r|^\s|\s$|_x[0-9A-Fa-f]{4}_|\{\d+\}/.test(t));

const labelsArb = fc.array(
  fc.tuple(
    text.filter((t) => t.trim() !== '' && !/\{\d+\}/.test(t)),
    text,
    text,
  ),
  {
    minLength: 1,
    maxLength: 5,
  },
);

const fixtureLabels = (rows: readonly (readonly string[])[]): FixtureLabel[] =>
  rows.map(([base = '', ru = '', bg = ''], i) => ({
    entity: 'account',
    objectId: `id${i}`,
    texts: { 1033: base, 1049: ru, 1026: bg },
  }));

/** What the environment did since the export: per label, maybe new Russian and Bulgarian texts. */
const envChanges = fc.array(fc.option(fc.tuple(text, text), { nil: undefined }), { maxLength: 5 });

function applyEnv(
  labels: FixtureLabel[],
  changes: readonly ([string, string] | undefined)[],
): FixtureLabel[] {
  return labels.map((l, i) => {
    const c = changes[i];
    return c === undefined ? l : { ...l, texts: { ...l.texts, 1049: c[0], 1026: c[1] } };
  });
}

describe('planPush, for any labels', () => {
  it('an unedited workbook plans no change, whatever the environment changed since', async () => {
    await fc.assert(
      fc.asyncProperty(labelsArb, envChanges, async (rows, changes) => {
        const f = pushFixture('crmkit-push-prop-');
        const labels = fixtureLabels(rows);
        await f.translations('exported.zip', { labels, solution: 'P' });
        await f.workbook('w.xlsx', 'exported.zip');
        await f.translations('fresh.zip', { labels: applyEnv(labels, changes), solution: 'P' });
        const plan = await f.plan('fresh.zip', f.books('w.xlsx'));
        expect(plan.changes).toEqual([]);
        expect(plan.conflicts).toEqual([]);
        expect(plan.result).toBeUndefined();
      }),
      { numRuns: 12 },
    );
  });

  it('one typed cell lands exactly, and every label the environment changed elsewhere keeps its texts', async () => {
    await fc.assert(
      fc.asyncProperty(labelsArb, envChanges, fc.nat(), typed, async (rows, changes, pick, typedText) => {
        const index = pick % rows.length;
        fc.pre(!sameText(typedText, rows[index]![1]));
        const f = pushFixture('crmkit-push-prop-');
        const labels = fixtureLabels(rows);
        // The environment leaves the edited label alone (a change there is a conflict, tested apart).
        const env = applyEnv(
          labels,
          changes.map((c, i) => (i === index ? undefined : c)),
        );
        await f.translations('exported.zip', { labels, solution: 'P' });
        await f.workbook('ru.xlsx', 'exported.zip', [[ll(`id${index}`, 1049), typedText]], [1049]);
        await f.translations('fresh.zip', { labels: env, solution: 'P' });
        const plan = await f.plan('fresh.zip', f.books('ru.xlsx'));
        expect(plan.conflicts).toEqual([]);
        const expected = Object.fromEntries(
          env.map((l, i) => [
            l.objectId,
            Object.fromEntries(
              Object.entries(l.texts).map(([lcid, t]) => [
                lcid,
                i === index && lcid === '1049' ? typedText : t,
              ]),
            ),
          ]),
        );
        expect(await resultTexts(plan)).toEqual(expected);
      }),
      { numRuns: 12 },
    );
  });
});
