/**
 * The items Dataverse exports today that Microsoft's 9.0 customization schemas (2018) do not know
 * (../shared/xsd/README.md lists them), and how `solution check` accepts them in files crmkit did
 * not write: each listed item, at its listed place and with a value of its kind, is blanked out of
 * a copy of customizations.xml before xmllint validates the rest against the strict 9.0 schema.
 * Blanking keeps every character offset and line break, so xmllint's line numbers stay those of
 * the file. Anything else (a misspelt element, a missing required one, a wrong type, an unknown
 * element that is not listed here) still fails validation; a listed item with a value of the wrong
 * kind is reported here.
 */
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { stripBom } from './xml';

/** One newer item: an element (with its parents), an attribute (with its elements), or a value. */
export interface NewerItem {
  kind: 'element' | 'attribute' | 'value';
  name: string;
  /** Element: the parents it may sit in; attribute: the elements that may carry it. */
  in: readonly string[];
  /** The values it may have (trimmed text or attribute value); any, when absent. */
  value?: RegExp;
  /** Element only: accepted only when it has no child element (an empty `<AppModules />`). */
  onlyEmpty?: boolean;
  /** Value only: the text that stands for it (`file`), and the 9.0 type it is validated as. */
  as?: string;
}

const BIT = /^[01]$/;
const TRUE_FALSE = /^(true|false)$/i;
const INTEGER = /^-?\d+$/;
const VERSION = /^\d+(\.\d+){1,3}$/;
const CASCADE = /^(NoCascade|Cascade|Active|UserOwned|RemoveLink|Restrict)$/;
const SOLUTION_ACTION = /^(Added|Modified|Removed)$/;
const FORM_PARTS = ['tab', 'section', 'cell', 'label', 'control', 'parameters', 'formLibraries'];

const element = (name: string, parents: readonly string[], value?: RegExp): NewerItem => ({
  kind: 'element',
  name,
  in: parents,
  ...(value === undefined ? {} : { value }),
});
const attribute = (name: string, on: readonly string[], value?: RegExp): NewerItem => ({
  kind: 'attribute',
  name,
  in: on,
  ...(value === undefined ? {} : { value }),
});

/**
 * The README's list, and what real exports under test/fixtures/solution/real-exports add to it
 * (`IsDataSourceSecret`, `JsonFileName`, `CanvasApps`, `connectionreferences`, an empty
 * `AppModules`, the app module's `statecode`, `statuscode`, `NavigationType`, `appelements`, `appsettings`, the site
 * map's `ShowHome`, `ShowPinned`, `ShowRecents` and a custom page's `SubArea@Page`).
 */
export const NEWER_ITEMS: readonly NewerItem[] = [
  attribute('OrganizationVersion', ['ImportExportXml'], VERSION),
  attribute('OrganizationSchemaType', ['ImportExportXml'], /^\w+$/),
  attribute('CRMServerServiceabilityVersion', ['ImportExportXml'], VERSION),
  element('AutoNumberFormat', ['attribute']),
  ...['IsSearchable', 'IsFilterable', 'IsRetrievable', 'IsLocalizable', 'IsDataSourceSecret'].map((n) =>
    element(n, ['attribute'], BIT),
  ),
  { kind: 'value', name: 'Type', in: ['attribute'], value: /^file$/, as: 'text' },
  ...[
    'IsRetrieveAuditEnabled',
    'IsRetrieveMultipleAuditEnabled',
    'IsMSTeamsIntegrationEnabled',
    'IsSolutionAware',
  ].map((n) => element(n, ['entity'], BIT)),
  element('CascadeArchive', ['EntityRelationship'], CASCADE),
  attribute('IsHidden', ['option'], BIT),
  attribute('headerdensity', ['form'], /^\w+$/),
  attribute('solutionaction', FORM_PARTS, SOLUTION_ACTION),
  attribute('ordinalvalue', FORM_PARTS, INTEGER),
  attribute('contenttype', ['tab'], /^\w+$/),
  attribute('id', ['column'], INTEGER),
  ...[
    'HideQuickFormBorder',
    'UClientShowPersona',
    'UClientHideRecentDates',
    'useMainFormDialogForCreate',
  ].map((n) => element(n, ['parameters'], TRUE_FALSE)),
  element('IsCustomProcessingStepAllowedForOtherPublishers', ['Workflow'], BIT),
  element('ProcessTriggerScope', ['Workflow'], INTEGER),
  element('JsonFileName', ['Workflow'], /^\/Workflows\/\S+\.json$/),
  ...['EnableCollapsibleGroups', 'ShowHome', 'ShowPinned', 'ShowRecents'].map((n) =>
    element(n, ['AppModuleSiteMap'], TRUE_FALSE),
  ),
  element('OptimizedFor', ['AppModule']),
  element('statecode', ['AppModule'], INTEGER),
  element('statuscode', ['AppModule'], INTEGER),
  element('NavigationType', ['AppModule'], INTEGER),
  attribute('Page', ['SubArea'], /^\w+$/),
  element('appelements', ['AppModule']),
  element('appsettings', ['AppModule']),
  { kind: 'element', name: 'AppModules', in: ['ImportExportXml'], onlyEmpty: true },
  element('CanvasApps', ['ImportExportXml']),
  element('connectionreferences', ['ImportExportXml']),
];

