/**
 * Golden files: the XML of a small workbook's parts, as committed. A change in the layout, the
 * styles or the escaping shows up as a diff here. Regenerate deliberately with
 * `UPDATE_GOLDEN=1 npx vitest run test/labels/workbook/golden.test.ts` and review the diff.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BASE, label, options, partText, writeWorkbook } from './helpers';

const goldenDir = path.resolve(import.meta.dirname, '../../fixtures/workbook/golden');
const update = process.env.UPDATE_GOLDEN === '1';

async function goldenWorkbook(): Promise<Buffer> {
  return writeWorkbook(
    [
      label('Display Strings', 'account', 'Message.Saved', '', {
        [BASE]: 'Saved {0}.',
        1049: 'Сохранено: {0}.',
      }),
      label('Localized Labels', 'account', '0b1c0000-0000-0000-0000-000000000001', 'LocalizedName', {
        [BASE]: 'Account',
        1049: 'Организация',
        1037: 'חשבון',
      }),
      label('Localized Labels', 'account', '0b1c0000-0000-0000-0000-000000000002', 'Description', {
        [BASE]: ' Two\r\nlines & <more> ',
        1049: '=SUM(A1) _x000D_ \u0007',
      }),
      {
        label: label('Localized Labels', 'account', '0b1c0000-0000-0000-0000-000000000003', 'DisplayName', {
          [BASE]: 'Phone',
        }),
        suggestions: new Map([[1049, { text: 'Телефон', source: 'A.zip' }]]),
      },
    ],
    options([1049, 1037]),
  );
}

describe('golden workbook parts', () => {
  it.each([
    'xl/worksheets/sheet1.xml',
    'xl/worksheets/sheet2.xml',
    'xl/worksheets/sheet3.xml',
    'xl/styles.xml',
    'xl/workbook.xml',
    'xl/comments2.xml',
  ])('%s is as committed', async (part) => {
    const actual = await partText(await goldenWorkbook(), part);
    const file = path.join(goldenDir, part.replaceAll('/', '_'));
    if (update || !existsSync(file)) {
      if (!update) console.warn(`golden file ${file} was missing and has been written; review and commit it`);
      writeFileSync(file, actual);
    }
    expect(actual).toBe(readFileSync(file, 'utf8'));
  });
});
