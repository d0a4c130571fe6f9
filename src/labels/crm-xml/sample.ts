/**
 * Deterministic generator of a realistic CrmTranslations.xml (as Dynamics writes it: one line,
 * styles s21–s24, every cell written out), used by the bundled sample, fixtures and the benchmark.
 */
import type { Label, Lcid } from './model';
import { encodeXmlText } from './xml-text';
import {
  CHOICES,
  COLUMNS,
  FORM_PARTS,
  MESSAGES,
  RIBBON,
  TABLES,
  VIEWS,
  type Term,
} from './sample-vocabulary';

export interface SampleOptions {
  /** About how many Localized Labels rows (whole tables are generated, so a few more may come). */
  labels: number;
  seed?: number;
  solutionName?: string;
  /** Share of labels translated per target language (1049, 1026, 1058). */
  coverage?: readonly [number, number, number];
}

export const SAMPLE_LANGUAGES: readonly Lcid[] = [1033, 1049, 1026, 1058];

/** `[Content_Types].xml` as Dynamics puts it into a translations zip. */
export const SAMPLE_CONTENT_TYPES =
  '<?xml version="1.0" encoding="utf-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/octet-stream" /></Types>';

function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every label of the sample, in file order (Display Strings first, then Localized Labels). */
export function* sampleLabels(options: SampleOptions): Generator<Label> {
  const rnd = random(options.seed ?? 1);
  const coverage = options.coverage ?? [0.8, 0.5, 0.3];
  const guid = (): string => {
    let h = '';
    for (let i = 0; i < 4; i++)
      h += Math.floor(rnd() * 0x100000000)
        .toString(16)
        .padStart(8, '0');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
  };
  const texts = (term: Term): Map<Lcid, string> => {
    const m = new Map<Lcid, string>([[1033, term[0]]]);
    SAMPLE_LANGUAGES.slice(1).forEach((lcid, i) =>
      m.set(lcid, rnd() < (coverage[i] ?? 0) ? (term[i + 1] ?? '') : ''),
    );
    return m;
  };
  const map = (term: Term, f: (s: string, i: number) => string): Term => [
    f(term[0], 0),
    f(term[1], 1),
    f(term[2], 2),
    f(term[3], 3),
  ];
  for (const [i, message] of MESSAGES.entries()) {
    const table = TABLES[i % TABLES.length]!;
    const key = `${table.name}.Message${i + 1}`;
    yield { sheet: 'Display Strings', entity: table.name, objectId: key, column: '', texts: texts(message) };
  }
  const ll = (entity: string, objectId: string, column: string, term: Term): Label => ({
    sheet: 'Localized Labels',
    entity,
    objectId,
    column,
    texts: texts(term),
  });
  yield ll('Solution', guid(), 'friendlyname', [
    'Contoso Sales',
    'Продажи Contoso',
    'Продажби Contoso',
    'Продажі Contoso',
  ]);
  yield ll('Publisher', guid(), 'friendlyname', ['Contoso', 'Contoso', 'Contoso', 'Contoso']);
  let count = 2;
  for (let t = 0; count < options.labels; t++) {
    const base = TABLES[t % TABLES.length]!;
    const round = Math.floor(t / TABLES.length);
    const suffix = (s: string): string => (round === 0 ? s : `${s} ${round + 1}`);
    const entity = round === 0 ? base.name : `${base.name}${round + 1}`;
    const singular = map(base.singular, suffix);
    const plural = map(base.plural, suffix);
    const rows: Label[] = [
      ll(entity, guid(), 'LocalizedName', singular),
      ll(entity, guid(), 'LocalizedCollectionName', plural),
      ll(entity, guid(), 'Description', [
        `${plural[0]} handled by the sales team.`,
        `${plural[1]}, с которыми работает отдел продаж.`,
        `${plural[2]}, с които работи търговският отдел.`,
        `${plural[3]}, з якими працює відділ продажів.`,
      ]),
    ];
    for (const col of COLUMNS) {
      const id = guid();
      rows.push(ll(entity, id, 'DisplayName', col));
      rows.push(
        ll(
          entity,
          id,
          'Description',
          map(col, (s, i) => `${s} (${singular[i]})`),
        ),
      );
    }
    for (const choice of CHOICES) rows.push(ll(entity, guid(), 'DisplayName', choice));
    const form = guid();
    rows.push(
      ll(
        entity,
        form,
        'name',
        map(singular, (s) => `${s}: Main`),
      ),
    );
    for (const part of FORM_PARTS) rows.push(ll(entity, guid(), 'displayname', part));
    for (const col of COLUMNS.slice(0, 8)) rows.push(ll(entity, guid(), 'displayname', col));
    for (const view of VIEWS)
      rows.push(
        ll(
          entity,
          guid(),
          'name',
          map(view, (s, i) => s.replace('{0}', plural[i] ?? '')),
        ),
      );
    for (const [i, button] of RIBBON.entries()) {
      rows.push(
        ll('RibbonCustomization', `contoso.${entity}.Form.Button${i + 1}.LabelText`, 'LocLabel', button),
      );
    }
    for (const row of rows) {
      yield row;
      count++;
      if (count >= options.labels) return;
    }
  }
}

