/**
 * The table's main form and quick-create form (`<FormXml>`), laid out like the forms of real
 * exported activities: a General tab of labelled sections; the main form's header shows the owner
 * (who recorded the response) and when it was created.
 */
import type { LabelKey } from './labels';
import type { TableNames } from './names';
import { descriptions, formLabels, localizedNames } from './xml-labels';

/** Standard control class ids by column kind, as exports write them. */
export const CONTROL_CLASS = {
  text: '{4273EDBD-AC1D-40D3-9FB2-095C621B552D}',
  whole: '{C6D124CA-7EDA-4A60-AEA9-7FB8D318B68F}',
  choice: '{3EF39988-22BB-4F0B-BBBE-64B5A3748AEE}',
  lookup: '{270BD3DB-D9AF-4782-9025-509E298DEC0A}',
  regarding: '{F3015350-44A2-4AA0-97B5-00166532B5E9}',
  memo: '{E0DECE4B-6FC8-4A8F-A065-082708572369}',
  datetime: '{5B773807-9FB2-42DB-97C3-7A91EFF8ADFF}',
} as const;

type Kind = keyof typeof CONTROL_CLASS;
export interface Field {
  column: string;
  label: LabelKey;
  kind: Kind;
}
interface Section {
  name: string;
  label: LabelKey;
  fields: readonly Field[];
}
export interface FormContext {
  names: TableNames;
  languages: readonly number[];
  version: string;
  /** A stable id for a part of this form (`tab`, `cell:nps`). */
  id: (part: string) => string;
}

export function surveyFields(names: TableNames) {
  const c = names.column;
  const fields = {
    subject: { column: 'subject', label: 'col.subject', kind: 'text' },
    nps: { column: c('nps'), label: 'col.nps', kind: 'whole' },
    csat: { column: c('csat'), label: 'col.csat', kind: 'whole' },
    channel: { column: c('channel'), label: 'col.channel', kind: 'choice' },
    role: { column: c('role'), label: 'col.role', kind: 'choice' },
    regarding: { column: 'regardingobjectid', label: 'col.regardingobjectid', kind: 'regarding' },
    respondent: { column: c('respondent'), label: 'col.respondent', kind: 'text' },
    contact: { column: c('contactid'), label: 'col.contactid', kind: 'lookup' },
    comment: { column: 'description', label: 'col.description', kind: 'memo' },
    answers: { column: c('answers'), label: 'col.answers', kind: 'memo' },
    version: { column: c('definitionversion'), label: 'col.definitionversion', kind: 'text' },
    owner: { column: 'ownerid', label: 'col.ownerid', kind: 'lookup' },
    created: { column: 'createdon', label: 'col.createdon', kind: 'datetime' },
  } satisfies Record<string, Field>;
  return fields;
}

function cellLines(f: Field, ctx: FormContext, i: string, idPrefix = ''): string[] {
  return [
    `${i}<cell id="{${ctx.id(`cell:${idPrefix}${f.column}`)}}">`,
    ...formLabels(f.label, ctx.languages, `${i}  `),
    `${i}  <control id="${idPrefix}${f.column}" classid="${CONTROL_CLASS[f.kind]}" datafieldname="${f.column}" disabled="false" />`,
    `${i}</cell>`,
  ];
}

function sectionLines(s: Section, ctx: FormContext, i: string): string[] {
  return [
    `${i}<section name="${s.name}" id="{${ctx.id(`section:${s.name}`)}}" showlabel="true" showbar="false" IsUserDefined="0" columns="1" labelwidth="115">`,
    ...formLabels(s.label, ctx.languages, `${i}  `),
    `${i}  <rows>`,
    ...s.fields.flatMap((f) => [`${i}    <row>`, ...cellLines(f, ctx, `${i}      `), `${i}    </row>`]),
    `${i}  </rows>`,
    `${i}</section>`,
  ];
}

