/**
 * Root components of tables, their forms, views and charts, security roles and global choices
 * (solution.xml's `<RootComponent type>`, the solutioncomponent table's component types): each
 * root must name a component of its own type in customizations.xml, and each component must be
 * listed, by its table's root with its subcomponents (behavior 0) or by a root of its own.
 */
import type { Components } from './check-entities';
import { bareId } from './component-ids';
import type { Findings } from './findings';
import { attr, child, children, type XmlNode } from './xml';

/**
 * The component types checked here, as the solutioncomponent table's ComponentType choices number
 * them (1 Entity, 9 Option Set, 20 Role, 26 Saved Query, 59 Saved Query Visualization, 60 System
 * Form; 2 Attribute and 10 Entity Relationship are not resolved; 61 and 66 are check-components').
 */
const WHAT: Record<number, string> = {
  1: 'table (entity)',
  9: 'global choice (option set)',
  20: 'security role',
  26: 'view (saved query)',
  59: 'chart (saved query visualization)',
  60: 'form (system form)',
};

interface Root {
  type: number;
  name: string | undefined;
  id: string;
  behavior: string | undefined;
}

interface Known {
  type: number;
  label: string;
  /** The table a form, view or chart belongs to (lower case). */
  entity?: string;
}

/** Every component of customizations.xml by `name:<lower case>` and `id:<bare guid>`. */
function index(c: Components): Map<string, Known> {
  const known = new Map<string, Known>();
  for (const e of c.entities) {
    const entity = e.name.toLowerCase();
    known.set(`name:${entity}`, { type: 1, label: e.name });
    for (const f of e.forms)
      known.set(`id:${f.id}`, { type: 60, label: `${JSON.stringify(f.name)} of ${e.name}`, entity });
    for (const v of e.views)
      known.set(`id:${v.id}`, { type: 26, label: `${JSON.stringify(v.name)} of ${e.name}`, entity });
    for (const ch of e.charts)
      known.set(`id:${ch.id}`, { type: 59, label: `${JSON.stringify(ch.name)} of ${e.name}`, entity });
  }
  for (const r of c.roles) known.set(`id:${r.id}`, { type: 20, label: JSON.stringify(r.name) });
  for (const o of c.optionSets)
    if (!known.has(`name:${o.toLowerCase()}`)) known.set(`name:${o.toLowerCase()}`, { type: 9, label: o });
  return known;
}

/** Checks the root components of tables, forms, views, charts, roles and global choices. */
export function checkComponentRoots(manifest: XmlNode, c: Components, findings: Findings): void {
  const where = 'solution.xml › RootComponents';
  const roots: Root[] = children(child(manifest, 'RootComponents'), 'RootComponent').map((r) => ({
    type: Number(attr(r, 'type')),
    name: attr(r, 'schemaName')?.toLowerCase(),
    id: bareId(attr(r, 'id') ?? ''),
    behavior: attr(r, 'behavior'),
  }));
  const known = index(c);
  const keyOf = (r: Root): string => (r.name !== undefined ? `name:${r.name}` : `id:${r.id}`);
  for (const r of roots) {
    const what = WHAT[r.type];
    if (what === undefined) continue;
    const found = known.get(keyOf(r));
    const label = r.name ?? `{${r.id}}`;
    if (found === undefined)
      findings.error(where, `RootComponent type="${r.type}" ${label} is not a ${what} in customizations.xml`);
    else if (found.type !== r.type)
      findings.error(
        where,
        `RootComponent type="${r.type}" ${label} is the ${WHAT[found.type] ?? 'component'} ${found.label}, whose type is ${found.type}`,
      );
  }
  const rooted = (type: number, key: string): Root | undefined =>
    roots.find((r) => r.type === type && keyOf(r) === key);
  // Roots of columns (2) or relationships (10) are not resolved here: a table that carries only
  // such parts is not reported.
  const opaque = roots.some((r) => r.type === 2 || r.type === 10);
  for (const e of c.entities) {
    const entityRoot = rooted(1, `name:${e.name.toLowerCase()}`);
    const parts = [
      ...e.forms.map((f) => ({ ...f, type: 60, what: `form ${JSON.stringify(f.name)} (${f.type})` })),
      ...e.views.map((v) => ({ ...v, type: 26, what: `view ${JSON.stringify(v.name)}` })),
      ...e.charts.map((ch) => ({ ...ch, type: 59, what: `chart ${JSON.stringify(ch.name)}` })),
    ];
    const unrooted = parts.filter((p) => rooted(p.type, `id:${p.id}`) === undefined);
    if (entityRoot === undefined && unrooted.length === parts.length) {
      if (!opaque) findings.error(where, `the table ${e.name} has no RootComponent type="1"`);
      continue;
    }
    if (entityRoot !== undefined && (entityRoot.behavior ?? '0') === '0') continue;
    const why =
      entityRoot === undefined
        ? 'and its table has no root'
        : "and its table's root does not include subcomponents (behavior 0)";
    for (const p of unrooted)
      findings.error(
        where,
        `the ${p.what} {${p.id}} of ${e.name} has no RootComponent type="${p.type}", ${why}`,
      );
  }
  for (const r of c.roles)
    if (rooted(20, `id:${r.id}`) === undefined)
      findings.error(
        where,
        `the security role ${JSON.stringify(r.name)} {${r.id}} has no RootComponent type="20"`,
      );
  for (const o of c.optionSets)
    if (rooted(9, `name:${o.toLowerCase()}`) === undefined)
      findings.warning(where, `the global choice ${o} has no RootComponent type="9"`);
}

/**
 * Tables whose columns are all in customizations.xml, so forms and views can be held to them: the
 * publisher's own tables, listed by a root with their subcomponents (behavior 0).
 */
export function tablesWithAllColumns(
  manifest: XmlNode | undefined,
  prefix: string | undefined,
): (name: string) => boolean {
  const full = new Set(
    children(child(manifest, 'RootComponents'), 'RootComponent')
      .filter((r) => attr(r, 'type') === '1' && (attr(r, 'behavior') ?? '0') === '0')
      .map((r) => (attr(r, 'schemaName') ?? '').toLowerCase()),
  );
  return (name) =>
    prefix !== undefined &&
    name.toLowerCase().startsWith(`${prefix.toLowerCase()}_`) &&
    full.has(name.toLowerCase());
}
