// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/webresources/params/data-params';
import { funnelAggregateFetch } from '../../../src/webresources/dataverse/fetchxml';
import { domXmlParse, viewCriteria } from '../../../src/webresources/params/view-criteria';

const view = `<fetch version="1.0" mapping="logical" distinct="true">
  <entity name="opportunity">
    <attribute name="name"/><order attribute="name" descending="false"/>
    <filter type="and">
      <condition attribute="statecode" operator="eq" value="0"/>
      <condition attribute="crmkit_segment" operator="in"><value>1</value><value>3</value></condition>
    </filter>
    <link-entity name="account" from="accountid" to="parentaccountid" alias="a">
      <attribute name="name"/>
      <filter><condition attribute="address1_country" operator="eq" value="Bulgaria"/></filter>
    </link-entity>
  </entity>
</fetch>`;

describe("a saved view's criteria", () => {
  it('keeps its filters and linked tables and drops its columns and orders', () => {
    const criteria = viewCriteria(view, 'opportunity', domXmlParse);
    expect(criteria.map((c) => c.name)).toEqual(['filter', 'link-entity']);
    expect(criteria[1]!.children.map((c) => c.name)).toEqual(['filter']);
    const xml = funnelAggregateFetch({
      scope: {
        table: 'opportunity',
        state: 'all',
        dateColumn: 'createdon',
        range: {},
        viewCriteria: criteria,
      },
      stage: 'salesstage',
    });
    expect(xml).toContain(
      '<filter type="and"><condition attribute="statecode" operator="eq" value="0"/><condition attribute="crmkit_segment" operator="in"><value>1</value><value>3</value></condition></filter>',
    );
    expect(xml).toContain(
      '<link-entity name="account" from="accountid" to="parentaccountid" alias="a"><filter><condition attribute="address1_country" operator="eq" value="Bulgaria"/></filter></link-entity>',
    );
    expect(xml).not.toContain('order');
  });

  it.each([
    ['a view of another table', view.replace('"opportunity"', '"lead"'), 'param.viewOtherTable'],
    ['a document type declaration', `<!DOCTYPE x [<!ENTITY e "boom">]>${view}`, 'param.viewUnreadable'],
    ['text that is not XML', '<fetch><entity', 'param.viewUnreadable'],
    ['XML that is not a fetch', '<savedquery/>', 'param.viewUnreadable'],
  ])('refuses %s, naming the filter parameter', (_what, xml, key) => {
    try {
      viewCriteria(xml, 'opportunity', domXmlParse);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      expect((e as ConfigError).problems[0]).toMatchObject({ param: 'filter', key });
    }
  });
});
