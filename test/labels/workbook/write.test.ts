/**
 * The writer's output, read by SheetJS (an independent xlsx library) and, for what SheetJS does
 * not model (lock flags, validation, panes), by looking at the OOXML parts themselves.
 */
import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { SUGGESTION_FILL_ARGB } from '../../../src/labels/workbook/styles';
import { asSheetJsReadsIt, BASE, label, options, partText, readBack, writeWorkbook } from './helpers';

const targets = [1049, 1026, 1058];
const tricky = [
  '=SUM(A1:A2)',
  '  leading and trailing  ',
  'line one\nline two',
  'windows\r\nbreak',
  '00123',
  '1e5',
  'TRUE',
  '{0} was saved by {1}',
  'A & B <tag> "quoted"',
  'literal _x000D_ escape',
  'emoji 🚀 and עברית',
];

const labels = [
  label('Localized Labels', 'pl_salesorder', '02efc0ba-f85d-f011-bec2-000d3aa38385', 'LocalizedName', {
    [BASE]: 'Sales Order',
    1049: 'Заказ на продажу',
    1026: 'Поръчка за продажба',
    1058: '',
  }),
  label(
    'Localized Labels',
    'pl_salesorder',
    '12efc0ba-f85d-f011-bec2-000d3aa38385',
    'LocalizedCollectionName',
    {
      [BASE]: 'Sales Orders',
      1058: 'Замовлення',
    },
  ),
  ...tricky.map((text, i) =>
    label('Localized Labels', 'account', `0000000${i}-0000-0000-0000-000000000000`, 'DisplayName', {
      [BASE]: `Base ${i}`,
      1049: text,
      1026: i % 2 === 0 ? text : '',
    }),
  ),
  label('Display Strings', 'pl_salesorder', 'Message.Submit.Confirm', '', {
    [BASE]: 'Submit {0}?',
    1049: 'Отправить {0}?',
  }),
];

const byRow = (sheet: XLSX.WorkSheet): Record<string, unknown>[] =>
  XLSX.utils.sheet_to_json<Record<string, unknown>>(sheet, { defval: '', raw: true });

