// @vitest-environment jsdom
/// <reference types="powerapps-component-framework" />
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FunnelController, type FunnelContext } from '../../controls/SalesFunnel/SalesFunnel/controller';
import { MockDataSet, mockGetEntityMetadata, type MockRow } from '../widgets/funnel/mock-dataset';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const strings = (
  JSON.parse(readFileSync(path.join(repoRoot, 'translations/ui/1033.json'), 'utf8')) as {
    funnel: Record<string, string>;
  }
).funnel;

const STAGES = [
  { value: 100000000, label: 'Qualify' },
  { value: 100000001, label: 'Develop' },
  { value: 100000002, label: 'Propose' },
  { value: 100000003, label: 'Close' },
];
const columns = [{ name: 'salesstagecode', alias: 'stage', dataType: 'OptionSet' }];

/** Records in Qualify and Develop only: no record is in Propose or Close. */
const rows: MockRow[] = Array.from({ length: 30 }, (_, i) => {
  const stage = STAGES[i % 3 === 0 ? 1 : 0]!;
  return {
    id: `opp-${i}`,
    values: { salesstagecode: stage.value },
    formatted: { salesstagecode: stage.label },
  };
});

const controllers: FunnelController[] = [];
afterEach(() => {
  for (const c of controllers.splice(0)) c.destroy();
  document.body.replaceChildren();
});

/** A dataset that cannot name its table, as pcf-start's harness (getTargetEntityType throws there). */
class TablelessDataSet extends MockDataSet {
  override getTargetEntityType(): string {
    throw new Error('This method is not supported!');
  }
}

function mount(
  stageOrder: string,
  utils: FunnelContext['utils'],
  tableless = false,
): { container: HTMLDivElement; settle: () => void } {
  const ds = tableless ? new TablelessDataSet(rows, columns, 50) : new MockDataSet(rows, columns, 50);
  const context: FunnelContext = {
    parameters: {
      records: ds,
      stageOrder: { raw: stageOrder },
      mode: { raw: 'snapshot' },
      metric: { raw: 'count' },
      maxRecords: { raw: null },
    },
    updatedProperties: [],
    userSettings: { languageId: 1033 },
    resources: { getString: (key) => strings[key] ?? key },
    mode: { trackContainerResize: () => undefined },
    ...(utils === undefined ? {} : { utils }),
  };
  const container = document.createElement('div');
  document.body.appendChild(container);
  const controller = new FunnelController(container);
  controllers.push(controller);
  controller.init(context);
  const settle = (): void => {
    controller.update(context);
    for (let i = 0; i < 100 && ds.deliverPage(); i++) {
      context.updatedProperties = ['dataset'];
      controller.update(context);
    }
  };
  return { container, settle };
}

const stagesShown = (root: ParentNode): string[] =>
  [...root.querySelectorAll('.crmkit-funnel__row')].map((r) => {
    const label = r.querySelector('.crmkit-funnel__label')?.firstChild?.textContent?.trim() ?? '';
    const count = r.querySelector('.crmkit-funnel__count')?.textContent?.trim() ?? '';
    return `${label} ${count}`;
  });
const warnings = (root: ParentNode): string[] =>
  [...root.querySelectorAll('[data-notice="warnings"] li')].map((l) => l.textContent ?? '');
const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

describe('SalesFunnel control with the stage choice options from getEntityMetadata', () => {
  it('draws first, then redraws a listed stage that has no records as a zero stage once the options arrive, and still names the typo', async () => {
    const metadata = mockGetEntityMetadata('opportunity', [{ column: 'salesstagecode', options: STAGES }]);
    const { container, settle } = mount('Qualify, Develop, Close, Qualfy', metadata);
    settle();
    // Before the options arrive, Close is not known.
    expect(stagesShown(container)).toEqual(['Qualify 20', 'Develop 10']);
    expect(warnings(container)).toEqual([
      'Stage not found: Close (named in the stage order)',
      'Stage not found: Qualfy (named in the stage order)',
    ]);
    await nextTask();
    expect(metadata.calls).toEqual([{ entity: 'opportunity', attributes: ['salesstagecode'] }]);
    expect(stagesShown(container)).toEqual(['Qualify 20', 'Develop 10', 'Close 0']);
    expect(warnings(container)).toEqual(['Stage not found: Qualfy (named in the stage order)']);
  });

  it('asks only once, however many updates follow', async () => {
    const metadata = mockGetEntityMetadata('opportunity', [{ column: 'salesstagecode', options: STAGES }]);
    const { settle } = mount('Close', metadata);
    settle();
    settle();
    await nextTask();
    expect(metadata.calls).toHaveLength(1);
  });

  it('keeps the funnel as drawn when getEntityMetadata fails or is not offered', async () => {
    const failing = mockGetEntityMetadata('account', []);
    for (const utils of [failing, {}, undefined]) {
      const { container, settle } = mount('Qualify, Close', utils);
      settle();
      await nextTask();
      expect(stagesShown(container)).toEqual(['Qualify 20', 'Develop 10']);
      expect(warnings(container)).toEqual(['Stage not found: Close (named in the stage order)']);
    }
    expect(failing.calls).toHaveLength(1);
  });

  it("draws the funnel when the dataset cannot name its table, as in pcf-start's harness", async () => {
    const metadata = mockGetEntityMetadata('opportunity', [{ column: 'salesstagecode', options: STAGES }]);
    const { container, settle } = mount('Qualify, Close', metadata, true);
    settle();
    await nextTask();
    expect(stagesShown(container)).toEqual(['Qualify 20', 'Develop 10']);
    expect(metadata.calls).toEqual([]);
  });
});
