/**
 * Benchmark of the funnel model (not a test: prints figures). Reads 50,000 dataset records with
 * the control's record reader, then computes the funnel (snapshot and reached, with segments).
 * Prints the median wall time of 7 runs and the CPU time of the same runs (on a busy machine the
 * CPU time says what a step costs when wall time is inflated by other work). The browser figures
 * (drawing included) are printed by test/browser/funnel-host.test.ts.
 *
 *   npx tsx bench/funnel.ts [records]
 */
import { computeFunnel } from '../src/widgets/funnel/model';
import type { FunnelRecord } from '../src/widgets/funnel/types';
/* eslint-disable no-restricted-imports -- the one exception to "a bench imports only from src/"
   (docs/architecture.md): this bench times the control's own DataSet mapping, which stays in the
   control, over the tests' stand-in for a PCF DataSet. */
import { recordReader, funnelColumns } from '../controls/SalesFunnel/SalesFunnel/records';
import { MockDataSet } from '../test/widgets/funnel/mock-dataset';
import { SAMPLE_COLUMNS, sampleOpportunities, sampleRows } from '../test/widgets/funnel/sample-data';
/* eslint-enable no-restricted-imports */

const count = Number(process.argv[2] ?? '50000');
const ds = new MockDataSet(sampleRows(sampleOpportunities(count), 1049), SAMPLE_COLUMNS, count);
const entities = ds.records;
const ids = ds.sortedRecordIds;

function measure(name: string, run: () => unknown, budgetMs?: number): void {
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < 7; i++) {
    const cpu = process.cpuUsage();
    const start = performance.now();
    run();
    walls.push(performance.now() - start);
    const used = process.cpuUsage(cpu);
    cpus.push((used.user + used.system) / 1000);
  }
  const median = (xs: number[]): number => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const budget =
    budgetMs === undefined ? '' : ` (budget ${budgetMs} ms: ${median(walls) <= budgetMs ? 'ok' : 'over'})`;
  console.log(
    `${name.padEnd(44)} ${median(walls).toFixed(1).padStart(7)} ms wall, ${median(cpus).toFixed(1).padStart(7)} ms CPU${budget}`,
  );
}

let records: FunnelRecord[] = [];
/** The currency symbols of the amounts, as the control collects them. */
const symbols = new Set<string | undefined>();
measure(`read ${count} records (record reader)`, () => {
  const read = recordReader(funnelColumns(ds), { key: '\u0000none', label: '(none)' }, (s) => symbols.add(s));
  records = ids.map((id) => read(entities[id]!));
});
measure(`funnel of ${count} records, snapshot`, () => computeFunnel({ kind: 'records', records }));
measure(`funnel of ${count} records, reached + amount`, () =>
  computeFunnel(
    { kind: 'records', records },
    { mode: 'reached', metric: 'amount', stageOrder: 'Close, Qualify' },
  ),
);
measure(
  `read + funnel of ${count} records`,
  () => {
    const read = recordReader(funnelColumns(ds), { key: '\u0000none', label: '(none)' }, (s) =>
      symbols.add(s),
    );
    computeFunnel({ kind: 'records', records: ids.map((id) => read(entities[id]!)) });
  },
  100,
);
