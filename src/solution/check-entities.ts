/**
 * Tables (entities), their forms, views and charts, security roles and global choices of a
 * customizations.xml: what `solution check` reads of them, and the damage it reports (ids that are
 * missing, no GUID or used twice, a view or chart querying another table, a form, view or chart
 * naming a column its table does not have; roles are check-roles').
 */
import { checkRole } from './check-roles';
import { checkId, type IdRegistry, type ViewInfo } from './component-ids';
import type { Findings } from './findings';
import { attr, child, children, parseXml, text, type XmlNode } from './xml';

export type { ViewInfo } from './component-ids';

export interface EntityInfo {
  /** `<Entity><Name>` as written (`cnt_SurveyResponse`). */
  name: string;
  forms: (ViewInfo & { type: string })[];
  views: ViewInfo[];
  charts: ViewInfo[];
}

export interface Components {
  entities: EntityInfo[];
  roles: ViewInfo[];
  /** Global choices (`<optionsets><optionset Name>`). */
  optionSets: string[];
}

/** Which tables' columns are fully known (custom tables exported with their subcomponents). */
export type KnowsColumns = (entityName: string) => boolean;

const CX = 'customizations.xml';

/** Every descendant element of a name, depth first. */
function descendants(node: unknown, name: string, out: XmlNode[] = []): XmlNode[] {
  if (typeof node !== 'object' || node === null) return out;
  for (const [key, value] of Object.entries(node as XmlNode)) {
    if (key.startsWith('@_') || key === '#text') continue;
    for (const v of Array.isArray(value) ? (value as unknown[]) : [value]) {
      if (key === name) out.push(typeof v === 'object' && v !== null ? (v as XmlNode) : {});
      descendants(v, name, out);
    }
  }
  return out;
}

/** The localized name of a form, view, chart (1033 first), for messages. */
function displayName(node: XmlNode): string {
  const names = children(child(node, 'LocalizedNames'), 'LocalizedName');
  const preferred = names.find((n) => attr(n, 'languagecode') === '1033') ?? names[0];
  return attr(preferred, 'description') ?? '';
}

/**
 * An inline XML part (fetchxml, layoutxml) by its root element, or its escaped text parsed;
 * undefined when the part is absent, null when it is there without that root (reported).
 */
function inlineXml(
  node: XmlNode,
  name: string,
  root: string,
  where: string,
  findings: Findings,
): XmlNode | null | undefined {
  const body = text(node, name);
  if (body === undefined) return undefined;
  const inline = child(child(node, name), root);
  if (inline !== undefined) return inline;
  try {
    const parsed = body.trim() === '' ? undefined : child(parseXml(body, name), root);
    if (parsed !== undefined) return parsed;
    findings.error(where, `its ${name} has no <${root}>`);
  } catch (e) {
    const detail = e instanceof Error ? e.message.replace(`${name}: `, '') : String(e);
    findings.error(where, `its ${name} is not well-formed: ${detail}`);
  }
  return null;
}

/** The columns a FetchXML `<entity>` names for its own table (link-entity parts are another table's). */
function fetchColumns(entity: XmlNode): string[] {
  const names = [
    ...children(entity, 'attribute').map((a) => attr(a, 'name')),
    ...children(entity, 'order').map((o) => attr(o, 'attribute')),
  ];
  const walkFilter = (filter: XmlNode): void => {
    for (const c of children(filter, 'condition'))
      if (attr(c, 'entityname') === undefined) names.push(attr(c, 'attribute'));
    for (const f of children(filter, 'filter')) walkFilter(f);
  };
  for (const f of children(entity, 'filter')) walkFilter(f);
  return names.filter((n): n is string => n !== undefined && n !== '');
}

function checkColumns(
  names: readonly string[],
  columns: ReadonlySet<string> | undefined,
  entity: string,
  where: string,
  findings: Findings,
): void {
  if (columns === undefined) return;
  for (const n of new Set(names.map((x) => x.toLowerCase()))) {
    if (!columns.has(n)) findings.error(where, `names column ${n}, which table ${entity} does not have`);
  }
}

