/**
 * Reading for an export's suggestions (export-suggestions.ts), where the labels are read: in the
 * label reader's worker, so that labels a memory would not keep never cross to the main thread.
 * `collect` notes every label in a wanted table (memory/wanted.ts) and passes none on; `only`
 * passes on just the labels with a translation the table wants, with the others blanked. Same
 * labels, same order, on either thread (read-labels.ts uses this without a worker too). Neither
 * needs the file's fingerprint, which is then not computed.
 */
import type { Lcid } from './crm-xml/model';
import type { TranslationsVisitor } from './crm-xml/read';
import { createWantedBases, keepWanted, type PackedWanted } from './memory/wanted';

export type WantedReading =
  | { collect: true }
  /** The table and the base language of the file it was noted from. */
  | { only: PackedWanted; baseLcid: Lcid };

export interface WantedVisit {
  visitor: TranslationsVisitor;
  /** The table noted (`collect`), once the file is read. */
  table(): PackedWanted | undefined;
}

/** Wraps `inner`: the labels `reading` leaves out go to `skipped` (counted for progress) instead. */
export function visitWanted(
  reading: WantedReading,
  inner: TranslationsVisitor,
  skipped: () => void,
): WantedVisit {
  let baseLcid: Lcid = 0;
  const sheet: TranslationsVisitor['sheet'] = (name, languages, header) => {
    baseLcid = header.baseLcid;
    inner.sheet?.(name, languages, header);
  };
  if ('collect' in reading) {
    const wanted = createWantedBases();
    return {
      visitor: {
        sheet,
        label(label) {
          wanted.note(label.texts.get(baseLcid) ?? '', label.texts);
          skipped();
          return undefined;
        },
      },
      table: () => wanted.pack(),
    };
  }
  const keeps = keepWanted(createWantedBases(reading.only), reading.baseLcid);
  return {
    visitor: {
      sheet,
      label(label) {
        if (keeps(label.texts as Map<Lcid, string>, baseLcid)) return inner.label?.(label);
        skipped();
        return undefined;
      },
    },
    table: () => undefined,
  };
}
