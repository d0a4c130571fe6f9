/**
 * The one zip parser (src/zip/directory.ts, entry-data.ts): what each caller asks of it — refuse or
 * keep unsafe names, a limit on entries, Latin-1 names, verification — and the faults it reports.
 */
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { listEntries, rawEntryBytes, type ZipFault } from '../../src/zip/directory';
import { bytesStream, inflateEntry, inflateEntryStream } from '../../src/zip/entry-data';

class Fault extends Error {
  constructor(readonly fault: ZipFault) {
    super(fault.kind);
  }
}
const fail = (fault: ZipFault): Error => new Fault(fault);

function faultOf(run: () => unknown): ZipFault {
  try {
    run();
  } catch (e) {
    if (e instanceof Fault) return e.fault;
    throw e;
  }
  throw new Error('expected a zip fault');
}

async function zipOf(entries: Record<string, string | Buffer>, compression: 'STORE' | 'DEFLATE' = 'DEFLATE') {
  const zip = new JSZip();
  for (const [name, data] of Object.entries(entries)) zip.file(name, data, { createFolders: false });
  return zip.generateAsync({ type: 'nodebuffer', compression });
}

describe('listEntries', () => {
  it('lists entries in directory order with their sizes', async () => {
    const bytes = await zipOf({ 'a.xml': 'hello', 'b/c.xml': 'x'.repeat(1000) });
    const entries = listEntries(bytes, {}, fail);
    expect(entries.map((e) => [e.name, e.size, e.method])).toEqual([
      ['a.xml', 5, 8],
      ['b/c.xml', 1000, 8],
    ]);
  });

  it('refuses an unsafe name by default and keeps it when the caller reports such names', async () => {
    const bytes = await zipOf({ '../evil.xml': 'x', 'ok.xml': 'y' });
    expect(faultOf(() => listEntries(bytes, {}, fail))).toEqual({ kind: 'unsafe-name', name: '../evil.xml' });
    expect(listEntries(bytes, { unsafeNames: 'keep' }, fail).map((e) => e.name)).toEqual([
      '../evil.xml',
      'ok.xml',
    ]);
  });

  it('refuses more entries than the caller accepts', async () => {
    const bytes = await zipOf({ 'a.xml': '1', 'b.xml': '2', 'c.xml': '3' });
    expect(faultOf(() => listEntries(bytes, { maxEntries: 2 }, fail))).toEqual({
      kind: 'too-many',
      count: 3,
      max: 2,
    });
  });

  it('reads a name as Latin-1 when the entry does not say UTF-8 and the caller honours the flag', async () => {
    const bytes = Buffer.from(await zipOf({ 'a.xml': 'x' }));
    const cd = bytes.readUInt32LE(bytes.length - 22 + 16);
    bytes.writeUInt16LE(bytes.readUInt16LE(cd + 8) & ~0x800, cd + 8);
    bytes[cd + 46] = 0xe9; // é in Latin-1, not valid UTF-8 alone
    expect(listEntries(bytes, { honourUtf8Flag: true }, fail)[0]?.name).toBe('é.xml');
    expect(listEntries(bytes, {}, fail)[0]?.name).toBe('\uFFFD.xml');
  });

  it.each([
    ['not a zip', Buffer.from('just text, no zip at all'), 'no-end'],
    ['too short for a zip', Buffer.from('PK'), 'no-end'],
  ])('reports %s', (_what, bytes, kind) => {
    expect(faultOf(() => listEntries(bytes, {}, fail)).kind).toBe(kind);
  });

  it('reports a directory that points past the end of the file', async () => {
    const bytes = Buffer.from(await zipOf({ 'a.xml': 'x' }));
    bytes.writeUInt32LE(bytes.length, bytes.length - 22 + 16);
    expect(faultOf(() => listEntries(bytes, {}, fail)).kind).toBe('directory');
  });
});

