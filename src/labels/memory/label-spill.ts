/**
 * One read of a translations file kept on disk (ordered-spill.ts): its sheet events and labels in
 * order, and its result, replayed as the reader would call a visitor. `labels export --memory` and
 * `--consistency` scan the XML once this way, however many passes they make over its labels.
 */
import type { Label, LabelSheet, Lcid, TranslationsHeader } from '../crm-xml/model';
import type { TranslationsReadResult, TranslationsVisitor } from '../crm-xml/read';
import { createOrderedSpill } from './ordered-spill';

interface SheetEvent {
  sheet: LabelSheet;
  languages: readonly Lcid[];
  header: TranslationsHeader;
}

export interface LabelSpill {
  /** Records a sheet's header row (as TranslationsVisitor.sheet is told of it). */
  sheet(sheet: LabelSheet, languages: readonly Lcid[], header: TranslationsHeader): void;
  /** Records a label. */
  label(label: Label): void;
  /** The read is over: its result, given back by every replay. */
  finish(result: TranslationsReadResult): void;
  /** The read again, in order; `pace` is awaited between pieces (see ReadLabelsOptions). */
  replay(visitor: TranslationsVisitor, pace?: () => Promise<void>): Promise<TranslationsReadResult>;
  discard(): void;
}

export function createLabelSpill(dir?: string): LabelSpill {
  const records = createOrderedSpill(dir);
  const events: SheetEvent[] = [];
  let result: TranslationsReadResult | undefined;
  return {
    sheet(sheet, languages, header) {
      records.add(['S', String(events.length)]);
      events.push({ sheet, languages: [...languages], header });
    },
    label(label) {
      const fields = [
        label.sheet === 'Display Strings' ? 'D' : 'L',
        label.entity,
        label.objectId,
        label.column,
      ];
      for (const [lcid, text] of label.texts) fields.push(String(lcid), text);
      records.add(fields);
    },
    finish(read) {
      result = read;
    },
    async replay(visitor, pace) {
      if (result === undefined) throw new Error('a label spill replayed before its read was over');
      await records.replay((f) => {
        if (f[0] === 'S') {
          const e = events[Number(f[1])]!;
          visitor.sheet?.(e.sheet, e.languages, e.header);
          return;
        }
        const texts = new Map<Lcid, string>();
        for (let i = 4; i + 1 < f.length; i += 2) texts.set(Number(f[i]), f[i + 1]!);
        visitor.label?.({
          sheet: f[0] === 'D' ? 'Display Strings' : 'Localized Labels',
          entity: f[1]!,
          objectId: f[2]!,
          column: f[3]!,
          texts,
        });
      }, pace);
      return result;
    },
    discard: () => records.discard(),
  };
}