describe('the translator workbook as another library reads it', () => {
  let xlsx: Buffer;
  let book: XLSX.WorkBook;
  beforeAll(async () => {
    xlsx = await writeWorkbook(
      [
        ...labels,
        {
          label: label('Localized Labels', 'contact', 'ffffffff-0000-0000-0000-000000000000', 'DisplayName', {
            [BASE]: 'Phone',
            1049: 'Телефон',
          }),
          suggestions: new Map([
            [1049, { text: 'НЕ ДОЛЖНО ПОПАСТЬ', source: 'old.zip' }],
            [1026, { text: 'Телефон', source: 'CrmTranslations_Other_1_0.zip' }],
          ]),
        },
      ],
      options(targets),
    );
    book = XLSX.read(xlsx, { type: 'buffer', cellFormula: true, cellText: false, cellStyles: true });
  });

  it('has the label sheets in source order, then the very hidden meta sheet', () => {
    expect(book.SheetNames).toEqual(['Display Strings', 'Localized Labels', '_crmkit']);
    const hidden = book.Workbook?.Sheets?.map((s) => s.Hidden);
    expect(hidden).toEqual([0, 0, 2]);
  });

  it('heads the columns with keys, context, the base language and each target language in its own name', () => {
    const header = XLSX.utils.sheet_to_json<string[]>(book.Sheets['Localized Labels']!, { header: 1 })[0];
    expect(header).toEqual([
      'Entity name',
      'Object ID',
      'Object Column Name',
      'Context',
      'English (1033)',
      'Русский (1049)',
      'Български (1026)',
      'Українська (1058)',
      'crmkit row token (do not edit)',
    ]);
    const display = XLSX.utils.sheet_to_json<string[]>(book.Sheets['Display Strings']!, { header: 1 })[0];
    expect(display?.slice(0, 4)).toEqual(['Entity name', 'Display String Key', 'Context', 'English (1033)']);
  });

  it('puts every text in its own language column, verbatim', () => {
    const rows = byRow(book.Sheets['Localized Labels']!);
    for (const input of labels.filter((l) => l.sheet === 'Localized Labels')) {
      const row = rows.find((r) => r['Object ID'] === input.objectId);
      expect(row, input.objectId).toBeDefined();
      expect(row!['Entity name']).toBe(input.entity);
      expect(row!['Object Column Name']).toBe(input.column);
      expect(row!['English (1033)']).toBe(asSheetJsReadsIt(input.texts.get(BASE) ?? ''));
      expect(row!['Русский (1049)']).toBe(asSheetJsReadsIt(input.texts.get(1049) ?? ''));
      expect(row!['Български (1026)']).toBe(asSheetJsReadsIt(input.texts.get(1026) ?? ''));
      expect(row!['Українська (1058)']).toBe(asSheetJsReadsIt(input.texts.get(1058) ?? ''));
    }
    const messages = byRow(book.Sheets['Display Strings']!);
    expect(messages).toHaveLength(1);
    expect(messages[0]!['Русский (1049)']).toBe('Отправить {0}?');
    expect(messages[0]!.Context).toBe('Message');
  });

  it('stores a Windows line break with its CR, as Excel does (_x000D_ before the LF)', async () => {
    const index = book.SheetNames.indexOf('Localized Labels') + 1;
    expect(await partText(xlsx, `xl/worksheets/sheet${index}.xml`)).toContain('windows_x000D_\nbreak');
  });

  it('gives each row a readable context', () => {
    const rows = byRow(book.Sheets['Localized Labels']!);
    expect(rows.find((r) => r['Object Column Name'] === 'LocalizedCollectionName')!.Context).toBe(
      'Table plural name',
    );
    expect(rows.find((r) => r['Entity name'] === 'account')!.Context).toBe('Column label');
  });

  it('stores =-leading and number-like text as text cells, never as formulas or numbers', () => {
    const sheet = book.Sheets['Localized Labels']!;
    for (const [ref, cell] of Object.entries(sheet)) {
      if (ref.startsWith('!')) continue;
      const c = cell as XLSX.CellObject;
      expect(c.f, ref).toBeUndefined();
      expect(c.t, ref).toBe('s');
    }
  });

  it('records the source in the meta sheet', () => {
    const pairs = XLSX.utils.sheet_to_json<string[]>(book.Sheets._crmkit!, { header: 1 });
    expect(Object.fromEntries(pairs.map(([k, v]) => [k, v]))).toEqual({
      formatVersion: '1',
      sourceName: 'CrmTranslations.xml',
      fingerprint: 'ab'.repeat(32),
      solutionName: 'ContosoSales',
      baseLcid: '1033',
      languages: '1049,1026,1058',
      labelSheets: 'Display Strings,Localized Labels',
    });
  });

  it('hides the row token column and sets an autofilter over the data and the token, so a sort moves whole rows', () => {
    const sheet = book.Sheets['Localized Labels']!;
    expect(sheet['!cols']?.[8]?.hidden).toBe(true);
    expect(sheet['!cols']?.[5]?.hidden ?? false).toBe(false);
    expect(sheet['!autofilter']?.ref).toBe(`A1:I${labels.length - 1 + 2}`);
  });

  it('fills an empty target from memory, marked, and never replaces an existing translation', () => {
    const rows = byRow(book.Sheets['Localized Labels']!);
    const phone = rows.find((r) => r['Entity name'] === 'contact')!;
    expect(phone['Русский (1049)']).toBe('Телефон');
    expect(phone['Български (1026)']).toBe('Телефон');
    const sheet = book.Sheets['Localized Labels']!;
    const ref = Object.keys(sheet).find(
      (k) => !k.startsWith('!') && (sheet[k] as XLSX.CellObject).c !== undefined,
    );
    expect(ref).toMatch(/^G\d+$/);
    const note = (sheet[ref!] as XLSX.CellObject).c?.[0]?.t;
    expect(note).toBe('from memory: CrmTranslations_Other_1_0.zip');
  });
});

