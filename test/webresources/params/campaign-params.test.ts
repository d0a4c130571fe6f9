import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fencedBlocks } from '../../docs/fenced';
import { repoRoot } from '../../support/browser';
import { parseClientConfig } from '../../../src/webresources/params/client-config';
import { ConfigError } from '../../../src/webresources/params/data-params';
import { readCampaignConfig } from '../../../src/webresources/pipeline-funnel/campaign-config';
import { readFunnelConfig } from '../../../src/webresources/pipeline-funnel/funnel-config';
import { funnelKindOf } from '../../../src/webresources/pipeline-funnel/funnel-kind';

const search = (data: string): string => `?data=${encodeURIComponent(data)}&orglcid=1033`;
const noConfig = parseClientConfig('{}');

function problemsOf(read: () => unknown): { param: string; key: string }[] {
  try {
    read();
  } catch (e) {
    if (e instanceof ConfigError) return e.problems.map(({ param, key }) => ({ param, key }));
    throw e;
  }
  return [];
}

describe('the campaign funnel and compare parameters', () => {
  it('picks the campaign funnel with funnel=campaign, from the data parameter or config.json', () => {
    expect(funnelKindOf(search('funnel=campaign&campaign=Expo'), noConfig)).toBe('campaign');
    expect(funnelKindOf(search('table=opportunity'), noConfig)).toBe('pipeline');
    expect(funnelKindOf('', parseClientConfig('{"version":1,"funnel":{"funnel":"campaign"}}'))).toBe(
      'campaign',
    );
  });

  it('takes a campaign by id (braces and case ignored) or by name', () => {
    expect(
      readCampaignConfig(search('funnel=campaign&campaign={0000000A-0000-4000-8000-000000000001}'), noConfig),
    ).toEqual({
      campaign: { kind: 'id', id: '0000000a-0000-4000-8000-000000000001' },
      period: { kind: 'all' },
      compare: 'none',
    });
    expect(
      readCampaignConfig(
        search(
          '{"funnel":"campaign","campaign":"Весенняя рассылка 2025","compare":"previous","period":"90d"}',
        ),
        noConfig,
      ),
    ).toEqual({
      campaign: { kind: 'name', name: 'Весенняя рассылка 2025' },
      period: { kind: 'days', count: 90 },
      compare: 'previous',
    });
  });

  it.each([
    ['funnel=campaign', 'campaign', 'param.required'],
    [`funnel=campaign&campaign=${'x'.repeat(201)}`, 'campaign', 'param.tooLong'],
    ['funnel=campaign&campaign=Expo&compare=previous', 'compare', 'param.compareNoStart'],
    ['funnel=campaign&campaign=Expo&compare=previous&period=..2025-06-30', 'compare', 'param.compareNoStart'],
    ['funnel=campaign&campaign=Expo&compare=last', 'compare', 'param.notChoice'],
    ['funnel=campaign&campaign=Expo&segment=territoryid', 'segment', 'param.unknown'],
  ])('refuses %s, naming %s', (data, param, key) => {
    expect(problemsOf(() => readCampaignConfig(search(data), noConfig))).toEqual([{ param, key }]);
  });

  it('gives the pipeline compare=previous only with a period that has a start', () => {
    expect(readFunnelConfig(search('compare=previous&period=12m'), noConfig).compare).toBe('previous');
    expect(readFunnelConfig(search('compare=none'), noConfig).compare).toBeUndefined();
    expect(problemsOf(() => readFunnelConfig(search('compare=previous'), noConfig))).toEqual([
      { param: 'compare', key: 'param.compareNoStart' },
    ]);
    expect(problemsOf(() => readFunnelConfig(search('funnel=pipeline&funnel2=x'), noConfig))).toEqual([
      { param: 'funnel2', key: 'param.unknown' },
    ]);
  });

  /** The guides' data parameter examples that name this test: each is read without a problem. */
  const examples = ['docs/dashboards.md', 'docs/widgets-funnel.md'].flatMap((guide) =>
    fencedBlocks(readFileSync(path.join(repoRoot, guide), 'utf8'), guide).filter((b) =>
      (b.annotation ?? '').includes('campaign-params.test.ts'),
    ),
  );

  it('reads the data parameters the guides show', () => {
    expect(examples.length).toBeGreaterThanOrEqual(2);
    for (const block of examples) {
      const data = block.text.trim();
      const read = (): unknown =>
        funnelKindOf(search(data), noConfig) === 'campaign'
          ? readCampaignConfig(search(data), noConfig)
          : readFunnelConfig(search(data), noConfig);
      expect(problemsOf(read), `${block.file}:${block.line}`).toEqual([]);
    }
  });
});
