import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { labelKey, type Label } from '../../../src/labels/crm-xml/model';
import { writeSampleFile } from '../../../src/labels/sample-file';
import { unitName } from '../../../src/labels/xliff';
import { readAll } from '../crm-xml/support';
import { crmkit, removeTempDirs, tempDir, zipEntries } from '../support';
import {
  pocount,
  pofilterBraces,
  python,
  pythonSkip,
  schemaErrors,
  translateToolkitSkip,
  xmllintSkip,
} from './tools';

afterAll(removeTempDirs);

let dir = '';
let sampleXml: Buffer;
let labels: Label[] = [];

beforeAll(async () => {
  dir = tempDir('crmkit-xliff-');
  await writeSampleFile(path.join(dir, 'sample.zip'), { labels: 150 });
  await writeSampleFile(path.join(dir, 'other.zip'), { labels: 150, seed: 2 });
  sampleXml = (await zipEntries(path.join(dir, 'sample.zip'))).get('CrmTranslations.xml')!;
  labels = (await readAll(sampleXml)).labels;
  for (const version of ['1.2', '2.0']) {
    const res = await crmkit(
      dir,
      'labels',
      'export',
      'sample.zip',
      '--lang',
      '1049',
      '--xliff',
      version,
      '-o',
      `ru-${version}.xlf`,
    );
    expect(res.code, res.err).toBe(0);
  }
});

const xml = async (zip: string): Promise<Buffer> =>
  (await zipEntries(path.join(dir, zip))).get('CrmTranslations.xml')!;

/** Texts that differ between the sample and `zip`, as `key lcid → text`. */
async function changes(zip: string): Promise<Map<string, string>> {
  const before = new Map(labels.map((l) => [labelKey(l), l]));
  const out = new Map<string, string>();
  for (const label of (await readAll(await xml(zip))).labels) {
    for (const [lcid, text] of label.texts) {
      if (before.get(labelKey(label))?.texts.get(lcid) !== text) out.set(`${label.objectId} ${lcid}`, text);
    }
  }
  return out;
}

/** `crmkit labels export sample.zip <args…> -o <out>` in the test folder. */
const exportTo = (out: string, ...args: string[]) =>
  crmkit(dir, 'labels', 'export', 'sample.zip', ...args, '-o', out);

/** `crmkit labels import <files…> --into <into> -o <out> [--force]` in the test folder. */
const importInto = (into: string, out: string, ...files: string[]) =>
  crmkit(dir, 'labels', 'import', ...files, '--into', into, '-o', out);

const ru = (l: Label): string => l.texts.get(1049) ?? '';
const translated = (): Label[] => labels.filter((l) => ru(l) !== '' && (l.texts.get(1033) ?? '') !== '');
const untranslated = (): Label[] => labels.filter((l) => ru(l) === '' && (l.texts.get(1033) ?? '') !== '');

describe('XLIFF export → import', () => {
  it.each(['1.2', '2.0'])(
    'imports the unedited XLIFF %s back into a byte-identical CrmTranslations.xml',
    async (version) => {
      const res = await importInto('sample.zip', `same-${version}.zip`, `ru-${version}.xlf`);
      expect(res.code, res.err).toBe(0);
      expect(res.out).toContain('0 label text(s) changed');
      expect((await xml(`same-${version}.zip`)).equals(sampleXml)).toBe(true);
    },
  );

  it('imports XLIFF and workbooks mixed in one call, and refuses the same label changed two ways', async () => {
    expect((await exportTo('all.xlsx')).code).toBe(0);
    const label = translated().find((l) => l.sheet === 'Localized Labels')!;
    const name = unitName(label);
    const edited = readFileSync(path.join(dir, 'ru-1.2.xlf'), 'utf8').replace(
      new RegExp(`(resname="${name}"[^>]*>.*?<target state="translated">)[^<]*`),
      '$1Другой текст',
    );
    writeFileSync(path.join(dir, 'edited.xlf'), edited);
    const mixed = await importInto('sample.zip', 'mixed.zip', 'all.xlsx', 'edited.xlf');
    expect(mixed.code, mixed.err).toBe(0);
    expect(await changes('mixed.zip')).toEqual(new Map([[`${label.objectId} 1049`, 'Другой текст']]));

    writeFileSync(path.join(dir, 'edited2.xlf'), edited.replace('Другой текст', 'Третий текст'));
    const clash = await importInto('sample.zip', 'clash.zip', 'edited.xlf', 'edited2.xlf');
    expect(clash.code).toBe(4);
    expect(clash.err).toContain('changed differently in edited.xlf:');
  });

  it.each(['1.2', '2.0'] as const)(
    'lands an edit made with python xml.etree in XLIFF %s in exactly that label',
    async (version) => {
      if (pythonSkip !== undefined) return;
      const plain = (l: Label): boolean => !(l.texts.get(1033) ?? '').includes('{');
      const [edit, fill] = [translated().filter(plain)[3]!, untranslated().filter(plain)[0]!];
      python(
        PY_EDIT,
        path.join(dir, `ru-${version}.xlf`),
        path.join(dir, `py-${version}.xlf`),
        version,
        unitName(edit),
        'Исправлено <&>',
        unitName(fill),
        'Новый перевод',
      );
      const res = await importInto('sample.zip', `py-${version}.zip`, `py-${version}.xlf`);
      expect(res.code, res.err + res.out).toBe(0);
      expect(await changes(`py-${version}.zip`)).toEqual(
        new Map([
          [`${edit.objectId} 1049`, 'Исправлено <&>'],
          [`${fill.objectId} 1049`, 'Новый перевод'],
        ]),
      );
    },
  );

  it('imports a file a CAT tool re-saved (attributes reordered, alt-trans, approved, notes, its namespace) unchanged', async () => {
    if (pythonSkip !== undefined) return;
    python(PY_RESAVE, path.join(dir, 'ru-1.2.xlf'), path.join(dir, 'resaved.xlf'));
    const text = readFileSync(path.join(dir, 'resaved.xlf'), 'utf8');
    expect(text).toContain(':alt-trans');
    expect(text).toContain('urn:example:cat-tool');
    const res = await importInto('sample.zip', 'resaved.zip', 'resaved.xlf');
    expect(res.code, res.err).toBe(0);
    expect((await xml('resaved.zip')).equals(sampleXml)).toBe(true);
  });
});

