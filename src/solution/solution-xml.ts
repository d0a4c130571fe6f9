import { type Localized, type Publisher } from './model';
import { escapeAttribute } from '../xml/escape';
import { XML_DECLARATION } from './xml';

export const NL = '\r\n';

/**
 * Component types (Dataverse's componenttype choices): 1 table, 20 security role, 26 view,
 * 59 chart (saved query visualization), 60 form, 61 web resource, 66 custom control.
 */
export type RootComponentType = 1 | 20 | 26 | 59 | 60 | 61 | 66;

/** A root component, named by schema name (tables, web resources, controls) or by id (roles, views, charts, forms). */
export type RootComponent =
  { type: RootComponentType; schemaName: string } | { type: RootComponentType; id: string };

const rootKey = (r: RootComponent): string => ('schemaName' in r ? r.schemaName : r.id);

export interface SolutionManifest {
  uniqueName: string;
  displayNames: Localized;
  descriptions?: Localized;
  version: string;
  managed: boolean;
  /** The base language (`languagecode`). */
  baseLanguage: number;
  /** The languages whose texts are written, base first. */
  languages: readonly number[];
  publisher: Publisher;
  rootComponents: readonly RootComponent[];
}

const ADDRESS_FIELDS = [
  'City',
  'County',
  'Country',
  'Fax',
  'FreightTermsCode',
  'ImportSequenceNumber',
  'Latitude',
  'Line1',
  'Line2',
  'Line3',
  'Longitude',
  'Name',
  'PostalCode',
  'PostOfficeBox',
  'PrimaryContactName',
  'ShippingMethodCode',
  'StateOrProvince',
  'Telephone1',
  'Telephone2',
  'Telephone3',
  'TimeZoneRuleVersionNumber',
  'UPSZone',
  'UTCOffset',
  'UTCConversionTimeZoneCode',
];

function labels(
  tag: 'LocalizedNames' | 'Descriptions',
  item: 'LocalizedName' | 'Description',
  texts: Localized | undefined,
  languages: readonly number[],
  indent: string,
): string[] {
  const present = languages.filter((l) => texts?.[String(l)] !== undefined);
  if (present.length === 0) return [`${indent}<${tag} />`];
  return [
    `${indent}<${tag}>`,
    ...present.map(
      (l) =>
        `${indent}  <${item} description="${escapeAttribute(texts?.[String(l)] ?? '')}" languagecode="${l}" />`,
    ),
    `${indent}</${tag}>`,
  ];
}

function nillable(tag: string, value: string | undefined, indent: string): string {
  return value === undefined
    ? `${indent}<${tag} xsi:nil="true"></${tag}>`
    : `${indent}<${tag}>${escapeAttribute(value)}</${tag}>`;
}

function address(n: number, indent: string): string[] {
  const lines = [
    `${indent}<Address>`,
    `${indent}  <AddressNumber>${n}</AddressNumber>`,
    `${indent}  <AddressTypeCode>1</AddressTypeCode>`,
  ];
  for (const f of ADDRESS_FIELDS) {
    lines.push(
      f === 'ShippingMethodCode'
        ? `${indent}  <ShippingMethodCode>1</ShippingMethodCode>`
        : nillable(f, undefined, `${indent}  `),
    );
  }
  lines.push(`${indent}</Address>`);
  return lines;
}

/** Orders root components as Microsoft's exports do: by type, then by name. */
export function sortRootComponents(list: readonly RootComponent[]): RootComponent[] {
  return [...list].sort(
    (a, b) => a.type - b.type || (rootKey(a) < rootKey(b) ? -1 : rootKey(a) > rootKey(b) ? 1 : 0),
  );
}

/** `solution.xml` text (without BOM), laid out like Microsoft's build. */
export function writeSolutionXml(m: SolutionManifest): string {
  const p = m.publisher;
  const lines = [
    XML_DECLARATION,
    `<ImportExportXml version="9.1.0.643" SolutionPackageVersion="9.1" languagecode="${m.baseLanguage}" generatedBy="CrmLive" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`,
    '  <SolutionManifest>',
    `    <UniqueName>${escapeAttribute(m.uniqueName)}</UniqueName>`,
    ...labels('LocalizedNames', 'LocalizedName', m.displayNames, m.languages, '    '),
    ...labels('Descriptions', 'Description', m.descriptions, m.languages, '    '),
    `    <Version>${escapeAttribute(m.version)}</Version>`,
    `    <Managed>${m.managed ? 1 : 0}</Managed>`,
    '    <Publisher>',
    `      <UniqueName>${escapeAttribute(p.uniqueName)}</UniqueName>`,
    ...labels('LocalizedNames', 'LocalizedName', p.displayNames, m.languages, '      '),
    ...labels('Descriptions', 'Description', p.descriptions, m.languages, '      '),
    nillable('EMailAddress', p.email, '      '),
    nillable('SupportingWebsiteUrl', p.website, '      '),
    `      <CustomizationPrefix>${escapeAttribute(p.prefix)}</CustomizationPrefix>`,
    `      <CustomizationOptionValuePrefix>${p.optionValuePrefix}</CustomizationOptionValuePrefix>`,
    '      <Addresses>',
    ...address(1, '        '),
    ...address(2, '        '),
    '      </Addresses>',
    '    </Publisher>',
    '    <RootComponents>',
    ...sortRootComponents(m.rootComponents).map((r) =>
      'schemaName' in r
        ? `      <RootComponent type="${r.type}" schemaName="${escapeAttribute(r.schemaName)}" behavior="0" />`
        : `      <RootComponent type="${r.type}" id="{${escapeAttribute(r.id)}}" behavior="0" />`,
    ),
    '    </RootComponents>',
    '    <MissingDependencies />',
    '  </SolutionManifest>',
    '</ImportExportXml>',
  ];
  return lines.join(NL);
}
