/**
 * Row tokens: format 2 (written now, hashed in JavaScript) and format 1 (SHA-1, written by crmkit
 * before), which import, check and push still read. test/fixtures/workbook/format1-tokens.xlsx is a
 * workbook exported by the earlier version (30 Localized Labels and 4 Display Strings of
 * sampleXml({ labels: 30, seed: 11 })).
 */
import { hash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import type { Lcid } from '../../../src/labels/crm-xml/model';
import { readWorkbook } from '../../../src/labels/workbook/read';
import { rowHashes } from '../../../src/labels/workbook/read-sheet-protocol';
import type { SheetWorkerFile } from '../../../src/labels/workbook/read-sheet-thread';
import { keyHash, parseToken, rowToken, textsHash, TOKEN_VERSION } from '../../../src/labels/workbook/token';
import type { WorkbookReadResult, WorkbookRow } from '../../../src/labels/workbook/types';
import { removeTempDirs, tempDir, tsWorkerOf } from '../support';
import { BASE, label, options, readBack, writeWorkbook } from './helpers';

const formatOne = readFileSync(
  path.resolve(import.meta.dirname, '../../fixtures/workbook/format1-tokens.xlsx'),
);

const tsWorker: SheetWorkerFile = tsWorkerOf('workbook/read-sheet-worker.ts');

afterAll(removeTempDirs);

const key = (entity: string, objectId: string, column: string) => ({
  sheet: 'Localized Labels' as const,
  entity,
  objectId,
  column,
});
const texts = (entries: readonly (readonly [Lcid, string])[]): Map<Lcid, string> => new Map(entries);

/** Opens the workbook with SheetJS, lets `edit` change it, writes it back with shared strings. */
function editWithSheetJs(xlsx: Buffer, edit: (sheet: XLSX.WorkSheet) => void): Buffer {
  const book = XLSX.read(xlsx, { type: 'buffer', cellStyles: true });
  edit(book.Sheets['Localized Labels']!);
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx', bookSST: true }) as Buffer;
}

/** Reads a workbook from a file, its label sheets scanned in the worker thread (which hashes rows). */
async function readFileInWorker(xlsx: Buffer): Promise<{ rows: WorkbookRow[]; result: WorkbookReadResult }> {
  const file = path.join(tempDir('crmkit-token-'), 'book.xlsx');
  writeFileSync(file, xlsx);
  const rows: WorkbookRow[] = [];
  const result = await readWorkbook({ path: file }, 'book.xlsx', (row) => rows.push(row), {
    sheets: { worker: true, workerFile: tsWorker },
  });
  return { rows, result };
}

describe('row tokens', () => {
  it('are written in format 2, and parse back into their version and the two hashes', () => {
    const k = key('account', 'a1', 'DisplayName');
    const t = texts([
      [1049, 'Телефон'],
      [1026, ''],
    ]);
    const token = rowToken(k, [1049, 1026], t);
    expect(TOKEN_VERSION).toBe(2);
    expect(parseToken(` ${token} `)).toEqual({
      version: 2,
      keyHash: keyHash(k),
      textsHash: textsHash([1049, 1026], t),
    });
    expect(token).toMatch(/^2\.[0-9a-f]{16}\.[0-9a-f]{16}$/);
  });

  it('of format 1 keep their SHA-1 hashes of the key and of the texts with CR LF as LF', () => {
    const k = key('account', 'a1', 'DisplayName');
    const sha1 = (data: string): string => hash('sha1', data, 'hex').slice(0, 16);
    expect(keyHash(k, 1)).toBe(sha1('Localized Labels\u0000account\u0000a1\u0000DisplayName'));
    const t = texts([
      [1049, 'Две\r\nстроки'],
      [1026, ''],
    ]);
    expect(textsHash([1049, 1026], t, 1)).toBe(sha1('1049\u0001Две\nстроки\u00001026\u0001\u0000'));
    const token = `1.${keyHash(k, 1)}.${textsHash([1049, 1026], t, 1)}`;
    expect(parseToken(token)).toEqual({
      version: 1,
      keyHash: keyHash(k, 1),
      textsHash: textsHash([1049, 1026], t, 1),
    });
  });

  it('are refused in a format this version does not know', () => {
    expect(parseToken(`3.${'0'.repeat(16)}.${'0'.repeat(16)}`)).toBeUndefined();
    expect(parseToken(`2.${'0'.repeat(15)}.${'0'.repeat(16)}`)).toBeUndefined();
  });

  it('parse exactly the texts the token pattern takes (after trimming), and nothing else', () => {
    const pattern = /^([12])\.([0-9a-f]{16})\.([0-9a-f]{16})$/;
    /** Mostly 16 good digits, sometimes a near miss. */
    const hex = (odd: RegExp) =>
      fc.oneof(
        { weight: 4, arbitrary: fc.stringMatching(/^[0-9a-f]{16}$/) },
        { weight: 1, arbitrary: fc.stringMatching(odd) },
      );
    const near = fc
      .tuple(
        fc.constantFrom('', ' ', '\t', '\u00a0', 'x'),
        fc.constantFrom('1', '2', '3', '0', 'a'),
        fc.constantFrom('.', ',', ''),
        hex(/^[0-9a-fA-Fg.]{15,17}$/),
        fc.constantFrom('.', '-'),
        hex(/^[0-9a-fA-F\n]{15,17}$/),
        fc.constantFrom('', ' ', '\n', '.'),
      )
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.oneof(near, fc.string()), (text) => {
        const m = pattern.exec(text.trim());
        const expected =
          m === null ? undefined : { version: m[1] === '1' ? 1 : 2, keyHash: m[2], textsHash: m[3] };
        expect(parseToken(text)).toEqual(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it('hash texts with CR LF read as LF, and nothing else as equal', () => {
    const langs = [1049];
    const of = (text: string): string => textsHash(langs, texts([[1049, text]]));
    expect(of('a\r\nb')).toBe(of('a\nb'));
    expect(of('a\r\rb')).not.toBe(of('a\rb'));
    expect(of('a\rb')).not.toBe(of('a\nb'));
    expect(of('a\r\n')).toBe(of('a\n'));
    expect(of('\r')).not.toBe(of(''));
  });

  it('give different key hashes to different keys, wherever the parts are cut', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'binary', maxLength: 12 }), { minLength: 3, maxLength: 3 }),
        fc.array(fc.string({ unit: 'binary', maxLength: 12 }), { minLength: 3, maxLength: 3 }),
        ([a1 = '', a2 = '', a3 = ''], [b1 = '', b2 = '', b3 = '']) => {
          fc.pre(a1 !== b1 || a2 !== b2 || a3 !== b3);
          expect(keyHash(key(a1, a2, a3))).not.toBe(keyHash(key(b1, b2, b3)));
        },
      ),
      { numRuns: 20_000 },
    );
    expect(keyHash(key('ab', 'c', ''))).not.toBe(keyHash(key('a', 'bc', '')));
  });

  it('give different texts hashes to different texts, and the same to texts equal but for CR LF', () => {
    const langs = [1049, 1026, 1058];
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 30 }),
      fc.string({ unit: fc.constantFrom('\r', '\n', 'a', 'я', '\u0000'), maxLength: 8 }),
    );
    const three = fc.array(text, { minLength: 3, maxLength: 3 });
    const normalised = (t: readonly string[]): string =>
      JSON.stringify(t.map((s) => s.replace(/\r\n/g, '\n')));
    fc.assert(
      fc.property(three, three, (a, b) => {
        const hashOf = (t: readonly string[]): string =>
          textsHash(langs, texts(langs.map((l, i) => [l, t[i] ?? ''] as const)));
        expect(hashOf(a) === hashOf(b)).toBe(normalised(a) === normalised(b));
      }),
      { numRuns: 20_000 },
    );
  });

  it('give 200,000 distinct texts 200,000 distinct hashes, in each half too but for a few', () => {
    const seen = new Set<string>();
    const halves = [new Set<string>(), new Set<string>()];
    let sharedHalves = 0;
    for (let i = 0; i < 200_000; i++) {
      const h = textsHash([1049], texts([[1049, `Текст ${i}`]]));
      seen.add(h);
      for (const [n, half] of halves.entries()) {
        const part = h.slice(n * 8, n * 8 + 8);
        if (half.has(part)) sharedHalves++;
        half.add(part);
      }
    }
    expect(seen.size).toBe(200_000);
    // Two random 32-bit halves of 200,000 hashes share a value about 9 times (the birthday bound).
    expect(sharedHalves).toBeLessThan(40);
  });
});

