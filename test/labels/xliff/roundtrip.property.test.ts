import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { exportLabels } from '../../../src/labels';
import { importLabels } from '../../../src/labels/import';
import { encodeXmlText } from '../../../src/labels/crm-xml/xml-text';
import { readXliff, type XliffVersion } from '../../../src/labels/xliff';
import { XML_ILLEGAL } from '../../../src/xml/entities';
import { minimalXml, readAll, row } from '../crm-xml/support';
import { removeTempDirs, tempDir } from '../support';

afterAll(removeTempDirs);

const LANGS = [1033, 1049] as const;

/** Texts with placeholders among arbitrary Unicode, spaces, line breaks and markup-like characters. */
const text = fc
  .array(
    fc.oneof(
      fc.constantFrom('{0}', '{1}', '{2}', ' ', '\r\n', '\n', '&', '<b>', '"', 'ё', '👍🏽', 'مرحبا'),
      fc.string({ unit: 'grapheme', maxLength: 8 }),
    ),
    { maxLength: 6 },
  )
  .map((parts) => parts.join(''))
  .filter((t) => !XML_ILLEGAL.test(t));

function xmlOf(labels: readonly (readonly string[])[]): string {
  const rows = labels.map((texts, i) =>
    row('account', `id-${i}`, 'DisplayName', ...texts.map(encodeXmlText)),
  );
  return minimalXml(rows.join(''), { languages: LANGS });
}

const labelsArb = fc.array(
  fc.tuple(
    text.filter((t) => t.trim() !== ''),
    text,
  ),
  { minLength: 1, maxLength: 5 },
);

describe('export → XLIFF → import with placeholders among arbitrary texts', () => {
  it.each(['1.2', '2.0'] as const)(
    'reads every text back from XLIFF %s, imports it unedited byte-identically, and lands a translation whose placeholders were moved',
    async (version: XliffVersion) => {
      await fc.assert(
        fc.asyncProperty(labelsArb, fc.nat(), fc.string({ maxLength: 10 }), async (labels, pick, typed) => {
          fc.pre(!XML_ILLEGAL.test(typed));
          const dir = tempDir('crmkit-xliff-prop-');
          const xml = xmlOf(labels);
          writeFileSync(path.join(dir, 'in.xml'), xml);
          const file = (name: string) => ({ path: path.join(dir, name), name });
          await exportLabels({ input: file('in.xml'), output: file('ru.xlf'), xliffVersion: version });
          const exported = readFileSync(path.join(dir, 'ru.xlf'), 'utf8');
          const units = readXliff(exported, 'ru.xlf').units;
          expect(units.map((u) => [u.source, u.target ?? ''])).toEqual(labels);

          await importLabels({ workbooks: [file('ru.xlf')], into: file('in.xml'), output: file('same.xml') });
          expect(readFileSync(path.join(dir, 'same.xml'), 'utf8')).toBe(xml);

          // The translator types a text and puts the base's placeholders after it in reverse order.
          const index = pick % labels.length;
          const unitTag = version === '1.2' ? 'trans-unit' : 'unit';
          const unit = new RegExp(
            `<${unitTag} [^>]*name="[^"]*/id-${index}/DisplayName"[\\s\\S]*?</${unitTag}>`,
          ).exec(exported)![0];
          const tags = [
            ...(/<source>(.*)<\/source>/s.exec(unit)?.[1] ?? '').matchAll(/<ph [^>]*?(?:\/>|>[^<]*<\/ph>)/g),
          ].map((m) => m[0]);
          const codes = [...labels[index]![0].matchAll(/\{\d+\}/g)].map((m) => m[0]);
          const target = `${encodeXmlText(typed)}${[...tags].reverse().join('')}`;
          // A CAT tool marks the segment translated (2.0); a 1.2 target without state is imported as is.
          const edited = unit
            .replace('state="initial"', 'state="translated"')
            .replace(/<target[^>]*>[\s\S]*<\/target>/, '')
            // Replaced by functions: a typed `$&` or `$'` is text, not a replacement pattern.
            .replace('</source>', () => `</source><target>${target}</target>`);
          writeFileSync(
            path.join(dir, 'edited.xlf'),
            exported.replace(unit, () => edited),
          );
          const expected = `${typed}${[...codes].reverse().join('')}`;
          await importLabels({
            workbooks: [file('edited.xlf')],
            into: file('in.xml'),
            output: file('out.xml'),
          }).then(
            async () => {
              const after = (await readAll(readFileSync(path.join(dir, 'out.xml')))).labels;
              const landed = expected === '' ? labels[index]![1] : expected;
              expect(after.map((l) => l.texts.get(1049))).toEqual(
                labels.map((t, i) =>
                  i === index && landed.replace(/\r\n/g, '\n') !== t[1].replace(/\r\n/g, '\n')
                    ? landed
                    : t[1],
                ),
              );
            },
            (e: unknown) => {
              // Refused only for what refuses any edit: a label over 500 characters cannot happen here,
              // so only a text the base's placeholders rule refuses (a `{n}` typed beyond the base's).
              expect(String(e)).toMatch(/problem\(s\) in the workbooks/);
              expect(/\{\d+\}/.test(typed)).toBe(true);
            },
          );
        }),
        { numRuns: 12 },
      );
    },
  );
});
