/** `labels stats`: translation coverage per language and per component kind. */
import type { NamedFile } from '../fs/open-input';
import { createStatsCounter, type CoverageStats, type StatsCounter } from './check/stats';
import { describeLabel } from './crm-xml/describe';
import { readLabelInput } from './label-input';
import type { ProgressCallbacks } from './progress-callbacks';

export interface StatsOptions extends Pick<ProgressCallbacks, 'onRows'> {
  input: NamedFile;
  /** Largest XML accepted inside a zip, in bytes. */
  maxSize?: number;
}

export async function labelStats(o: StatsOptions): Promise<CoverageStats> {
  let counter: StatsCounter | undefined;
  const result = await readLabelInput(
    o.input,
    ({ baseLcid, targets }) => {
      const c = createStatsCounter(baseLcid, targets);
      counter = c;
      return (row) => {
        c.add(describeLabel(row).kind, row.base, row.targets);
        o.onRows?.(1);
      };
    },
    { maxEntrySize: o.maxSize },
  );
  const c = counter ?? createStatsCounter(result.baseLcid, result.targets);
  c.include(result.targets);
  return c.result();
}