describe('a workbook of format 1 tokens (exported by an earlier crmkit)', () => {
  it('reads back with every row unchanged since export, on this thread and in the worker', async () => {
    for (const { rows, result } of [await readBack(formatOne), await readFileInWorker(formatOne)]) {
      expect(result.problems).toEqual([]);
      expect(rows).toHaveLength(34);
      expect(rows.filter((r) => !r.unchangedSinceExport)).toEqual([]);
      expect(new Set(rows.map((r) => r.tokenVersion))).toEqual(new Set([1]));
    }
  });

  it('sees an edited cell as exactly that change, on this thread and in the worker', async () => {
    const edited = editWithSheetJs(formatOne, (sheet) => {
      sheet.F5 = { t: 's', v: 'правка' };
    });
    for (const { rows, result } of [await readBack(edited), await readFileInWorker(edited)]) {
      expect(result.problems).toEqual([]);
      expect(rows.filter((r) => !r.unchangedSinceExport).map((r) => [r.sheet, r.rowNumber])).toEqual([
        ['Localized Labels', 5],
      ]);
    }
  });

  it('tells the original keys of rows whose key cells were swapped', async () => {
    let before: string[] = [];
    const edited = editWithSheetJs(formatOne, (sheet) => {
      const b3 = sheet.B3 as XLSX.CellObject;
      const b4 = sheet.B4 as XLSX.CellObject;
      before = [String(b3.v), String(b4.v)];
      sheet.B3 = b4;
      sheet.B4 = b3;
    });
    const { result } = await readBack(edited);
    expect(result.problems.map((p) => [p.code, p.cell])).toEqual([
      ['KEY_CHANGED', 'A3'],
      ['KEY_CHANGED', 'A4'],
    ]);
    expect(result.problems[0]!.message).toContain(`"Object ID" was "${before[0]}", now "${before[1]}"`);
    expect(result.problems[1]!.message).toContain(`"Object ID" was "${before[1]}", now "${before[0]}"`);
  });
});

