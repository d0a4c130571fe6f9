import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { readZip } from '../../src/solution/zip-read';
import { isUnsafeEntryName, looksLikeZip, ZipReader } from '../../src/zip/read';
import { ZipWriter, zipInMemory } from '../../src/zip/write';

const dir = mkdtempSync(path.join(tmpdir(), 'crmkit-zip-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function jszipFile(name: string, entries: Record<string, string | Buffer>): Promise<string> {
  const zip = new JSZip();
  for (const [entry, data] of Object.entries(entries)) zip.file(entry, data);
  const file = path.join(dir, name);
  writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  return file;
}

async function readEntry(file: string, entry: string, max = 1024 ** 3): Promise<Buffer> {
  const zip = await ZipReader.open(file, path.basename(file));
  try {
    return await zip.read(zip.find(entry)!, max);
  } finally {
    await zip.close();
  }
}

/** Sets the declared uncompressed size of every entry (central directory and local headers). */
async function lieAboutSizes(file: string, size: number): Promise<void> {
  const bytes = await readFile(file);
  for (let i = 0; i + 4 <= bytes.length; i++) {
    const sig = bytes.readUInt32LE(i);
    if (sig === 0x04034b50) bytes.writeUInt32LE(size, i + 22);
    if (sig === 0x02014b50) bytes.writeUInt32LE(size, i + 24);
  }
  writeFileSync(file, bytes);
}

describe('zip reading and writing', () => {
  it('writes entries that jszip (an independent reader) and the zip reader read back', async () => {
    const file = path.join(dir, 'written.zip');
    const big = Buffer.from('Заказ на продажу '.repeat(20000), 'utf8');
    const fh = await open(file, 'w');
    const zip = new ZipWriter(fh);
    await zip.addEntry('CrmTranslations.xml', async (input) => {
      for (let i = 0; i < big.length; i += 1000) {
        if (!input.write(big.subarray(i, i + 1000))) await new Promise((r) => input.once('drain', r));
      }
    });
    await zip.addBuffer('[Content_Types].xml', Buffer.from('<Types/>'));
    await zip.finish();
    await fh.close();
    const independent = await JSZip.loadAsync(await readFile(file));
    expect(Object.keys(independent.files)).toEqual(['CrmTranslations.xml', '[Content_Types].xml']);
    expect((await independent.file('CrmTranslations.xml')!.async('nodebuffer')).equals(big)).toBe(true);
    expect((await readEntry(file, 'CrmTranslations.xml')).equals(big)).toBe(true);
    expect((await readEntry(file, '[Content_Types].xml')).toString()).toBe('<Types/>');
  });

  it('reads a stored (uncompressed) entry', async () => {
    const zip = new JSZip();
    zip.file('CrmTranslations.xml', '<Workbook/>', { compression: 'STORE' });
    const file = path.join(dir, 'stored.zip');
    writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer' }));
    expect((await readEntry(file, 'CrmTranslations.xml')).toString()).toBe('<Workbook/>');
  });

  it('refuses an entry whose declared size is over the limit before inflating it', async () => {
    const file = await jszipFile('declared.zip', { 'CrmTranslations.xml': Buffer.alloc(2 * 1024 * 1024) });
    await expect(readEntry(file, 'CrmTranslations.xml', 1024 * 1024)).rejects.toMatchObject({
      code: 'ZIP_TOO_LARGE',
      message:
        'declared.zip › CrmTranslations.xml: inflates past the limit of 1 MiB (raise it with --max-size)',
    });
  });

  it('stops inflating a zip bomb that lies about its size', async () => {
    const file = await jszipFile('bomb.zip', { 'CrmTranslations.xml': Buffer.alloc(20 * 1024 * 1024) });
    await lieAboutSizes(file, 100);
    await expect(readEntry(file, 'CrmTranslations.xml', 1024 * 1024)).rejects.toMatchObject({
      code: 'ZIP_TOO_LARGE',
    });
  });

  it('refuses an entry whose bytes do not match its CRC or size', async () => {
    const file = await jszipFile('corrupt.zip', { 'a.xml': 'hello world hello world' });
    await lieAboutSizes(file, 5);
    await expect(readEntry(file, 'a.xml')).rejects.toMatchObject({
      code: 'NOT_A_ZIP',
      message: expect.stringMatching(/size or CRC mismatch/) as unknown,
    });
  });

  it.each([
    ['../CrmTranslations.xml'],
    ['/etc/passwd'],
    ['C:/evil.xml'],
    ['a/../../b.xml'],
    ['..\\evil.xml'],
  ])('refuses a zip with the unsafe entry name %s', async (name) => {
    expect(isUnsafeEntryName(name)).toBe(true);
    const file = await jszipFile('unsafe.zip', { [name]: 'x', 'CrmTranslations.xml': 'y' });
    const zip = new JSZip();
    await zip.loadAsync(await readFile(file));
    await expect(ZipReader.open(file, 'unsafe.zip')).rejects.toMatchObject({ code: 'ZIP_UNSAFE_PATH' });
  });

  it('accepts ordinary names', () => {
    expect(isUnsafeEntryName('[Content_Types].xml')).toBe(false);
    expect(isUnsafeEntryName('folder/file..xml')).toBe(false);
  });

  it('refuses a file that is not a zip', async () => {
    const file = path.join(dir, 'text.zip');
    writeFileSync(file, 'just some text, not a zip at all');
    await expect(ZipReader.open(file, 'text.zip')).rejects.toMatchObject({
      code: 'NOT_A_ZIP',
      message: 'text.zip: not a zip file (no end-of-central-directory record)',
    });
  });
});

describe('zip writing into memory', () => {
  const parts = [
    { path: 'customizations.xml', bytes: new TextEncoder().encode('<c/>'.repeat(300)) },
    { path: 'WebResources/cnt_/crmkit/config.json', bytes: new TextEncoder().encode('{}') },
    { path: 'empty.txt', bytes: new Uint8Array(0) },
    { path: '[Content_Types].xml', bytes: new TextEncoder().encode('<Types/>') },
  ];
  const fixed = new Date(2000, 0, 1, 0, 0, 0);

  it('writes the same bytes into memory as into a file', async () => {
    const file = path.join(dir, 'same.zip');
    const fh = await open(file, 'w');
    const zip = new ZipWriter(fh, fixed);
    for (const part of parts) await zip.addBuffer(part.path, part.bytes);
    await zip.finish();
    await fh.close();
    expect(Buffer.from(await zipInMemory(parts, fixed)).equals(await readFile(file))).toBe(true);
  });

  it('keeps the entries in the given order, with their bytes, and an empty entry empty', async () => {
    const independent = await JSZip.loadAsync(await zipInMemory(parts, fixed));
    expect(Object.keys(independent.files)).toEqual(parts.map((p) => p.path));
    for (const part of parts) {
      expect(await independent.file(part.path)!.async('uint8array')).toEqual(part.bytes);
    }
  });

  it('gives the same bytes for the same parts, whatever the time zone', async () => {
    const zone = process.env.TZ;
    try {
      process.env.TZ = 'UTC';
      const utc = await zipInMemory(parts, new Date(2000, 0, 1));
      process.env.TZ = 'Asia/Tokyo';
      const tokyo = await zipInMemory(parts, new Date(2000, 0, 1));
      expect(Buffer.from(tokyo).equals(Buffer.from(utc))).toBe(true);
      expect(Buffer.from(utc).readUInt16LE(12)).toBe((20 << 9) | (1 << 5) | 1); // DOS date 2000-01-01
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('marks a name beyond ASCII as UTF-8, so a reader that honours the flag reads it back', async () => {
    const bytes = await zipInMemory([{ path: 'strings/Заказ.resx', bytes: new Uint8Array([1]) }], fixed);
    expect(readZip(bytes, 'names.zip').names).toEqual(['strings/Заказ.resx']);
    expect(Object.keys((await JSZip.loadAsync(bytes)).files)).toEqual(['strings/Заказ.resx']);
  });
});

describe('looksLikeZip', () => {
  it('tells a zip from other files by its first two bytes', async () => {
    expect(looksLikeZip(await zipInMemory([], new Date()))).toBe(true);
    expect(looksLikeZip(Buffer.from('PK\x03\x04'))).toBe(true);
    expect(looksLikeZip(Buffer.from('<?xml version="1.0"?>'))).toBe(false);
    expect(looksLikeZip(Buffer.from('P'))).toBe(false);
    expect(looksLikeZip(new Uint8Array(0))).toBe(false);
  });
});
