/**
 * A workbook on disk is read from its file (parts streamed from their place, not loaded whole):
 * the same rows and the same refusals as a workbook given as bytes.
 */
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CrmKitError } from '../../../src/errors';
import { readWorkbook } from '../../../src/labels/workbook/read';
import type { WorkbookRow } from '../../../src/labels/workbook/types';
import { BASE, label, options, readBack, writeWorkbook } from './helpers';

const targets = [1049, 1026];
const labels = [
  label('Localized Labels', 'account', 'a1', 'LocalizedName', { [BASE]: 'Account', 1049: 'Организация 🏢' }),
  label('Localized Labels', 'account', 'a2', 'DisplayName', { [BASE]: 'Phone', 1026: 'Телефон' }),
  label('Display Strings', 'account', 'Msg.1', '', { [BASE]: 'Save {0}?', 1049: 'Сохранить {0}?' }),
];

let dir: string;
let xlsx: Buffer;
let file: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'crmkit-read-file-'));
  xlsx = await writeWorkbook(labels, options(targets));
  file = path.join(dir, 'ru.xlsx');
  writeFileSync(file, xlsx);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function rowsOf(input: Parameters<typeof readWorkbook>[0]): Promise<WorkbookRow[]> {
  const rows: WorkbookRow[] = [];
  await readWorkbook(input, 'ru.xlsx', (row) => rows.push(row));
  return rows;
}

async function rejection(promise: Promise<unknown>): Promise<CrmKitError> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof CrmKitError) return e;
    throw e;
  }
  throw new Error('expected a CrmKitError');
}

/** Writes `bytes` into the temporary folder and returns the path. */
function saved(name: string, bytes: Buffer): string {
  const p = path.join(dir, name);
  writeFileSync(p, bytes);
  return p;
}

describe('readWorkbook of a file on disk', () => {
  it('reads the same rows from a path, a file stream and the bytes', async () => {
    const fromBytes = (await readBack(xlsx)).rows;
    expect(fromBytes).toHaveLength(3);
    expect(await rowsOf({ path: file })).toEqual(fromBytes);
    expect(await rowsOf(createReadStream(file))).toEqual(fromBytes);
    expect(fromBytes.find((r) => r.objectId === 'a1')?.texts.get(1049)).toBe('Организация 🏢');
  });

  it('refuses a file that is not a zip with the message a stream of it gets', async () => {
    const e = await rejection(rowsOf({ path: saved('text.xlsx', Buffer.from('Entity name;Object ID\n')) }));
    expect(e.code).toBe('NOT_A_WORKBOOK');
    expect(e.message).toBe('ru.xlsx: not an .xlsx workbook (not a zip file)');
  });

  it('refuses a part over the size limit before inflating it', async () => {
    const e = await rejection(
      readWorkbook({ path: file }, 'big.xlsx', () => undefined, { limits: { maxEntryBytes: 1000 } }),
    );
    expect(e.code).toBe('ZIP_TOO_LARGE');
    expect(e.message).toMatch(/^big\.xlsx: the part \S+ inflates past the limit of 1000 bytes$/);
  });

  it('stops inflating a part whose zip directory lies about its size', async () => {
    const lying = Buffer.from(xlsx);
    const central = Buffer.from([0x50, 0x4b, 0x01, 0x02]);
    for (let i = lying.indexOf(central); i >= 0; i = lying.indexOf(central, i + 4))
      lying.writeUInt32LE(10, i + 24);
    const e = await rejection(
      readWorkbook({ path: saved('bomb.xlsx', lying) }, 'bomb.xlsx', () => undefined, {
        limits: { maxEntryBytes: 1000 },
      }),
    );
    expect(e.code).toBe('ZIP_TOO_LARGE');
  });

  it('refuses a workbook file larger than the file limit', async () => {
    const e = await rejection(
      readWorkbook({ path: file }, 'ru.xlsx', () => undefined, { maxFileBytes: 100 }),
    );
    expect(e).toMatchObject({ code: 'ZIP_TOO_LARGE', message: 'ru.xlsx: larger than 100 bytes' });
  });

  it('refuses a truncated workbook file', async () => {
    const cut = Buffer.concat([xlsx.subarray(0, 200), xlsx.subarray(xlsx.length - 2000)]);
    const e = await rejection(rowsOf({ path: saved('cut.xlsx', cut) }));
    expect(e.code).toBe('NOT_A_WORKBOOK');
  });
});
