import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/cli/io';
import { run } from '../../src/cli/run';
import { translationsXml } from '../fixtures/crm-xml/translations';
import { writeSolutions } from '../labels/memory-fixtures';
import { zipInMemory } from '../../src/zip/write';
import { cliWorkspace } from './support';

const work = cliWorkspace('crmkit-memory-');
const { cli } = work;
beforeAll(() => writeSolutions(work.dir));

describe('translation memory on the command line', () => {
  it('says how many empty cells it filled, from memory and from the file, per language', async () => {
    const { code, out, err } = await cli('labels', 'export', 'B.zip', '--memory', 'A.zip', '-o', 'b.xlsx');
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toContain(
      'Filled 3 empty cell(s) from memory (1 file(s)) and from this file (1049: 2, 1026: 1); they are marked light yellow with a note "from memory: …" for review\n',
    );
  });

  it('builds a TMX memory, each translation with the file it came from', async () => {
    const built = await cli('labels', 'memory', 'build', 'A.zip', '-o', 'memory.tmx');
    expect(built.code).toBe(0);
    expect(built.out).toBe('memory.tmx: 3 translations of 2 base texts from 1 file(s)\n');
    const tmx = await readFile(path.join(work.dir, 'memory.tmx'), 'utf8');
    expect(tmx).toContain('<tmx version="1.4">');
    expect(tmx).toContain(
      '<tuv xml:lang="ru-RU"><prop type="x-crmkit-source">A.zip</prop><seg>Заказ на продажу</seg></tuv>',
    );
  });

  it('--consistency alone says it filled from this file only', async () => {
    const { code, out } = await cli('labels', 'export', 'B.zip', '--consistency', '-o', 'c.xlsx');
    expect(code).toBe(0);
    expect(out).toContain('Filled 1 empty cell(s) from this file (1049: 1)');
  });

  it('shows its phases on a terminal, clears the line at the end, and is silent with --quiet', async () => {
    const tty = { ...memoryIo(work.dir), isTTY: true };
    expect(await run(['labels', 'export', 'B.zip', '--memory', 'A.zip', '-o', 'tty.xlsx'], tty)).toBe(0);
    const err = tty.err.join('');
    expect(err).toContain('\rreading memory: ');
    expect(err).toContain('\rexporting: ');
    expect(err).toMatch(/\r {10,}\r$/);
    expect(tty.out.join('')).toContain('Filled 3 empty cell(s)');

    const quiet = { ...memoryIo(work.dir), isTTY: true };
    expect(
      await run(['labels', 'export', 'B.zip', '--memory', 'A.zip', '-o', 'tty.xlsx', '--quiet'], quiet),
    ).toBe(0);
    expect(quiet.err).toEqual([]);
  });

  it('accepts --memory several times, before or after the input', async () => {
    const { code, out } = await cli(
      'labels',
      'export',
      '--memory',
      'memory.tmx',
      'B.zip',
      '--memory',
      'A.zip',
      '-o',
      'b2.xlsx',
    );
    expect(code).toBe(0);
    expect(out).toContain('from memory (2 file(s))');
  });

  it('takes a folder as memory, and a workbook in it counts', async () => {
    const { mkdir, copyFile } = await import('node:fs/promises');
    await mkdir(path.join(work.dir, 'past'), { recursive: true });
    // A workbook exported from A stands for a translator's returned file.
    expect((await cli('labels', 'export', 'A.zip', '-o', 'past/a.xlsx')).code).toBe(0);
    await copyFile(path.join(work.dir, 'B.zip'), path.join(work.dir, 'past', 'B.zip'));
    const { code, out } = await cli('labels', 'memory', 'build', 'past', '-o', 'past.tmx');
    expect(code).toBe(0);
    // a.xlsx gives A's three translations; B.zip (also in the folder) adds Quote→ru and Phone→ru.
    expect(out).toBe('past.tmx: 4 translations of 3 base texts from 2 file(s)\n');
  });

  it('refuses a memory file that is not TMX, naming file and line, and writes no workbook', async () => {
    await writeFile(
      path.join(work.dir, 'bad.tmx'),
      '<?xml version="1.0"?>\n<tmx version="1.4">\n<header srclang="en-US"/>\n<body><tu><tuv xml:lang="ru-RU"><seg>x</tuv></tu></body></tmx>',
    );
    const { code, out, err } = await cli(
      'labels',
      'export',
      'B.zip',
      '--memory',
      'bad.tmx',
      '-o',
      'never.xlsx',
    );
    expect(code).toBe(3);
    expect(err).toMatch(/^crmkit: bad\.tmx:4: not a valid TMX file: .+\n$/);
    expect(out).toBe('');
    expect(await work.files()).not.toContain('never.xlsx');
  });

  it('refuses a memory zip that is no zip, and an input refused as its suggestions are read, writing nothing', async () => {
    await writeFile(path.join(work.dir, 'broken.zip'), 'not a zip at all');
    const memory = await cli('labels', 'export', 'B.zip', '--memory', 'broken.zip', '-o', 'none1.xlsx');
    expect([memory.code, memory.out, memory.err]).toEqual([3, '', 'crmkit: broken.zip: not a zip file\n']);
    const xml = '<?xml version="1.0"?><!DOCTYPE a [<!ENTITY b "c">]><Workbook/>';
    await writeFile(
      path.join(work.dir, 'doctype.zip'),
      await zipInMemory([{ path: 'CrmTranslations.xml', bytes: Buffer.from(xml) }], new Date()),
    );
    const input = await cli('labels', 'export', 'doctype.zip', '--memory', 'A.zip', '-o', 'none2.xlsx');
    expect([input.code, input.out]).toEqual([3, '']);
    expect(input.err).toBe(
      'crmkit: doctype.zip › CrmTranslations.xml: line 1: DOCTYPE declarations are refused (no entity expansion)\n',
    );
    const files = await work.files();
    expect(files).not.toContain('none1.xlsx');
    expect(files).not.toContain('none2.xlsx');
  });

  it('says there is nothing to build from files without translations', async () => {
    await writeFile(
      path.join(work.dir, 'empty.xml'),
      translationsXml([{ entity: 'a', objectId: '1', texts: { 1033: 'Only base' } }]),
    );
    const { code, err } = await cli('labels', 'memory', 'build', 'empty.xml', '-o', 'empty.tmx');
    expect(code).toBe(4);
    expect(err).toBe('crmkit: no translations found in 1 file(s); nothing to put in empty.tmx\n');
    expect(await work.files()).not.toContain('empty.tmx');
  });
});