const PROLOG =
  '<?xml version="1.0"?><?mso-application progid="Excel.Sheet"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet" xmlns:html="http://www.w3.org/TR/REC-html40"><DocumentProperties xmlns="urn:schemas-microsoft-com:office:office"><Author>Microsoft Dynamics 365</Author><Created>2026-05-30T11:42:53Z</Created></DocumentProperties><ExcelWorkbook xmlns="urn:schemas-microsoft-com:office:excel"><WindowHeight>9000</WindowHeight><WindowWidth>13860</WindowWidth><ProtectStructure>False</ProtectStructure><ProtectWindows>False</ProtectWindows></ExcelWorkbook><Styles><Style ss:ID="Default" ss:Name="Normal"><Alignment ss:Vertical="Bottom" /><Borders /><Font /><Interior /><NumberFormat /><Protection /></Style><Style ss:ID="s21"><Font ss:Bold="1" /><Interior ss:Color="#CCCCFF" ss:Pattern="Solid" /></Style><Style ss:ID="s22"><Protection ss:Protected="1" /></Style><Style ss:ID="s23"><NumberFormat ss:Format="General Date" /></Style><Style ss:ID="s24"><Protection ss:Protected="0" /></Style></Styles>';

const str = (text: string, style: string): string =>
  `<Cell ss:StyleID="${style}"><Data ss:Type="String">${encodeXmlText(text)}</Data></Cell>`;
const num = (n: number): string => `<Cell ss:StyleID="s21"><Data ss:Type="Number">${n}</Data></Cell>`;

/** The XML text in chunks of about 64 KB. */
export function* sampleXml(options: SampleOptions): Generator<string> {
  const solution = options.solutionName ?? 'ContosoSales';
  const info = (name: string, value: string, type = 'String'): string =>
    `<Row>${str(name, 's21')}<Cell ss:StyleID="s22"><Data ss:Type="${type}">${value}</Data></Cell></Row>`;
  let out =
    PROLOG +
    '<Worksheet ss:Name="Information" ss:Protected="1"><Table>' +
    info('Organization ID:', '6f1c2a9e-3b7d-4e21-9a55-0c8d1e2f3a4b') +
    info('Exported on:', '2026-05-30T11:42:53', 'DateTime') +
    info('Base language name:', 'English') +
    info('Base language ID:', '1033', 'Number') +
    info('Solution Name:', solution) +
    '</Table></Worksheet><Worksheet ss:Name="Display Strings" ss:Protected="1"><Table><Row>' +
    str('Entity name', 's21') +
    str('Display String Key', 's21') +
    SAMPLE_LANGUAGES.map(num).join('') +
    '</Row>';
  let sheet = 'Display Strings';
  for (const label of sampleLabels(options)) {
    if (label.sheet !== sheet) {
      sheet = label.sheet;
      out +=
        '</Table></Worksheet><Worksheet ss:Name="Localized Labels" ss:Protected="1"><Table><Row>' +
        str('Entity name', 's21') +
        str('Object ID', 's21') +
        str('Object Column Name', 's21') +
        SAMPLE_LANGUAGES.map(num).join('') +
        '</Row>';
    }
    out += `<Row ss:AutoFitHeight="0">${str(label.entity, 's22')}${str(label.objectId, 's22')}`;
    if (sheet === 'Localized Labels') out += str(label.column, 's22');
    for (const lcid of SAMPLE_LANGUAGES) out += str(label.texts.get(lcid) ?? '', 's24');
    out += '</Row>';
    if (out.length > 65536) {
      yield out;
      out = '';
    }
  }
  yield `${out}</Table></Worksheet></Workbook>`;
}