describe('the workbook parts', () => {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' });
  type Node = Record<string, unknown>;
  const list = (v: unknown): Node[] =>
    Array.isArray(v) ? (v as Node[]) : v === undefined ? [] : [v as Node];
  let sheetXml: Node;
  let styles: Node;
  let workbookXml: string;
  let xlsxWithNotes: Buffer;

  beforeAll(async () => {
    const xlsx = await writeWorkbook(
      [
        ...labels,
        {
          label: label('Localized Labels', 'contact', 'eeeeeeee-0000-0000-0000-000000000000', 'DisplayName', {
            [BASE]: 'Fax',
          }),
          suggestions: new Map([[1049, { text: 'Факс', source: 'memory.tmx' }]]),
        },
      ],
      options(targets),
    );
    const book = XLSX.read(xlsx, { type: 'buffer', bookSheets: true });
    const index = book.SheetNames.indexOf('Localized Labels') + 1;
    sheetXml = parser.parse(await partText(xlsx, `xl/worksheets/sheet${index}.xml`)) as Node;
    styles = parser.parse(await partText(xlsx, 'xl/styles.xml')) as Node;
    workbookXml = await partText(xlsx, 'xl/workbook.xml');
    xlsxWithNotes = xlsx;
  });

  const worksheet = (): Node => sheetXml.worksheet as Node;
  const xfs = (): Node[] => list(((styles.styleSheet as Node).cellXfs as Node).xf);
  const cells = (): Node[] => list((worksheet().sheetData as Node).row).flatMap((row) => list(row.c));
  const locked = (xf: Node | undefined): boolean => (xf?.protection as Node | undefined)?.locked !== '0';

  it('unlocks only the translation cells', () => {
    for (const cell of cells()) {
      const ref = String(cell.r);
      const column = /^[A-Z]+/.exec(ref)![0];
      const isTarget = ['F', 'G', 'H'].includes(column) && ref !== `${column}1`;
      expect(locked(xfs()[Number(cell.s ?? 0)]), ref).toBe(!isTarget);
    }
  });

  it('formats translation cells as Text, so what a translator types is never turned into a number or date', () => {
    for (const cell of cells()) {
      const ref = String(cell.r);
      const column = /^[A-Z]+/.exec(ref)![0];
      if (!['F', 'G', 'H'].includes(column) || ref === `${column}1`) continue;
      expect(xfs()[Number(cell.s)]!.numFmtId, ref).toBe('49');
    }
    const cols = list((worksheet().cols as Node).col);
    const targetCol = cols.find((x) => Number(x.min) <= 6 && 6 <= Number(x.max));
    expect(xfs()[Number(targetCol!.style)]!.numFmtId).toBe('49');
  });

  it('unlocks the whole translation columns, so cells left empty are editable too', () => {
    const cols = list((worksheet().cols as Node).col);
    const styleOf = (col: number): Node | undefined => {
      const c = cols.find((x) => Number(x.min) <= col && col <= Number(x.max));
      return xfs()[Number(c?.style ?? 0)];
    };
    expect([6, 7, 8].map((c) => locked(styleOf(c)))).toEqual([false, false, false]);
    expect([1, 2, 3, 4, 5].map((c) => locked(styleOf(c)))).toEqual([true, true, true, true, true]);
  });

  it('refuses more than 500 characters in the translation cells with a clear message', () => {
    const validation = list((worksheet().dataValidations as Node).dataValidation);
    expect(validation).toHaveLength(1);
    expect(validation[0]).toMatchObject({
      type: 'textLength',
      operator: 'lessThanOrEqual',
      sqref: `F2:H${labels.length + 1}`,
      showErrorMessage: '1',
      formula1: 500,
    });
    expect(String(validation[0]!.error)).toContain('at most 500 characters');
  });

  it('protects the sheet without a password, allowing filter and column formatting but not sorting while protected', () => {
    // In OOXML a protection attribute of 0 means "not protected", i.e. allowed. Sorting stays
    // protected: Excel refuses it on locked cells anyway, and would sort a translation column alone.
    const protection = worksheet().sheetProtection as Node;
    expect(protection).toMatchObject({ sheet: '1', autoFilter: '0', formatColumns: '0', formatRows: '0' });
    expect(protection.sort).toBeUndefined();
    expect(protection.hashValue ?? protection.password).toBeUndefined();
  });

  it('opens on the label sheet with the most rows, not on the first sheet', () => {
    // Display Strings holds 1 row, Localized Labels more: the second sheet is the active tab.
    expect(workbookXml).toMatch(/<bookViews><workbookView [^>]*activeTab="1"/);
  });

  it('prints landscape, one page wide, with the header row on every page', () => {
    expect(((worksheet().sheetPr as Node).pageSetUpPr as Node).fitToPage).toBe('1');
    expect(worksheet().pageSetup).toMatchObject({
      orientation: 'landscape',
      fitToWidth: '1',
      fitToHeight: '0',
    });
    expect(workbookXml).toContain(
      '<definedName name="_xlnm.Print_Titles" localSheetId="1">&apos;Localized Labels&apos;!$1:$1</definedName>',
    );
    expect(workbookXml).toContain(
      '<definedName name="_xlnm.Print_Titles" localSheetId="0">&apos;Display Strings&apos;!$1:$1</definedName>',
    );
  });

  it('makes the Object ID column wide enough to show a whole GUID', () => {
    const cols = list((worksheet().cols as Node).col);
    const objectId = cols.find((x) => Number(x.min) <= 2 && 2 <= Number(x.max));
    expect(Number(objectId!.width)).toBeGreaterThanOrEqual('02efc0ba-f85d-f011-bec2-000d3aa38385'.length + 1);
  });

  it('names each autofilter range sheet-locally, as Excel and LibreOffice expect', () => {
    expect(workbookXml).toContain(
      `<definedName name="_xlnm._FilterDatabase" localSheetId="1">&apos;Localized Labels&apos;!$A$1:$I$${labels.length + 1}</definedName>`,
    );
    expect(workbookXml).toContain(
      '<definedName name="_xlnm._FilterDatabase" localSheetId="0">&apos;Display Strings&apos;!$A$1:$H$2</definedName>',
    );
  });

  it('orders the worksheet elements as the OOXML schema requires (Excel repairs other orders)', async () => {
    // CT_Worksheet's sequence, for the elements a crmkit workbook can contain.
    const schemaOrder = [
      'sheetPr',
      'dimension',
      'sheetViews',
      'sheetFormatPr',
      'cols',
      'sheetData',
      'sheetProtection',
      'autoFilter',
      'mergeCells',
      'conditionalFormatting',
      'dataValidations',
      'hyperlinks',
      'pageMargins',
      'pageSetup',
      'headerFooter',
      'drawing',
      'legacyDrawing',
    ];
    for (const part of ['xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml', 'xl/worksheets/sheet3.xml']) {
      const xml = await partText(xlsxWithNotes, part);
      const body = xml.slice(xml.indexOf('>', xml.indexOf('<worksheet')) + 1);
      const children: string[] = [];
      let depth = 0;
      for (const m of body.matchAll(/<(\/?)([A-Za-z]+)[^>]*?(\/?)>/g)) {
        if (m[1] === '/') depth--;
        else {
          if (depth === 0) children.push(m[2]!);
          if (m[3] !== '/') depth++;
        }
      }
      const positions = children.map((c) => schemaOrder.indexOf(c));
      expect(positions, `${part}: ${children.join(', ')}`).not.toContain(-1);
      expect(positions, `${part}: ${children.join(', ')}`).toEqual([...positions].sort((a, b) => a - b));
    }
    expect(await partText(xlsxWithNotes, 'xl/worksheets/sheet2.xml')).toContain('<legacyDrawing');
  });

  it('freezes the header row only, so context, base text and translations scroll side by side', () => {
    const pane = ((worksheet().sheetViews as Node).sheetView as Node).pane as Node;
    expect(pane).toMatchObject({ ySplit: '1', state: 'frozen' });
    expect(pane.xSplit).toBeUndefined();
  });

  it('wraps text and marks memory suggestions with a light yellow fill', () => {
    const fills = list(((styles.styleSheet as Node).fills as Node).fill);
    // Rows: header, the Localized Labels of `labels`, then the suggestion row.
    const row = labels.filter((l) => l.sheet === 'Localized Labels').length + 2;
    const suggestion = cells().find((c) => c.r === `F${row}`);
    expect(suggestion).toBeDefined();
    const xf = xfs()[Number(suggestion!.s)]!;
    expect((xf.alignment as Node).wrapText).toBe('1');
    const fill = fills[Number(xf.fillId)]!.patternFill as Node;
    expect((fill.fgColor as Node).rgb).toBe(SUGGESTION_FILL_ARGB);
  });
});