describe('a workbook holding tokens of both formats (format 1 rows kept by an export over returned work)', () => {
  it('checks each row with the hashes of its own token, in the worker too', async () => {
    const targets = [1049, 1026];
    const labels = [
      label('Localized Labels', 'account', 'a1', 'DisplayName', { [BASE]: 'Phone', 1049: 'Телефон' }),
      label('Localized Labels', 'account', 'a2', 'Description', {
        [BASE]: 'Two\r\nlines',
        1049: 'Две\r\nстроки',
      }),
    ];
    const formatOneToken = (l: (typeof labels)[number]): string =>
      `1.${keyHash(l, 1)}.${textsHash(targets, l.texts, 1)}`;
    const xlsx = await writeWorkbook(
      [{ label: labels[0]!, token: formatOneToken(labels[0]!) }, labels[1]!],
      options(targets),
    );
    const edited = editWithSheetJs(xlsx, (sheet) => {
      sheet.G2 = { t: 's', v: 'Телефон' };
      sheet.G3 = { t: 's', v: 'Два реда' };
    });
    for (const { rows, result } of [await readBack(xlsx), await readFileInWorker(xlsx)]) {
      expect(result.problems).toEqual([]);
      expect(rows.map((r) => [r.objectId, r.tokenVersion, r.unchangedSinceExport])).toEqual([
        ['a1', 1, true],
        ['a2', 2, true],
      ]);
    }
    for (const { rows } of [await readBack(edited), await readFileInWorker(edited)]) {
      expect(rows.map((r) => [r.objectId, r.unchangedSinceExport])).toEqual([
        ['a1', false],
        ['a2', false],
      ]);
    }
  });
});

describe('the sheet worker hashing a row', () => {
  const hashing = {
    sheet: 'Localized Labels' as const,
    keyCount: 3,
    targetCols: [{ lcid: 1049 as Lcid, col: 5 }],
    languages: [1049] as Lcid[],
    tokenCol: 7,
  };
  const k = key('account', '{0001}', 'name');
  const t = texts([[1049, 'Имя\r\nфирмы']]);
  const row = (token: string) => ({
    number: 2,
    texts: ['', 'account', '{0001}', 'name', 'Name', 'Имя\r\nфирмы', '', token],
    formulaCols: [],
  });

  it("hashes in the format of the row's own token, so a format 1 row needs no second hashing", () => {
    expect(rowHashes(row(`1.${'0'.repeat(16)}.${'0'.repeat(16)}`), hashing)).toEqual({
      key: keyHash(k, 1),
      texts: textsHash([1049], t, 1),
    });
    expect(rowHashes(row(rowToken(k, [1049], t)), hashing)).toEqual({
      key: keyHash(k, 2),
      texts: textsHash([1049], t, 2),
    });
    expect(keyHash(k, 1)).not.toBe(keyHash(k, 2));
  });

  it('hashes a row without a readable token in the current format', () => {
    expect(rowHashes(row('typed by hand'), hashing)).toEqual({
      key: keyHash(k, TOKEN_VERSION),
      texts: textsHash([1049], t, TOKEN_VERSION),
    });
  });
});
