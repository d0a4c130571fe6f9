/**
 * The "variants" rule over inputs of any size: translations are grouped by base text on disk
 * (src/fs/record-spill.ts) and each group is collected on its own, so the rule's memory stays flat
 * as the file grows. Same problems, in the same order, as one in-memory collector.
 */
import { createRecordSpill, type RecordSpill } from '../../fs/record-spill';
import type { LabelSheet } from '../crm-xml/model';
import type { QaProblem } from './problem';
import { createVariantCollector, type VariantCollector } from './variants';

export interface SpilledVariantCollector extends VariantCollector {
  /** Removes what is on disk (a check that failed before asking for the problems). */
  discard(): void;
}

export function createSpilledVariantCollector(
  spill: RecordSpill = createRecordSpill(),
): SpilledVariantCollector {
  let added = 0;
  let found: { order: number; problem: QaProblem }[] | undefined;
  const settle = (): { order: number; problem: QaProblem }[] => {
    const all: { order: number; problem: QaProblem }[] = [];
    for (const group of spill.groups()) {
      const collector = createVariantCollector();
      for (const [sheet, key, base, lcid, text, order] of group) {
        collector.add(sheet as LabelSheet, () => key!, base!, Number(lcid), text!, Number(order));
      }
      all.push(...collector.problemsInOrder());
    }
    return all.sort((a, b) => a.order - b.order);
  };
  return {
    add(sheet, key, base, lcid, text, order = added) {
      added++;
      if (base === '' || text === '') return;
      // Grouped as the collector compares base texts: line-break style is not a difference.
      const group = base.includes('\r') ? base.replace(/\r\n/g, '\n') : base;
      spill.add(group, [sheet, key(), base, String(lcid), text, String(order)]);
    },
    problems() {
      return this.problemsInOrder().map((p) => p.problem);
    },
    problemsInOrder() {
      found ??= settle();
      return found;
    },
    discard: () => spill.discard(),
  };
}