function tabLines(sections: readonly Section[], ctx: FormContext, i: string): string[] {
  return [
    `${i}<tabs>`,
    `${i}  <tab name="general" id="{${ctx.id('tab:general')}}" verticallayout="true" IsUserDefined="0" showlabel="true">`,
    ...formLabels('tab.general', ctx.languages, `${i}    `),
    `${i}    <columns>`,
    `${i}      <column width="100%">`,
    `${i}        <sections>`,
    ...sections.flatMap((s) => sectionLines(s, ctx, `${i}          `)),
    `${i}        </sections>`,
    `${i}      </column>`,
    `${i}    </columns>`,
    `${i}  </tab>`,
    `${i}</tabs>`,
  ];
}

function headerLines(fields: readonly Field[], ctx: FormContext, i: string): string[] {
  return [
    `${i}<header id="{${ctx.id('header')}}" celllabelposition="Top" columns="${'1'.repeat(fields.length)}" labelwidth="115">`,
    `${i}  <rows>`,
    `${i}    <row>`,
    ...fields.flatMap((f) => cellLines(f, ctx, `${i}      `, 'header_')),
    `${i}    </row>`,
    `${i}  </rows>`,
    `${i}</header>`,
  ];
}

function systemForm(
  type: 'main' | 'quickCreate',
  body: string[],
  name: LabelKey,
  description: LabelKey,
  formId: string,
  ctx: FormContext,
  i: string,
): string[] {
  return [
    `${i}<forms type="${type}">`,
    `${i}  <systemform>`,
    `${i}    <formid>{${formId}}</formid>`,
    `${i}    <IntroducedVersion>${ctx.version}</IntroducedVersion>`,
    `${i}    <FormPresentation>1</FormPresentation>`,
    `${i}    <FormActivationState>1</FormActivationState>`,
    `${i}    <form>`,
    ...body,
    `${i}    </form>`,
    `${i}    <IsCustomizable>1</IsCustomizable>`,
    `${i}    <CanBeDeleted>1</CanBeDeleted>`,
    ...localizedNames(name, ctx.languages, `${i}    `),
    ...descriptions(description, ctx.languages, `${i}    `),
    `${i}  </systemform>`,
    `${i}</forms>`,
  ];
}

/** `<FormXml>` with the main form and the quick-create form; ids are `ids.main` and `ids.quickCreate`. */
export function formXmlLines(
  ctx: FormContext,
  ids: { main: string; quickCreate: string },
  indent: string,
): string[] {
  const f = surveyFields(ctx.names);
  const i = `${indent}      `;
  const scores = {
    name: 'scores',
    label: 'section.scores',
    fields: [f.subject, f.nps, f.csat, f.channel, f.role],
  } as const;
  const respondent = {
    name: 'respondent',
    label: 'section.respondent',
    fields: [f.regarding, f.respondent, f.contact],
  } as const;
  const details = {
    name: 'details',
    label: 'section.details',
    fields: [f.comment, f.answers, f.version],
  } as const;
  const main = { ...ctx, id: (p: string) => ctx.id(`form:main:${p}`) };
  const quick = { ...ctx, id: (p: string) => ctx.id(`form:quickCreate:${p}`) };
  const quickSection = {
    name: 'response',
    label: 'section.scores',
    fields: [f.regarding, f.nps, f.csat, f.channel, f.role, f.respondent, f.comment],
  } as const;
  return [
    `${indent}<FormXml>`,
    ...systemForm(
      'main',
      [...tabLines([scores, respondent, details], main, i), ...headerLines([f.owner, f.created], main, i)],
      'form.main',
      'form.main.desc',
      ids.main,
      main,
      `${indent}  `,
    ),
    ...systemForm(
      'quickCreate',
      tabLines([quickSection], quick, i),
      'form.quickCreate',
      'form.quickCreate.desc',
      ids.quickCreate,
      quick,
      `${indent}  `,
    ),
    `${indent}</FormXml>`,
  ];
}
