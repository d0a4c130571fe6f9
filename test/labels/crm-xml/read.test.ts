import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isCrmKitError } from '../../../src/errors';
import { sampleXml } from '../../../src/labels/crm-xml/sample';
import { fixture, minimalXml, readAll, row } from './support';

async function failure(xml: string): Promise<{ code: string; message: string }> {
  try {
    await readAll(xml);
  } catch (e) {
    if (isCrmKitError(e)) return { code: e.code, message: e.message };
    throw e;
  }
  throw new Error('expected the read to fail');
}

function cutAfterLastRow(xml: string): string {
  return xml.slice(0, xml.lastIndexOf('</Row>') + 6);
}

const ID = '02efc0ba-f85d-f011-bec2-000d3aa38385';

describe('reading CrmTranslations.xml', () => {
  it('reads the header and every label of an Excel re-saved file (BOM, CRLF, pretty-printed)', async () => {
    const { header, labels } = await readAll(fixture('excel-resaved.xml'));
    expect(header).toMatchObject({
      baseLcid: 1033,
      baseLanguageName: 'English',
      solutionName: 'ContosoSales',
      organizationId: '6f1c2a9e-3b7d-4e21-9a55-0c8d1e2f3a4b',
      languages: {
        'Display Strings': [1033, 1049, 1026, 1058],
        'Localized Labels': [1033, 1049, 1026, 1058],
      },
    });
    expect(labels).toHaveLength(6);
  });

  it.each([
    [
      'a <Cell/> without Data is an empty text',
      0,
      { 1033: 'Sales Order', 1049: 'Заказ на продажу', 1026: '', 1058: 'Замовлення на продаж' },
    ],
    [
      'ss:Index skips to the right language column',
      1,
      { 1033: 'Sales Orders', 1049: '', 1026: '', 1058: 'Замовлення на продаж' },
    ],
    [
      'entities are decoded and missing trailing cells are empty',
      2,
      { 1033: 'Terms & Conditions <draft>', 1049: '', 1026: '', 1058: '' },
    ],
    [
      'Number-typed Data is read as text; rich-text runs are joined; comments are ignored',
      3,
      { 1033: '2026', 1049: 'Год выпуска', 1026: 'Година', 1058: '' },
    ],
    [
      'emoji and leading/trailing spaces are kept',
      4,
      { 1033: 'Approve 👍', 1049: '  Утвердить  ', 1026: '', 1058: '' },
    ],
  ])('%s', async (_title, index, texts) => {
    const { labels } = await readAll(fixture('excel-resaved.xml'));
    const label = labels.filter((l) => l.sheet === 'Localized Labels')[index]!;
    expect(Object.fromEntries([...label.texts].map(([k, v]) => [String(k), v]))).toEqual(
      Object.fromEntries(Object.entries(texts).map(([k, v]) => [k, v])),
    );
  });

  it('reads Display Strings with their key and a &#10; line break', async () => {
    const { labels } = await readAll(fixture('excel-resaved.xml'));
    const ds = labels.find((l) => l.sheet === 'Display Strings')!;
    expect(ds).toMatchObject({ entity: 'pl_salesorder', objectId: 'pl_salesorder.SaveMessage', column: '' });
    expect(ds.texts.get(1033)).toBe('The order {0} was saved.\nTotal: {1}');
    expect(ds.texts.get(1058)).toBe('Замовлення {0} збережено.\nРазом: {1}');
  });

  it('turns a literal CR LF inside a text into LF but keeps &#13;&#10;', async () => {
    const { labels } = await readAll(minimalXml(row('a', ID, 'name', 'one\r\ntwo', 'три&#13;&#10;четыре')));
    expect(labels[0]?.texts.get(1033)).toBe('one\ntwo');
    expect(labels[0]?.texts.get(1049)).toBe('три\r\nчетыре');
  });

  it('gives the same labels whatever the chunk size (tags and entities split across chunks)', async () => {
    const bytes = fixture('excel-resaved.xml');
    const whole = await readAll(bytes);
    for (const size of [1, 2, 3, 7, 64, 1000]) {
      const chunked = await readAll(bytes, size);
      expect(chunked.labels).toEqual(whole.labels);
    }
  });

  it('reads a generated Dynamics-style file with the labels it was generated from', async () => {
    const xml = [...sampleXml({ labels: 300 })].join('');
    const { labels, header } = await readAll(xml);
    expect(labels).toHaveLength(304);
    expect(header.languages['Localized Labels']).toEqual([1033, 1049, 1026, 1058]);
    expect(labels.every((l) => (l.texts.get(1033) ?? '') !== '')).toBe(true);
  });

  it('computes the SHA-256 fingerprint of the bytes', async () => {
    const bytes = fixture('excel-resaved.xml');
    const { fingerprint } = await readAll(bytes, 5);
    expect(fingerprint).toBe(createHash('sha256').update(bytes).digest('hex'));
  });
});

