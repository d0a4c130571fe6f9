/**
 * Benchmark of the funnel model (not a test: prints figures). Reads 50,000 dataset records into
 * the control's record store (the columns the control keeps), then computes the funnel (snapshot
 * and reached, with segments). Prints the first run (code not yet optimised, as in a fresh page),
 * then the median wall time of 7 runs and the CPU time of the same runs (on a busy machine the CPU
 * time says what a step costs when wall time is inflated by other work). The browser figures
 * (drawing included) are printed by test/browser/funnel-host.test.ts.
 *
 *   npx tsx bench/funnel.ts [records]
 */
import { computeFunnel } from '../src/widgets/funnel/model';
import type { RecordColumns } from '../src/widgets/funnel/types';
/* eslint-disable no-restricted-imports -- the one exception to "a bench imports only from src/"
   (docs/architecture.md): this bench times the control's own DataSet mapping, which stays in the
   control, over the tests' stand-in for a PCF DataSet. */
import { RecordStore } from '../controls/SalesFunnel/SalesFunnel/record-store';
import { MockDataSet } from '../test/widgets/funnel/mock-dataset';
import { SAMPLE_COLUMNS, sampleOpportunities, sampleRows } from '../test/widgets/funnel/sample-data';
/* eslint-enable no-restricted-imports */

const count = Number(process.argv[2] ?? '50000');
const ds = new MockDataSet(sampleRows(sampleOpportunities(count), 1049), SAMPLE_COLUMNS, count);
const noSegment = { key: '\u0000none', label: '(none)' };

function measure(name: string, run: () => unknown, budgetMs?: number): void {
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < 8; i++) {
    const cpu = process.cpuUsage();
    const start = performance.now();
    run();
    walls.push(performance.now() - start);
    const used = process.cpuUsage(cpu);
    cpus.push((used.user + used.system) / 1000);
  }
  const [firstWall, ...restWalls] = walls;
  const [firstCpu, ...restCpus] = cpus;
  const median = (xs: number[]): number => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const budget =
    budgetMs === undefined
      ? ''
      : ` (budget ${budgetMs} ms: ${median(restWalls) <= budgetMs ? 'ok' : 'over'})`;
  console.log(
    `${name.padEnd(44)} first ${firstWall!.toFixed(1).padStart(6)} ms wall ${firstCpu!.toFixed(1).padStart(6)} ms CPU; ` +
      `then ${median(restWalls).toFixed(1).padStart(6)} ms wall, ${median(restCpus).toFixed(1).padStart(6)} ms CPU${budget}`,
  );
}

function read(): RecordColumns {
  const store = new RecordStore();
  store.add(ds, noSegment, Number.POSITIVE_INFINITY);
  return store.columns();
}

let columns: RecordColumns | undefined;
measure(`read ${count} records (record store)`, () => {
  columns = read();
});
const all = columns ?? read();
measure(`funnel of ${count} records, snapshot`, () => computeFunnel({ kind: 'columns', columns: all }));
measure(`funnel of ${count} records, reached + amount`, () =>
  computeFunnel(
    { kind: 'columns', columns: all },
    { mode: 'reached', metric: 'amount', stageOrder: 'Close, Qualify' },
  ),
);
measure(`read + funnel of ${count} records`, () => computeFunnel({ kind: 'columns', columns: read() }), 100);
