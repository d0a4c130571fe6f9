/** Where in customizations.xml a line falls, for messages about XML that does not parse. */
const PART_IDS: Record<string, string> = {
  formid: 'form',
  savedqueryid: 'view',
  savedqueryvisualizationid: 'chart',
};

/**
 * The table, and the form, view or chart, a line of customizations.xml falls in, for a message
 * about XML that does not parse (`Entity cnt_SurveyResponse › form {…}`); undefined outside tables.
 */
export function placeOfLine(xml: string, line: number): string | undefined {
  let offset = 0;
  for (let l = 1; l < line && offset >= 0; l++) offset = xml.indexOf('\n', offset) + 1;
  const before = offset <= 0 ? xml : xml.slice(0, offset);
  const entityAt = before.lastIndexOf('<Entity>');
  if (entityAt < 0 || before.lastIndexOf('</Entity>') > entityAt) return undefined;
  const name = /<Name\b[^>]*>([^<]*)<\/Name>/.exec(xml.slice(entityAt))?.[1] ?? '?';
  const parts = [
    ...before.slice(entityAt).matchAll(/<(formid|savedqueryid|savedqueryvisualizationid)>([^<]*)</g),
  ];
  const part = parts[parts.length - 1];
  return part === undefined ? `Entity ${name}` : `Entity ${name} › ${PART_IDS[part[1] ?? '']} ${part[2]}`;
}
