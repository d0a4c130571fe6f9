/** Which sheet the workbook opens on: the label sheet with the most rows. */
import { describe, expect, it } from 'vitest';
import { BASE, label, options, partText, writeWorkbook } from './helpers';

const displayString = (i: number) =>
  label('Display Strings', 'account', `Message.${i}`, '', { [BASE]: `Message ${i}` });
const localized = (i: number) =>
  label(
    'Localized Labels',
    'account',
    `00000000-0000-0000-0000-${String(i).padStart(12, '0')}`,
    'DisplayName',
    {
      [BASE]: `Label ${i}`,
    },
  );
const many = <T>(n: number, make: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => make(i));

describe('the sheet the workbook opens on', () => {
  it.each([
    {
      case: 'more Localized Labels',
      rows: [...many(2, displayString), ...many(5, localized)],
      sheet: 'Localized Labels',
    },
    {
      case: 'more Display Strings',
      rows: [...many(5, displayString), ...many(2, localized)],
      sheet: 'Display Strings',
    },
    {
      case: 'as many of each (the first)',
      rows: [...many(3, displayString), ...many(3, localized)],
      sheet: 'Display Strings',
    },
    { case: 'no Display Strings', rows: many(3, localized), sheet: 'Localized Labels' },
  ])('is the label sheet with the most rows: $case', async ({ rows, sheet }) => {
    const workbookXml = await partText(await writeWorkbook(rows, options([1049])), 'xl/workbook.xml');
    const names = [...workbookXml.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]);
    const active = Number(/<workbookView [^>]*activeTab="(\d+)"/.exec(workbookXml)?.[1]);
    expect(names[active]).toBe(sheet);
  });
});