describe('XLIFF refused on import', () => {
  it('refuses an XLIFF of another translations file unless --force', async () => {
    const res = await importInto('other.zip', 'x.zip', 'ru-1.2.xlf');
    expect(res.code).toBe(4);
    expect(res.err).toMatch(
      /^crmkit: ru-1\.2\.xlf \(exported from sample\.zip\): exported from another translations file than other\.zip; use --force/,
    );
    const forced = await importInto('other.zip', 'x.zip', 'ru-1.2.xlf', '--force');
    expect(forced.code, forced.err).toBe(0);
  });

  it('refuses an XLIFF whose target language the file lacks unless --force', async () => {
    const text = readFileSync(path.join(dir, 'ru-1.2.xlf'), 'utf8').replace(
      'target-language="ru-RU"',
      'target-language="de-DE"',
    );
    writeFileSync(path.join(dir, 'de.xlf'), text);
    const res = await importInto('sample.zip', 'de.zip', 'de.xlf');
    expect(res).toEqual({
      code: 4,
      out: '',
      err: 'crmkit: de.xlf (language 1031): sample.zip has no such target language (it has 1049, 1026, 1058); use --force to import the rest anyway\n',
    });
    const forced = await importInto('sample.zip', 'de.zip', 'de.xlf', '--force');
    expect(forced.code, forced.err).toBe(0);
  });

  it('refuses a unit whose placeholder was dropped, naming the key, and writes nothing', async () => {
    const label = labels.find((l) => ru(l).includes('{0}'))!;
    const text = readFileSync(path.join(dir, 'ru-1.2.xlf'), 'utf8').replace(
      new RegExp(`(resname="${unitName(label)}".*?<target[^>]*>.*?)<ph id="1">\\{0\\}</ph>`),
      '$1',
    );
    writeFileSync(path.join(dir, 'dropped.xlf'), text);
    const res = await importInto('sample.zip', 'dropped.zip', 'dropped.xlf');
    expect(res.code).toBe(4);
    expect(res.err).toContain(
      `dropped.xlf › ${label.sheet}: ${label.entity} / ${label.objectId}, 1049: the placeholder {0} (<ph id="1">) was dropped`,
    );
    expect(res.err).not.toContain('of the base text is missing');
    expect(readFileSync(path.join(dir, 'dropped.xlf'), 'utf8')).toBe(text);
    await expect(zipEntries(path.join(dir, 'dropped.zip'))).rejects.toThrow();
  });

  it('refuses an XLIFF larger than --max-size in one line, exit 3', async () => {
    const res = await importInto('sample.zip', 'big.zip', 'ru-1.2.xlf', '--max-size', '1KiB');
    expect(res.code).toBe(3);
    expect(res.err).toMatch(
      /^crmkit: ru-1\.2\.xlf: [\d,]+ bytes, more than the limit of 1,024 bytes for an XLIFF file \(--max-size\); not read\n$/,
    );
  });

  it('refuses an XLIFF with a DOCTYPE in one line, exit 3', async () => {
    writeFileSync(
      path.join(dir, 'evil.xlf'),
      '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY e "e">]>\n<xliff/>',
    );
    const res = await importInto('sample.zip', 'evil.zip', 'evil.xlf');
    expect(res).toEqual({
      code: 3,
      out: '',
      err: 'crmkit: evil.xlf:2: not a valid XLIFF file: a DOCTYPE is not allowed in an XLIFF file\n',
    });
  });
});

