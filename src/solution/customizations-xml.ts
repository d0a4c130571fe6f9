import { NL } from './solution-xml';
import { escapeAttribute } from '../xml/escape';
import { XML_DECLARATION } from './xml';

export interface CustomControlEntry {
  /** `<prefix>_<namespace>.<constructor>` */
  name: string;
}

export interface WebResourceEntry {
  id: string;
  /** `<prefix>_/path/file.ext` */
  name: string;
  displayName: string;
  type: number;
  introducedVersion: string;
}

/** Path of a web resource's file inside the zip (without the leading slash). */
export function webResourceFilePath(name: string): string {
  return `WebResources/${name}`;
}

export function controlFolder(name: string): string {
  return `Controls/${name}`;
}

/** Web resource types by file extension (Dataverse's WebResourceType values). */
export const WEB_RESOURCE_TYPES: Readonly<Record<string, number>> = {
  htm: 1,
  html: 1,
  css: 2,
  js: 3,
  json: 3,
  xml: 4,
  png: 5,
  jpg: 6,
  jpeg: 6,
  gif: 7,
  xap: 8,
  xsl: 9,
  xslt: 9,
  ico: 10,
  svg: 11,
  resx: 12,
};

/** Tables, roles and relationships, as element lines already indented for their section. */
export interface TableSections {
  entities: readonly string[];
  roles: readonly string[];
  relationships: readonly string[];
}

const NO_TABLES: TableSections = { entities: [], roles: [], relationships: [] };

function section(tag: string, lines: readonly string[]): string[] {
  return lines.length === 0 ? [`  <${tag} />`] : [`  <${tag}>`, ...lines, `  </${tag}>`];
}

/** `customizations.xml` text (without BOM) with the empty sections Microsoft keeps. */
export function writeCustomizationsXml(
  controls: readonly CustomControlEntry[],
  webResources: readonly WebResourceEntry[],
  languages: readonly number[],
  tables: TableSections = NO_TABLES,
): string {
  const lines = [
    XML_DECLARATION,
    '<ImportExportXml xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    ...section('Entities', tables.entities),
    ...section('Roles', tables.roles),
    '  <Workflows />',
    '  <FieldSecurityProfiles />',
    '  <Templates />',
    '  <EntityMaps />',
    ...section('EntityRelationships', tables.relationships),
    '  <OrganizationSettings />',
    '  <optionsets />',
  ];
  if (webResources.length > 0) {
    lines.push('  <WebResources>');
    for (const w of webResources) {
      lines.push(
        '    <WebResource>',
        `      <WebResourceId>{${w.id}}</WebResourceId>`,
        `      <Name>${escapeAttribute(w.name)}</Name>`,
        `      <DisplayName>${escapeAttribute(w.displayName)}</DisplayName>`,
        `      <WebResourceType>${w.type}</WebResourceType>`,
        `      <IntroducedVersion>${escapeAttribute(w.introducedVersion)}</IntroducedVersion>`,
        '      <IsEnabledForMobileClient>0</IsEnabledForMobileClient>',
        '      <IsAvailableForMobileOffline>0</IsAvailableForMobileOffline>',
        '      <IsCustomizable>1</IsCustomizable>',
        '      <CanBeDeleted>1</CanBeDeleted>',
        '      <IsHidden>0</IsHidden>',
        `      <FileName>/${escapeAttribute(webResourceFilePath(w.name))}</FileName>`,
        '    </WebResource>',
      );
    }
    lines.push('  </WebResources>');
  }
  if (controls.length === 0) lines.push('  <CustomControls />');
  else {
    lines.push('  <CustomControls>');
    for (const c of controls) {
      lines.push(
        '    <CustomControl>',
        `      <Name>${escapeAttribute(c.name)}</Name>`,
        `      <FileName>/${escapeAttribute(controlFolder(c.name))}/ControlManifest.xml</FileName>`,
        '    </CustomControl>',
      );
    }
    lines.push('  </CustomControls>');
  }
  lines.push(
    '  <SolutionPluginAssemblies />',
    '  <EntityDataProviders />',
    '  <Languages>',
    ...languages.map((l) => `    <Language>${l}</Language>`),
    '  </Languages>',
    '</ImportExportXml>',
  );
  return lines.join(NL);
}