describe('refusing what is not a translations file', () => {
  it.each([
    [
      'a DOCTYPE with entity declarations (billion laughs)',
      minimalXml(row('a', ID, 'name', '&lol3;', ''), {
        prolog:
          '<?xml version="1.0"?><!DOCTYPE Workbook [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;">]>',
      }),
      'XML_DOCTYPE',
      /line 1: DOCTYPE declarations are refused/,
    ],
    [
      'an external entity (XXE)',
      minimalXml(row('a', ID, 'name', '&xxe;', ''), {
        prolog: '<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
      }),
      'XML_DOCTYPE',
      /line 2: DOCTYPE/,
    ],
    [
      'an undeclared entity',
      minimalXml(row('a', ID, 'name', '&nbsp;', '')),
      'XML_MALFORMED',
      /undefined entity or stray "&": &nbsp;/,
    ],
    [
      'a reference to a character XML cannot carry',
      minimalXml(row('a', ID, 'name', 'bell&#7;', '')),
      'XML_MALFORMED',
      /character reference &#7; to a character XML cannot carry/,
    ],
    [
      'a truncated file',
      cutAfterLastRow(minimalXml(row('a', ID, 'name', 'x', 'y'))),
      'XML_MALFORMED',
      /unexpected end of file inside <Table>/,
    ],
    [
      'a file cut inside a tag',
      minimalXml(row('a', ID, 'name', 'x', 'y')).slice(0, -3),
      'XML_MALFORMED',
      /end of file inside a tag/,
    ],
    [
      'mismatched tags',
      minimalXml('<Row><Cell><Data ss:Type="String">x</Cell></Row>'),
      'XML_MALFORMED',
      /expected <\/Data>, found <\/Cell>/,
    ],
    [
      'text after the root element',
      `${minimalXml('')}junk`,
      'XML_MALFORMED',
      /text outside the root element/,
    ],
    [
      'malformed attributes',
      minimalXml('<Row><Cell ss:Index=3><Data>x</Data></Cell></Row>'),
      'XML_MALFORMED',
      /malformed attributes in <Cell>/,
    ],
    ['an empty file', '', 'XML_MALFORMED', /no XML element found/],
    [
      'another XML document',
      '<?xml version="1.0"?><html><body/></html>',
      'NOT_TRANSLATIONS',
      /root element <html>, expected <Workbook>/,
    ],
    [
      'a workbook without "Localized Labels"',
      '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="Sheet1"/></Workbook>',
      'NOT_TRANSLATIONS',
      /no "Localized Labels" worksheet/,
    ],
    [
      'a "Localized Labels" sheet without key columns',
      '<Workbook><Worksheet ss:Name="Localized Labels"><Table><Row><Cell><Data ss:Type="String">Name</Data></Cell></Row></Table></Worksheet></Workbook>',
      'NOT_TRANSLATIONS',
      /has no "Entity name", "Object ID", "Object Column Name" column/,
    ],
    [
      'an ss:Index that goes backwards',
      minimalXml('<Row><Cell ss:Index="3"><Data>a</Data></Cell><Cell ss:Index="2"/></Row>'),
      'XML_MALFORMED',
      /ss:Index="2" is not after the previous cell/,
    ],
  ])('refuses %s', async (_title, xml, code, message) => {
    const e = await failure(xml);
    expect(e.code).toBe(code);
    expect(e.message).toMatch(message);
    expect(e.message.startsWith('test.xml')).toBe(true);
    expect(e.message).not.toContain('\n');
  });

  it('refuses bytes that are not UTF-8', async () => {
    const bytes = Buffer.concat([
      Buffer.from(minimalXml(row('a', ID, 'name', 'x', '')).slice(0, 300)),
      Buffer.from([0xff, 0xfe]),
    ]);
    await expect(readAll(bytes)).rejects.toMatchObject({
      code: 'XML_MALFORMED',
      message: 'test.xml: not valid UTF-8 text',
    });
  });

  it('never expands an entity: the billion-laughs file fails before any label is produced', async () => {
    const labels: string[] = [];
    const xml = `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "${'a'.repeat(100)}">]>${minimalXml(row('a', ID, 'name', '&a;', ''), { prolog: '' })}`;
    await expect(readAll(xml)).rejects.toMatchObject({ code: 'XML_DOCTYPE' });
    expect(labels).toEqual([]);
  });
});
