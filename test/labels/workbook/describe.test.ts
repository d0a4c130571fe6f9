import { describe, expect, it } from 'vitest';
import { contexts, nouns, UI_LANGUAGES } from '../../../src/labels/crm-xml/context-texts';
import { describeLabel, type ComponentKind } from '../../../src/labels/crm-xml/describe';
import type { LabelSheet } from '../../../src/labels/crm-xml/model';

const guid = '02efc0ba-f85d-f011-bec2-000d3aa38385';

const cases: readonly [LabelSheet, string, string, string, ComponentKind, string][] = [
  ['Localized Labels', 'pl_salesorder', guid, 'LocalizedName', 'table', 'Table name'],
  ['Localized Labels', 'pl_salesorder', guid, 'LocalizedCollectionName', 'table', 'Table plural name'],
  ['Localized Labels', 'account', guid, 'DisplayName', 'column', 'Column label'],
  ['Localized Labels', 'account', guid, 'Description', 'column', 'Column or table description'],
  ['Localized Labels', 'account', `${guid};100000001`, 'DisplayName', 'choice', 'Choice value'],
  ['Localized Labels', 'account', `${guid};2`, 'Description', 'choice', 'Choice value description'],
  ['Localized Labels', 'account', guid, 'displayname', 'form', 'Form tab, section or field label'],
  ['Localized Labels', 'account', guid, 'name', 'form', 'Form, view or chart name'],
  ['Localized Labels', 'systemform', guid, 'name', 'form', 'Form name'],
  ['Localized Labels', 'systemform', guid, 'description', 'form', 'Form description'],
  ['Localized Labels', 'savedquery', guid, 'name', 'view', 'View name'],
  ['Localized Labels', 'savedqueryvisualization', guid, 'name', 'chart', 'Chart name'],
  ['Localized Labels', 'Solution', guid, 'friendlyname', 'solution', 'Solution name'],
  ['Localized Labels', 'Solution', guid, 'description', 'solution', 'Solution description'],
  ['Localized Labels', 'Publisher', guid, 'friendlyname', 'publisher', 'Publisher name'],
  ['Localized Labels', 'Workflow Categories', guid, 'name', 'workflow', 'Process category name'],
  ['Localized Labels', 'workflow', guid, 'description', 'workflow', 'Process description'],
  ['Localized Labels', 'sitemap', guid, 'title', 'sitemap', 'Site map item name'],
  ['Localized Labels', 'appmodule', guid, 'name', 'app', 'App name'],
  ['Localized Labels', 'webresource', guid, 'displayname', 'webresource', 'Web resource name'],
  [
    'Localized Labels',
    'RibbonCustomization',
    'devkit.pl_salesorder.Form.Button.LabelText',
    'LocLabel',
    'ribbon',
    'Ribbon button label',
  ],
  [
    'Localized Labels',
    'RibbonCustomization',
    'devkit.pl_salesorder.Form.Button.ToolTipTitle',
    'LocLabel',
    'ribbon',
    'Ribbon tooltip title',
  ],
  [
    'Localized Labels',
    'pl_salesorder',
    'devkit.pl_salesorder.Grid.Button.ToolTipDescription',
    'LocLabel',
    'ribbon',
    'Ribbon tooltip description',
  ],
  [
    'Localized Labels',
    'pl_salesorder',
    'contoso.pl_salesorder.Form.Button1.LabelText',
    'LocLabel',
    'ribbon',
    'Ribbon button label',
  ],
  ['Localized Labels', 'account', guid, 'SomethingNew', 'other', 'Text (SomethingNew)'],
  ['Display Strings', 'pl_salesorder', 'Message.Submit.Confirm', '', 'message', 'Message'],
  [
    'Display Strings',
    'RibbonCustomization',
    'Mscrm.Form.Save.LabelText',
    '',
    'ribbon',
    'Ribbon button label',
  ],
];

describe('describeLabel', () => {
  it.each(cases)('describes %s %s / %s / %s as %s "%s"', (sheet, entity, objectId, column, kind, context) => {
    expect(describeLabel({ sheet, entity, objectId, column })).toEqual({ kind, context });
  });

  it('tells a column label from a form item only by the case of Object Column Name', () => {
    const base = { sheet: 'Localized Labels' as const, entity: 'account', objectId: guid };
    expect(describeLabel({ ...base, column: 'DisplayName' }).kind).toBe('column');
    expect(describeLabel({ ...base, column: 'displayname' }).kind).toBe('form');
  });

  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])(
    'describes a table named %s as a table, not as an object property',
    (entity) => {
      const label = { sheet: 'Localized Labels' as const, entity, objectId: guid, column: 'LocalizedName' };
      expect(describeLabel(label)).toEqual({ kind: 'table', context: 'Table name' });
    },
  );
});

describe('contexts in the product languages', () => {
  const table = { sheet: 'Localized Labels' as const, entity: 'account', objectId: guid };

  it.each([
    [1033, 'Table plural name'],
    [1049, 'Имя таблицы во множественном числе'],
    [1026, 'Име на таблицата в множествено число'],
    [1058, 'Назва таблиці у множині'],
    [1036, 'Table plural name'],
  ])('describes a plural name in language %i as "%s"', (lcid, context) => {
    expect(describeLabel({ ...table, column: 'LocalizedCollectionName' }, lcid).context).toBe(context);
  });

  it('keeps the Object Column Name after a translated phrase', () => {
    expect(describeLabel({ ...table, column: 'Custom' }, 1049).context).toBe('Текст (Custom)');
    expect(describeLabel({ ...table, entity: 'Solution', column: 'version' }, 1026).context).toBe(
      'Текст на решението (version)',
    );
  });

  it('has every phrase written in all four languages, the Cyrillic ones in Cyrillic', () => {
    const phrases = [
      ...Object.values(contexts),
      ...Object.values(nouns).flatMap((n) => [n.name, n.description, n.text]),
    ];
    for (const phrase of phrases) {
      for (const lcid of UI_LANGUAGES) expect(phrase[lcid].trim(), phrase[1033]).not.toBe('');
      for (const lcid of [1049, 1026, 1058] as const)
        expect(phrase[lcid], phrase[1033]).toMatch(/[а-яіїєґ]/i);
    }
  });
});