describe('XLIFF export options', () => {
  it('refuses a single XLIFF for several languages, listing them', async () => {
    const res = await exportTo('all.xlf');
    expect(res.code).toBe(2);
    expect(res.err).toBe(
      'crmkit: -o all.xlf: an XLIFF file holds one target language and sample.zip has 1049, 1026, 1058: choose one with --lang, or write one file per language with --split --format xliff\n',
    );
  });

  it.each([
    [['--format', 'xliff', '-o', 'x.xlsx'], '-o x.xlsx: an XLIFF file must be named .xlf or .xliff'],
    [['--xliff', '3.0', '-o', 'x.xlf'], '--xliff 3.0: expected 1.2 or 2.0'],
    [['--format', 'po', '-o', 'x.xlf'], '--format po: expected workbook or xliff'],
    [
      ['--split', '--format', 'xliff', '-o', 'x.xlf'],
      '-o x.xlf: with --split, -o names the folder the files are written into, not an XLIFF file',
    ],
  ])('refuses %j', async (args, message) => {
    const res = await crmkit(dir, 'labels', 'export', 'sample.zip', ...args);
    expect(res).toEqual({ code: 2, out: '', err: `crmkit: ${message}\n` });
  });

  it('writes one XLIFF per language with --split --format xliff, and only the missing with --missing-only', async () => {
    const res = await exportTo('split', '--split', '--format', 'xliff', '--missing-only');
    expect(res.code, res.err).toBe(0);
    const ruFile = readFileSync(path.join(dir, 'split', 'sample.1049.xlf'), 'utf8');
    expect(ruFile.match(/<trans-unit /g)?.length).toBe(labels.filter((l) => ru(l).trim() === '').length);
    expect(ruFile).not.toContain('<target');
  });
});

describe.skipIf(xmllintSkip !== undefined)('exported XLIFF against the OASIS schemas (xmllint)', () => {
  it('validates every file export writes: 1.2, 2.0, split, with memory suggestions', async () => {
    const res = await exportTo('bg.xliff', '--lang', '1026', '--consistency');
    expect(res.code, res.err).toBe(0);
    const mem = await exportTo('bg-2.0.xlf', '--lang', '1026', '--xliff', '2.0', '--memory', 'other.zip');
    expect(mem.code, mem.err).toBe(0);
    for (const [file, version] of [
      ['ru-1.2.xlf', '1.2'],
      ['ru-2.0.xlf', '2.0'],
      ['bg.xliff', '1.2'],
      ['bg-2.0.xlf', '2.0'],
      ['split/sample.1026.xlf', '1.2'],
    ] as const)
      expect(schemaErrors(path.join(dir, file), version), file).toBe('');
  });
});

describe.skipIf(translateToolkitSkip !== undefined)('exported XLIFF read by translate-toolkit', () => {
  it('counts the translated, suggested (fuzzy) and untranslated labels, and finds no broken placeholder', async () => {
    const res = await exportTo('ru-mem.xlf', '--lang', '1049', '--memory', 'other.zip');
    expect(res.code, res.err).toBe(0);
    const filled = Number(/Filled (\d+) empty/.exec(res.out)?.[1]);
    expect(filled).toBeGreaterThan(0);
    const withText = labels.filter((l) => ru(l) !== '').length;
    expect(pocount(path.join(dir, 'ru-1.2.xlf'))).toEqual({
      total: labels.length,
      translated: withText,
      fuzzy: 0,
      untranslated: labels.length - withText,
    });
    expect(pocount(path.join(dir, 'ru-mem.xlf'))).toEqual({
      total: labels.length,
      translated: withText,
      fuzzy: filled,
      untranslated: labels.length - withText - filled,
    });
    expect(pofilterBraces(path.join(dir, 'ru-mem.xlf'), dir)).toBe('');
  });
});

/** Sets a unit's target text with ElementTree: argv = in, out, version, then name/text pairs. */
const PY_EDIT = `
import sys, xml.etree.ElementTree as ET
src, dst, version = sys.argv[1:4]
ns = 'urn:oasis:names:tc:xliff:document:' + version
ET.register_namespace('', ns)
ET.register_namespace('mda', 'urn:oasis:names:tc:xliff:metadata:2.0')
tree = ET.parse(src)
edits = dict(zip(sys.argv[4::2], sys.argv[5::2]))
for unit in tree.iter('{%s}%s' % (ns, 'trans-unit' if version == '1.2' else 'unit')):
    name = unit.get('resname' if version == '1.2' else 'name')
    if name not in edits: continue
    holder = unit if version == '1.2' else unit.find('{%s}segment' % ns)
    target = holder.find('{%s}target' % ns)
    if target is None:
        target = ET.Element('{%s}target' % ns)
        holder.insert(list(holder).index(holder.find('{%s}source' % ns)) + 1, target)
    for child in list(target): target.remove(child)
    target.text = edits[name]
    if version == '1.2': target.set('state', 'translated')
    else: holder.set('state', 'translated')
tree.write(dst, encoding='UTF-8', xml_declaration=True)
`;