describe('inflateEntry and inflateEntryStream', () => {
  it('give the same bytes, stored or deflated', async () => {
    const text = 'Добро пожаловать '.repeat(500);
    for (const compression of ['STORE', 'DEFLATE'] as const) {
      const bytes = await zipOf({ 'a.xml': text }, compression);
      const [entry] = listEntries(bytes, {}, fail);
      const raw = rawEntryBytes(bytes, entry!, fail);
      expect(inflateEntry(raw, entry!, { limit: 1e6 }, fail).toString()).toBe(text);
      const chunks: Buffer[] = [];
      for await (const c of inflateEntryStream(bytesStream(raw), entry!, { limit: 1e6 }, fail))
        chunks.push(c);
      expect(Buffer.concat(chunks).toString()).toBe(text);
    }
  });

  it('refuses a declared size over the limit before inflating, naming the declared size', async () => {
    const bytes = await zipOf({ 'a.xml': 'x'.repeat(5000) });
    const [entry] = listEntries(bytes, {}, fail);
    expect(
      faultOf(() => inflateEntry(rawEntryBytes(bytes, entry!, fail), entry!, { limit: 1000 }, fail)),
    ).toEqual({
      kind: 'too-large',
      name: 'a.xml',
      limit: 1000,
      declared: 5000,
    });
  });

  it('stops inflating an entry that lies about its size, whole or streamed', async () => {
    const bytes = Buffer.from(await zipOf({ 'a.xml': Buffer.alloc(200_000) }));
    const [entry] = listEntries(bytes, {}, fail);
    const lying = { ...entry!, size: 10 };
    const raw = rawEntryBytes(bytes, entry!, fail);
    expect(faultOf(() => inflateEntry(raw, lying, { limit: 1000 }, fail)).kind).toBe('too-large');
    const streamed = (async () => {
      for await (const chunk of inflateEntryStream(bytesStream(raw), lying, { limit: 1000 }, fail))
        expect(chunk.length).toBeGreaterThan(0);
    })();
    await expect(streamed).rejects.toMatchObject({
      fault: { kind: 'too-large', name: 'a.xml', limit: 1000 },
    });
  });

  it('verifies what the caller asks: size and CRC, the CRC only, or nothing', async () => {
    const bytes = await zipOf({ 'a.xml': 'hello world' });
    const [entry] = listEntries(bytes, {}, fail);
    const raw = rawEntryBytes(bytes, entry!, fail);
    const wrongSize = { ...entry!, size: 5 };
    const wrongCrc = { ...entry!, crc32: (entry!.crc32 ^ 1) >>> 0 };
    expect(faultOf(() => inflateEntry(raw, wrongSize, { limit: 100 }, fail)).kind).toBe('mismatch');
    expect(inflateEntry(raw, wrongSize, { limit: 100, verify: 'crc' }, fail).toString()).toBe('hello world');
    expect(faultOf(() => inflateEntry(raw, wrongCrc, { limit: 100, verify: 'crc' }, fail)).kind).toBe(
      'mismatch',
    );
    expect(inflateEntry(raw, wrongCrc, { limit: 100, verify: 'none' }, fail).toString()).toBe('hello world');
  });

  it('reports damaged compressed bytes', async () => {
    const bytes = await zipOf({ 'a.xml': 'hello world '.repeat(100) });
    const [entry] = listEntries(bytes, {}, fail);
    const raw = Buffer.from(rawEntryBytes(bytes, entry!, fail));
    raw.fill(0xff, 0, 8);
    expect(faultOf(() => inflateEntry(raw, entry!, { limit: 1e6 }, fail)).kind).toBe('inflate');
  });

  it('refuses an encrypted entry and an unknown method', async () => {
    const bytes = await zipOf({ 'a.xml': 'x' });
    const [entry] = listEntries(bytes, {}, fail);
    const raw = rawEntryBytes(bytes, entry!, fail);
    expect(faultOf(() => inflateEntry(raw, { ...entry!, flags: 1 }, { limit: 100 }, fail)).kind).toBe(
      'encrypted',
    );
    expect(faultOf(() => inflateEntry(raw, { ...entry!, method: 12 }, { limit: 100 }, fail))).toEqual({
      kind: 'method',
      name: 'a.xml',
      method: 12,
    });
  });
});