function checkEntity(
  el: XmlNode,
  index: number,
  knows: KnowsColumns,
  ids: IdRegistry,
): EntityInfo | undefined {
  const { findings } = ids;
  const name = text(el, 'Name') ?? '';
  const where = `${CX} › Entity ${name || `#${index + 1}`}`;
  if (name === '') {
    findings.error(where, 'has no Name');
    return undefined;
  }
  const logical = name.toLowerCase();
  const info = child(child(el, 'EntityInfo'), 'entity');
  const infoName = attr(info, 'Name');
  if (info !== undefined && infoName !== name)
    findings.error(`${where} › EntityInfo`, `names the table ${JSON.stringify(infoName ?? '')}, not ${name}`);
  const attributes = children(child(info, 'attributes'), 'attribute');
  const seen = new Set<string>();
  for (const a of attributes) {
    const physical = attr(a, 'PhysicalName') ?? '';
    const logicalName = text(a, 'LogicalName') ?? physical.toLowerCase();
    const at = `${where} › attribute ${physical || logicalName}`;
    if (logicalName !== '' && physical !== '' && logicalName !== physical.toLowerCase())
      findings.error(at, `LogicalName ${logicalName} is not its PhysicalName ${physical} in lower case`);
    if (seen.has(logicalName)) findings.error(at, 'appears twice');
    seen.add(logicalName);
  }
  const columns = attributes.length > 0 && knows(name) ? seen : undefined;
  const entity: EntityInfo = { name, forms: [], views: [], charts: [] };
  /** A view's or chart's FetchXML must query this table, and name only its columns. */
  const checkQuery = (fetchEntity: XmlNode, part: string, at: string): void => {
    const queried = attr(fetchEntity, 'name') ?? '';
    if (queried.toLowerCase() !== logical)
      findings.error(at, `its ${part} queries ${JSON.stringify(queried)}, not this table ${logical}`);
    else checkColumns(fetchColumns(fetchEntity), columns, name, `${at} › ${part}`, findings);
  };
  for (const forms of children(child(el, 'FormXml'), 'forms')) {
    const type = attr(forms, 'type') ?? '';
    for (const form of children(forms, 'systemform')) {
      const title = displayName(form);
      const at = `${where} › form ${JSON.stringify(title)} (${type})`;
      const id = checkId(text(form, 'formid'), 'formid', at, ids);
      if (child(form, 'form') === undefined)
        findings.error(at, 'has no <form> (its tabs, sections and controls)');
      const fields = descendants(child(form, 'form'), 'control')
        .map((c) => attr(c, 'datafieldname'))
        .filter((f): f is string => f !== undefined && f !== '');
      checkColumns(fields, columns, name, at, findings);
      if (id !== undefined) entity.forms.push({ id, name: title, type });
    }
  }
  for (const view of children(child(child(el, 'SavedQueries'), 'savedqueries'), 'savedquery')) {
    const title = displayName(view);
    const at = `${where} › view ${JSON.stringify(title)}`;
    const id = checkId(text(view, 'savedqueryid'), 'savedqueryid', at, ids);
    const fetch = inlineXml(view, 'fetchxml', 'fetch', at, findings);
    const fetchEntity = child(fetch, 'entity');
    if (fetch === undefined) findings.error(at, 'has no fetchxml');
    else if (fetch !== null && fetchEntity === undefined) findings.error(at, 'its fetchxml has no <entity>');
    else if (fetchEntity !== undefined) checkQuery(fetchEntity, 'fetchxml', at);
    const grid = inlineXml(view, 'layoutxml', 'grid', at, findings);
    if (grid) {
      const cells = [attr(grid, 'jump')].concat(
        children(grid, 'row').flatMap((r) => [
          attr(r, 'id'),
          ...children(r, 'cell').map((c) => attr(c, 'name')),
        ]),
      );
      const own = cells.filter((c): c is string => c !== undefined && c !== '' && !c.includes('.'));
      checkColumns(own, columns, name, `${at} › layoutxml`, findings);
    }
    if (id !== undefined) entity.views.push({ id, name: title });
  }
  for (const chart of children(child(el, 'Visualizations'), 'visualization')) {
    const title = displayName(chart);
    const at = `${where} › chart ${JSON.stringify(title)}`;
    const id = checkId(text(chart, 'savedqueryvisualizationid'), 'savedqueryvisualizationid', at, ids);
    for (const fetch of descendants(child(chart, 'datadescription'), 'fetch'))
      checkQuery(child(fetch, 'entity') ?? {}, 'datadescription', at);
    if (id !== undefined) entity.charts.push({ id, name: title });
  }
  return entity;
}

/** Reads and checks the tables, roles and global choices of customizations.xml's root element. */
export function checkEntities(cx: XmlNode, knows: KnowsColumns, findings: Findings): Components {
  const ids: IdRegistry = { seen: new Map(), findings };
  const entities = children(child(cx, 'Entities'), 'Entity')
    .map((e, i) => checkEntity(e, i, knows, ids))
    .filter((e): e is EntityInfo => e !== undefined);
  const roles = children(child(cx, 'Roles'), 'Role')
    .map((r, i) => checkRole(r, i, ids))
    .filter((r): r is ViewInfo => r !== undefined);
  const optionSets = children(child(cx, 'optionsets'), 'optionset')
    .map((o) => attr(o, 'Name') ?? '')
    .filter((n) => n !== '');
  return { entities, roles, optionSets };
}