/** Re-saves XLIFF 1.2 as a CAT tool might: attributes reversed, alt-trans, approved, notes, a namespace of its own, groups. */
const PY_RESAVE = `
import sys, xml.etree.ElementTree as ET
ns = 'urn:oasis:names:tc:xliff:document:1.2'
ET.register_namespace('xlf', ns)
ET.register_namespace('cat', 'urn:example:cat-tool')
q = lambda n: '{%s}%s' % (ns, n)
tree = ET.parse(sys.argv[1])
body = tree.getroot().find(q('file')).find(q('body'))
units = list(body)
for unit in units: body.remove(unit)
group = ET.SubElement(body, q('group'), {'id': 'g1', '{urn:example:cat-tool}origin': 'project'})
for unit in units:
    attrs = list(unit.attrib.items())[::-1]
    unit.attrib.clear()
    unit.attrib.update(attrs)
    unit.set('approved', 'yes')
    alt = ET.SubElement(unit, q('alt-trans'), {'match-quality': '75'})
    ET.SubElement(alt, q('source')).text = 'Something else'
    ET.SubElement(alt, q('target')).text = 'Что-то другое'
    ET.SubElement(unit, q('note'), {'from': 'reviewer'}).text = 'checked'
    ET.SubElement(unit, '{urn:example:cat-tool}status', {'locked': 'false'})
    group.append(unit)
tree.write(sys.argv[2], encoding='UTF-8', xml_declaration=True)
`;

describe('XLIFF as input of check, stats and memory build', () => {
  it('counts the labels an XLIFF 2.0 file translates, as stats of the source do', async () => {
    const fromXliff = await crmkit(dir, 'labels', 'stats', 'ru-2.0.xlf', '--json');
    const fromZip = await crmkit(dir, 'labels', 'stats', 'sample.zip', '--json');
    expect(fromXliff.code, fromXliff.err).toBe(0);
    const ruOf = (out: string): unknown =>
      (JSON.parse(out) as { languages: { lcid: number }[] }).languages.find((l) => l.lcid === 1049);
    expect(ruOf(fromXliff.out)).toEqual(ruOf(fromZip.out));
  });

  it('checks an XLIFF file and builds a memory from it', async () => {
    const check = await crmkit(dir, 'labels', 'check', 'ru-1.2.xlf', '--json');
    expect([0, 1]).toContain(check.code);
    expect(check.err).toBe('');
    const memory = await crmkit(dir, 'labels', 'memory', 'build', 'ru-1.2.xlf', '-o', 'ru.tmx');
    expect(memory.code, memory.err).toBe(0);
    expect(memory.out).toMatch(/^ru\.tmx: \d+ translations of \d+ base texts from 1 file\(s\)\n$/);
  });
});

describe("an XLIFF export over a translator's returned XLIFF", () => {
  it('refuses to overwrite its edits (exit 4, file untouched) until they are imported, or with --force', async () => {
    expect((await exportTo('work.xlf', '--lang', '1049')).code).toBe(0);
    expect((await exportTo('work.xlf', '--lang', '1049')).code).toBe(0);
    const label = untranslated().find((l) => !(l.texts.get(1033) ?? '').includes('{'))!;
    const edited = readFileSync(path.join(dir, 'work.xlf'), 'utf8').replace(
      new RegExp(`(resname="${unitName(label)}"[^>]*><source>[^<]*</source>)`),
      '$1<target>Готово</target>',
    );
    writeFileSync(path.join(dir, 'work.xlf'), edited);
    const refused = await exportTo('work.xlf', '--lang', '1049');
    expect(refused.code).toBe(4);
    expect(refused.err).toMatch(
      /^crmkit: work\.xlf \(1 edited cell\(s\)\): exists and holds a translator's edits/,
    );
    expect(readFileSync(path.join(dir, 'work.xlf'), 'utf8')).toBe(edited);

    expect((await importInto('sample.zip', 'work.zip', 'work.xlf')).code).toBe(0);
    const again = await crmkit(dir, 'labels', 'export', 'work.zip', '--lang', '1049', '-o', 'work.xlf');
    expect(again.code, again.err).toBe(0);
    writeFileSync(path.join(dir, 'work.xlf'), edited.replace('Готово', 'Иначе'));
    expect((await exportTo('work.xlf', '--lang', '1049', '--force')).code).toBe(0);
  });
});