describe('a workbook for one translator', () => {
  it('speaks the translator’s language, keeps the note marker, and reads back', async () => {
    const xlsx = await writeWorkbook(
      [
        {
          label: label('Localized Labels', 'account', 'a1', 'LocalizedCollectionName', {
            [BASE]: 'Accounts',
          }),
          suggestions: new Map([[1049, { text: 'Организации', source: 'A.zip' }]]),
        },
      ],
      options([1049]),
    );
    const book = XLSX.read(xlsx, { type: 'buffer' });
    const rows = XLSX.utils.sheet_to_json<string[]>(book.Sheets['Localized Labels']!, { header: 1 });
    expect(rows[0]).toEqual([
      'Имя сущности',
      'Идентификатор объекта',
      'Свойство объекта',
      'Контекст',
      'English (1033)',
      'Русский (1049)',
      'Метка строки crmkit (не изменять)',
    ]);
    expect(rows[1]?.[3]).toBe('Имя таблицы во множественном числе');
    const sheet = await partText(xlsx, 'xl/worksheets/sheet1.xml');
    expect(sheet).toContain('errorTitle="Слишком длинный текст"');
    expect(sheet).toContain(
      'error="Dynamics 365 принимает не более 500 символов в подписи. Сократите текст."',
    );
    expect((book.Sheets['Localized Labels']!.F2 as XLSX.CellObject).c?.[0]?.t).toBe('from memory: A.zip');
    const { rows: back, result } = await readBack(xlsx);
    expect(result.problems).toEqual([]);
    expect(back[0]!.texts.get(1049)).toBe('Организации');
  });

  it('speaks English when it holds several target languages, or the language asked for', async () => {
    const several = XLSX.read(await writeWorkbook([], options([1049, 1026])), { type: 'buffer' });
    expect(
      XLSX.utils.sheet_to_json<string[]>(several.Sheets['Localized Labels']!, { header: 1 })[0]?.[3],
    ).toBe('Context');
    const asked = XLSX.read(await writeWorkbook([], options([1049, 1026], { uiLcid: 1058 })), {
      type: 'buffer',
    });
    expect(XLSX.utils.sheet_to_json<string[]>(asked.Sheets['Localized Labels']!, { header: 1 })[0]?.[3]).toBe(
      'Контекст',
    );
  });
});

describe('right-to-left target languages', () => {
  it('sets the reading order of Hebrew and Arabic translation cells, and of nothing else', async () => {
    const xlsx = await writeWorkbook(
      [
        label('Localized Labels', 'account', 'a1', 'DisplayName', {
          [BASE]: 'Name',
          1037: 'שם',
          1025: 'الاسم',
          1049: 'Имя',
        }),
      ],
      options([1037, 1025, 1049]),
    );
    const sheet = await partText(xlsx, 'xl/worksheets/sheet1.xml');
    const styles = await partText(xlsx, 'xl/styles.xml');
    const xfs = [
      ...(/<cellXfs[^>]*>(.*)<\/cellXfs>/s.exec(styles)?.[1] ?? '').matchAll(
        /<xf [^>]*?(?:\/>|>.*?<\/xf>)/gs,
      ),
    ].map((m) => m[0]);
    const rtl = (ref: string): boolean => {
      const s = Number(new RegExp(`<c r="${ref}" s="(\\d+)"`).exec(sheet)?.[1]);
      return /readingOrder="2"/.test(xfs[s] ?? '');
    };
    expect([rtl('F2'), rtl('G2'), rtl('H2'), rtl('E2')]).toEqual([true, true, false, false]);
  });
});
