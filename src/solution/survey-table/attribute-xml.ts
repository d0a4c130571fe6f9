/** One `<attribute>` of the table's `<attributes>`, laid out as exports write it (9.0 schema elements only). */
import type { ColumnSpec, LocalOptions } from './column-spec';
import type { TableNames } from './names';
import { descriptions, displayNames, formLabels } from './xml-labels';

const flag = (b: boolean): string => (b ? '1' : '0');
const el = (indent: string, tag: string, value: string | number): string =>
  value === '' ? `${indent}<${tag}></${tag}>` : `${indent}<${tag}>${value}</${tag}>`;

function optionSetLines(
  spec: ColumnSpec,
  options: LocalOptions,
  names: TableNames,
  version: string,
  languages: readonly number[],
  i: string,
): string[] {
  const items = options.items;
  const lines = [
    `${i}<optionset Name="${names.localOptionSet(spec.physical.toLowerCase())}">`,
    el(`${i}  `, 'OptionSetType', options.kind),
    el(`${i}  `, 'IntroducedVersion', version),
    el(`${i}  `, 'IsCustomizable', 1),
    ...displayNames(spec.label, languages, `${i}  `),
    ...descriptions(spec.description, languages, `${i}  `),
  ];
  const list = options.kind === 'state' ? 'states' : options.kind === 'status' ? 'statuses' : 'options';
  lines.push(`${i}  <${list}>`);
  for (const c of items) {
    const attrs =
      options.kind === 'state'
        ? `value="${c.value}" defaultstatus="${c.defaultStatus ?? c.value + 1}" invariantname="${c.invariant ?? ''}"`
        : options.kind === 'status'
          ? `value="${c.value}" state="${c.state ?? 0}"`
          : `value="${c.value}"`;
    const tag = options.kind === 'state' ? 'state' : options.kind === 'status' ? 'status' : 'option';
    lines.push(
      `${i}    <${tag} ${attrs}>`,
      ...formLabels(c.label, languages, `${i}      `),
      `${i}    </${tag}>`,
    );
  }
  lines.push(`${i}  </${list}>`, `${i}</optionset>`);
  return lines;
}

/** The `<attribute>` element of one column; `version` is the solution's (custom columns, local option sets). */
export function attributeLines(
  spec: ColumnSpec,
  names: TableNames,
  version: string,
  languages: readonly number[],
  indent: string,
): string[] {
  const i = `${indent}  `;
  const logical = spec.physical.toLowerCase();
  const lines = [
    `${indent}<attribute PhysicalName="${spec.physical}">`,
    el(i, 'Type', spec.type),
    el(i, 'Name', logical),
    el(i, 'LogicalName', logical),
    el(i, 'RequiredLevel', spec.required),
    ...(spec.mask === undefined ? [] : [el(i, 'DisplayMask', spec.mask)]),
    el(i, 'ImeMode', spec.ime),
    el(i, 'ValidForUpdateApi', flag(spec.api.includes('u'))),
    el(i, 'ValidForReadApi', flag(spec.api.includes('r'))),
    el(i, 'ValidForCreateApi', flag(spec.api.includes('c'))),
    el(i, 'IsCustomField', flag(spec.custom === true)),
    el(i, 'IsAuditEnabled', flag(spec.audit)),
    ...(spec.logical === true ? [el(i, 'IsLogical', 1)] : []),
    el(i, 'IsSecured', 0),
    el(i, 'IntroducedVersion', spec.custom === true ? version : (spec.introduced ?? version)),
    el(i, 'IsCustomizable', 1),
    el(i, 'IsRenameable', 1),
    el(i, 'CanModifySearchSettings', 1),
    el(i, 'CanModifyRequirementLevelSettings', 1),
    el(i, 'CanModifyAdditionalSettings', 1),
    el(i, 'SourceType', 0),
    el(i, 'IsGlobalFilterEnabled', 0),
    el(i, 'IsSortableEnabled', 0),
    el(i, 'CanModifyGlobalFilterSettings', 1),
    el(i, 'CanModifyIsSortableSettings', 1),
    el(i, 'IsDataSourceSecret', 0),
  ];
  if (spec.appDefault !== undefined) lines.push(el(i, 'AppDefaultValue', spec.appDefault));
  if (spec.optionSetName !== undefined) lines.push(el(i, 'OptionSetName', spec.optionSetName));
  if (spec.options) lines.push(...optionSetLines(spec, spec.options, names, version, languages, i));
  if (spec.format !== undefined) lines.push(el(i, 'Format', spec.format));
  if (spec.dateBehavior === true) lines.push(el(i, 'CanChangeDateTimeBehavior', 0), el(i, 'Behavior', 1));
  if (spec.maxLength !== undefined) lines.push(el(i, 'MaxLength', spec.maxLength));
  if (spec.length !== undefined) lines.push(el(i, 'Length', spec.length));
  if (spec.min !== undefined) lines.push(el(i, 'MinValue', spec.min));
  if (spec.max !== undefined) lines.push(el(i, 'MaxValue', spec.max));
  if (spec.lookupStyle !== undefined) lines.push(el(i, 'LookupStyle', spec.lookupStyle));
  if (spec.lookupTypes !== undefined) {
    lines.push(
      `${i}<LookupTypes>`,
      ...spec.lookupTypes.map(
        (t) => `${i}  <LookupType id="00000000-0000-0000-0000-000000000000">${t}</LookupType>`,
      ),
      `${i}</LookupTypes>`,
    );
  }
  lines.push(
    ...displayNames(spec.label, languages, i),
    ...descriptions(spec.description, languages, i),
    `${indent}</attribute>`,
  );
  return lines;
}
