/** Security roles of customizations.xml: a name, an id, and privileges named `prv…` with a level. */
import { checkId, type IdRegistry, type ViewInfo } from './component-ids';
import { attr, child, children, type XmlNode } from './xml';

const PRIVILEGE = /^prv[A-Za-z0-9_]+$/;
const LEVELS = new Set(['Basic', 'Local', 'Deep', 'Global']);

/** Checks one `<Role>`; returns it when its id is usable. */
export function checkRole(el: XmlNode, index: number, ids: IdRegistry): ViewInfo | undefined {
  const name = attr(el, 'name') ?? '';
  const where = `customizations.xml › Role ${name === '' ? `#${index + 1}` : JSON.stringify(name)}`;
  if (name === '') ids.findings.error(where, 'has no name');
  const id = checkId(attr(el, 'id'), 'id', where, ids);
  const granted = new Set<string>();
  for (const p of children(child(el, 'RolePrivileges'), 'RolePrivilege')) {
    const privilege = attr(p, 'name') ?? '';
    const level = attr(p, 'level') ?? '';
    if (!PRIVILEGE.test(privilege))
      ids.findings.error(where, `privilege ${JSON.stringify(privilege)} is not a privilege name (prv…)`);
    else if (granted.has(privilege.toLowerCase()))
      ids.findings.error(where, `privilege ${privilege} is granted twice`);
    granted.add(privilege.toLowerCase());
    if (!LEVELS.has(level))
      ids.findings.error(
        where,
        `privilege ${privilege} has level ${JSON.stringify(level)}, not Basic, Local, Deep or Global`,
      );
  }
  return id === undefined ? undefined : { id, name };
}