/** A listed item with a value of the wrong kind: its line and what is wrong. */
export interface NewerItemProblem {
  line: number;
  message: string;
}

export interface Relaxed {
  /** The text with every accepted item blanked (same length, same line breaks). */
  xml: string;
  /** How many items were accepted. */
  accepted: number;
  problems: NewerItemProblem[];
}

interface Open {
  name: string;
  start: number;
  line: number;
  text: string;
  childElements: number;
}

const find = (kind: NewerItem['kind'], name: string, where: string | undefined): NewerItem | undefined =>
  NEWER_ITEMS.find((i) => i.kind === kind && i.name === name && where !== undefined && i.in.includes(where));

/** A range to blank out (keeping line breaks), or to overwrite with text of its length. */
interface Edit {
  from: number;
  to: number;
  text?: string;
}

/** Applies the edits in one pass; an edit inside an earlier one is already covered by it. */
function applyEdits(source: string, edits: Edit[]): string {
  const parts: string[] = [];
  let cursor = 0;
  for (const e of [...edits].sort((a, b) => a.from - b.from || b.to - a.to)) {
    if (e.from < cursor) continue;
    parts.push(source.slice(cursor, e.from));
    parts.push(e.text ?? source.slice(e.from, e.to).replace(/[^\r\n]/g, ' '));
    cursor = e.to;
  }
  parts.push(source.slice(cursor));
  return parts.join('');
}

/** The offsets of `name="…"` inside a start tag, or undefined. */
function attributeRange(
  text: string,
  start: number,
  end: number,
  name: string,
): [number, number] | undefined {
  const tag = text.slice(start, end);
  const m = new RegExp(`\\s${name}\\s*=\\s*("[^"]*"|'[^']*')`).exec(tag);
  return m === null ? undefined : [start + m.index, start + m.index + m[0].length];
}

/**
 * Blanks the newer items of a well-formed customizations.xml (the caller has parsed it already);
 * a file that does not parse is returned unchanged, for xmllint to report.
 */
export function relaxNewerItems(source: string): Relaxed {
  const xml = stripBom(source);
  const edits: Edit[] = [];
  const problems: NewerItemProblem[] = [];
  const stack: Open[] = [];
  let accepted = 0;
  const parser = new SaxesParser({ xmlns: false });
  const checkValue = (item: NewerItem, value: string, line: number, what: string): boolean => {
    if (item.value === undefined || item.value.test(value.trim())) return true;
    problems.push({ line, message: `${what}: ${JSON.stringify(value.trim())} is not a value it takes` });
    return false;
  };
  parser.on('opentag', (tag: SaxesTagPlain) => {
    // '<' cannot occur inside attribute values, so the last one before the tag's end opens it
    const from = xml.lastIndexOf('<', parser.position - 1);
    const parent = stack[stack.length - 1];
    if (parent) parent.childElements++;
    for (const [name, value] of Object.entries(tag.attributes)) {
      const item = find('attribute', name, tag.name);
      if (item === undefined) continue;
      if (!checkValue(item, value, parser.line, `${tag.name}@${name}`)) continue;
      const range = attributeRange(xml, from, parser.position, name);
      if (range) {
        edits.push({ from: range[0], to: range[1] });
        accepted++;
      }
    }
    stack.push({ name: tag.name, start: from, line: parser.line, text: '', childElements: 0 });
  });
  parser.on('text', (t) => {
    const top = stack[stack.length - 1];
    if (top) top.text += t;
  });
  parser.on('cdata', (t) => {
    const top = stack[stack.length - 1];
    if (top) top.text += t;
  });
  parser.on('closetag', () => {
    const el = stack.pop();
    if (!el) return;
    const parentName = stack[stack.length - 1]?.name;
    const item = find('element', el.name, parentName);
    if (item !== undefined && (item.onlyEmpty !== true || el.childElements === 0)) {
      if (checkValue(item, el.text, el.line, `${parentName ?? ''} › ${el.name}`)) {
        edits.push({ from: el.start, to: parser.position });
        accepted++;
      }
      return;
    }
    const value = find('value', el.name, parentName);
    if (value?.as !== undefined && value.value?.test(el.text.trim()) === true && el.childElements === 0) {
      const found = el.text.trim();
      const at = xml.indexOf(found, xml.indexOf('>', el.start) + 1);
      edits.push({ from: at, to: at + found.length, text: value.as.padEnd(found.length, ' ') });
      accepted++;
    }
  });
  try {
    parser.write(xml).close();
  } catch {
    return { xml, accepted: 0, problems: [] };
  }
  return { xml: applyEdits(xml, edits), accepted, problems };
}
