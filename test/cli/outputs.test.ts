/**
 * Where outputs go, as the CLI tells a user: `help` of a nested command, what `-o` names with and
 * without --split, missing folders, the output's extension, and `solution pack --out` on a file.
 */
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/cli/io';
import { run } from '../../src/cli/run';
import { translationsXml, translationsZip } from '../fixtures/crm-xml/translations';
import { fakeProject } from '../solution/fakes';
import { cliWorkspace, runCli } from './support';

const work = cliWorkspace('crmkit-outputs-');
const { cli } = work;

beforeAll(async () => {
  const xml = translationsXml([{ entity: 'account', objectId: 'r1', texts: { 1033: 'Save' } }], {
    languages: [1033, 1049, 1026],
    solution: 'Contoso',
  });
  await writeFile(path.join(work.dir, 'Solution.zip'), await translationsZip(xml));
  await writeFile(path.join(work.dir, 'Solution.xml'), xml);
  expect((await cli('labels', 'export', 'Solution.zip', '-o', 'book.xlsx')).code).toBe(0);
});

describe('crmkit help <group> <command>', () => {
  it.each([
    [['labels', 'export'], 'Usage: crmkit labels export [options] <input>'],
    [['labels', 'memory', 'build'], 'Usage: crmkit labels memory build [options] <inputs...>'],
    [['solution', 'pack'], 'Usage: crmkit solution pack [options]'],
    [['labels'], 'Usage: crmkit labels [options] [command]'],
  ])('help %j prints that command’s own help', async (words, usage) => {
    const io = memoryIo(work.dir);
    expect(await run(['help', ...words], io)).toBe(0);
    expect(io.out.join('').split('\n')[0]).toBe(usage);
  });
});

describe('what -o names', () => {
  it('refuses --split with an .xlsx name (it names a folder) and makes nothing', async () => {
    const r = await cli('labels', 'export', 'Solution.zip', '--split', '-o', 'x.xlsx');
    expect([r.code, r.err]).toEqual([
      2,
      'crmkit: -o x.xlsx: with --split, -o names the folder the workbooks are written into, not an .xlsx file\n',
    ]);
    expect(await work.files()).not.toContain('x.xlsx');
  });

  it('makes the --split folder itself, as mkdir does, but not a missing parent', async () => {
    const made = await cli('labels', 'export', 'Solution.zip', '--split', '-o', 'per-language');
    expect(made.code).toBe(0);
    expect(await work.files('per-language')).toEqual(['Solution.1026.xlsx', 'Solution.1049.xlsx']);
    const nested = await cli('labels', 'export', 'Solution.zip', '--split', '-o', 'no/such/folder');
    expect([nested.code, nested.err]).toEqual([
      5,
      'crmkit: no/such/folder: cannot write, folder no/such does not exist\n',
    ]);
    expect(await work.files()).not.toContain('no');
  });

  it('refuses a single workbook in a missing folder with the same message', async () => {
    const r = await cli('labels', 'export', 'Solution.zip', '-o', 'no/such/book.xlsx');
    expect([r.code, r.err]).toEqual([
      5,
      'crmkit: no/such/book.xlsx: cannot write, folder no/such does not exist\n',
    ]);
  });

  it.each([
    [
      'Solution.zip',
      'out.txt',
      '-o out.txt: the output is a zip Dynamics imports; name it .zip (or .xml for the bare CrmTranslations.xml)',
    ],
    [
      'Solution.zip',
      'out',
      '-o out: the output is a zip Dynamics imports; name it .zip (or .xml for the bare CrmTranslations.xml)',
    ],
    ['Solution.xml', 'out.txt', '-o out.txt: the output of an .xml input is an .xml file; name it .xml'],
  ])(
    'import --into %s -o %s is refused before anything is read or written',
    async (into, output, message) => {
      const r = await cli('labels', 'import', 'book.xlsx', '--into', into, '-o', output);
      expect([r.code, r.err]).toEqual([2, `crmkit: ${message}\n`]);
      expect(await work.files()).not.toContain(output);
    },
  );

  it('import writes the zip it is asked for, and a bare xml for -o .xml', async () => {
    expect(
      (await cli('labels', 'import', 'book.xlsx', '--into', 'Solution.zip', '-o', 'back.zip')).code,
    ).toBe(0);
    expect(
      (await cli('labels', 'import', 'book.xlsx', '--into', 'Solution.zip', '-o', 'back.xml')).code,
    ).toBe(0);
    expect(await work.files()).toEqual(expect.arrayContaining(['back.xml', 'back.zip']));
  });
});

describe('solution pack --out', () => {
  it('names a folder: a file there is refused in one line, before anything is built', async () => {
    const root = fakeProject();
    try {
      writeFileSync(path.join(root, 'taken'), 'not a folder');
      const r = await runCli(root, [
        'solution',
        'pack',
        '--client',
        'contoso',
        '--out',
        'taken',
        '--no-build',
      ]);
      expect([r.code, r.err]).toEqual([
        2,
        'crmkit: --out taken: is a file; --out names the folder the zips are written into\n',
      ]);
      expect(readdirSync(root)).not.toContain('out');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
