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
  type Found = { order: number; problem: QaProblem }[];
  /** Both answers, found in the one reading of the groups (which removes them). */
  let found: { all: Found; touched: Found } | undefined;
  const settle = (): { all: Found; touched: Found } => {
    const all: Found = [];
    const touched: Found = [];
    for (const group of spill.groupStreams()) {
      const collector = createVariantCollector();
      for (const [sheet, key, base, lcid, text, order, edited, cell] of group) {
        collector.add(
          sheet as LabelSheet,
          () => key!,
          base!,
          Number(lcid),
          text!,
          cell,
          edited === '1',
          Number(order),
        );
      }
      all.push(...collector.problemsInOrder());
      touched.push(...collector.problemsInOrder(true));
    }
    const byOrder = (a: Found[number], b: Found[number]): number => a.order - b.order;
    return { all: all.sort(byOrder), touched: touched.sort(byOrder) };
  };
  return {
    add(sheet, key, base, lcid, text, cell, touched, order = added) {
      added++;
      if (base === '' || text === '') return;
      // Grouped as the collector compares base texts: line-break style is not a difference.
      const group = base.includes('\r') ? base.replace(/\r\n/g, '\n') : base;
      const fields = [sheet, key(), base, String(lcid), text, String(order), touched === true ? '1' : ''];
      spill.add(group, cell === undefined ? fields : [...fields, cell]);
    },
    problems(touchedOnly = false) {
      return this.problemsInOrder(touchedOnly).map((p) => p.problem);
    },
    problemsInOrder(touchedOnly = false) {
      found ??= settle();
      return touchedOnly ? found.touched : found.all;
    },
    discard: () => spill.discard(),
  };
}
