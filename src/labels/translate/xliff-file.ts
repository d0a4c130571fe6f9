/**
 * An XLIFF file (1.2 or 2.0, one target language) as a Book: a unit without a target, or still
 * untranslated with its source copied into the target, is empty. The file is written again with
 * the XLIFF writer (so CAT-tool additions such as alt-trans are not kept): a machine translation
 * gets `state="needs-review-translation" state-qualifier="mt-suggestion"` (1.2) or
 * `state="translated" subState="crmkit:mt"` (2.0) and a note naming the service and date; a
 * memory or glossary suggestion is `leveraged-tm`.
 */
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { CrmKitError } from '../../errors';
import type { NamedFile } from '../../fs/open-input';
import type { Lcid } from '../crm-xml/model';
import type { MemorySuggestion, WorkbookRow } from '../workbook/types';
import { proposes, readXliffFile, xliffTarget } from '../xliff-input';
import { writeXliff, type ReadXliffUnit, type ReviewQualifier, type XliffUnit } from '../xliff';
import type { Book } from './book';

export const XLIFF_EXTENSION = /\.(xlf|xliff)$/i;

const REVIEW_STATES = new Set(['needs-review-translation', 'needs-review-l10n', 'needs-review-adaptation']);
const QUALIFIERS: Readonly<Record<string, ReviewQualifier>> = {
  'mt-suggestion': 'mt-suggestion',
  'crmkit:mt': 'mt-suggestion',
  'leveraged-tm': 'leveraged-tm',
  'crmkit:leveraged-tm': 'leveraged-tm',
};

/** A unit as it stands, to be written again unchanged. */
function asIs(unit: ReadXliffUnit & { key: NonNullable<ReadXliffUnit['key']> }): XliffUnit {
  const base = { key: unit.key, source: unit.source, notes: unit.notes };
  if (!proposes(unit)) return { ...base, target: undefined, state: 'untranslated' };
  const qualifier = QUALIFIERS[unit.qualifier ?? ''];
  const review =
    REVIEW_STATES.has(unit.state ?? '') ||
    (unit.state === 'translated' &&
      qualifier !== undefined &&
      !unit.approved &&
      unit.qualifier?.startsWith('crmkit:') === true);
  return review
    ? { ...base, target: unit.target, state: 'needs-review', qualifier: qualifier ?? 'leveraged-tm' }
    : { ...base, target: unit.target, state: 'translated' };
}

function filled(unit: XliffUnit, s: MemorySuggestion): XliffUnit {
  const note =
    s.machine === undefined
      ? `from memory: ${s.source}`
      : `machine translation: ${s.machine.provider}, ${s.machine.date}`;
  return {
    ...unit,
    target: s.text,
    state: 'needs-review',
    qualifier: s.machine === undefined ? 'leveraged-tm' : 'mt-suggestion',
    notes: [...unit.notes, note],
  };
}

export async function xliffBook(input: NamedFile): Promise<Book> {
  const read = await readXliffFile(input);
  const target = xliffTarget(read, input.name);
  const { header } = read;
  if (header.baseLcid === undefined) {
    throw new CrmKitError(
      'XLIFF_MALFORMED',
      `${input.name}: the source language "${header.sourceLanguage}" is not one Dynamics has`,
    );
  }
  const units = read.units.map((unit) => {
    if (unit.key === undefined) {
      throw new CrmKitError(
        'XLIFF_MALFORMED',
        `${input.name}:${unit.line}: unit "${unit.id}" names no label crmkit exported; it would be lost`,
      );
    }
    return { ...unit, key: unit.key };
  });
  const baseLcid = header.baseLcid;
  return {
    baseLcid,
    languages: [target],
    rows: units.map((unit) => {
      const text = proposes(unit) ? unit.target : '';
      return {
        label: {
          ...unit.key,
          texts: new Map([
            [baseLcid, unit.source],
            [target, text],
          ]),
        },
        base: unit.source,
        texts: new Map([[target, text]]),
        where: () => `${input.name}:${unit.line}`,
      };
    }),
    async write(out: Writable, fill): Promise<void> {
      const done = finished(out);
      const written = units.map((unit, i) => {
        const s = fill(i)?.get(target);
        return s === undefined ? asIs(unit) : filled(asIs(unit), s);
      });
      out.end(
        writeXliff(written, {
          version: header.version,
          sourceName: header.sourceName,
          fingerprint: header.fingerprint,
          solutionName: header.solutionName,
          baseLcid,
          targetLcid: target,
        }),
      );
      await done;
    },
  };
}

/** Whether an XLIFF unit holds a machine translation nobody has confirmed yet. */
export function unreviewedMachineTranslation(
  unit: Pick<ReadXliffUnit, 'state' | 'qualifier' | 'approved'>,
): boolean {
  if (unit.approved) return false;
  if (unit.qualifier === 'mt-suggestion') return unit.state === 'needs-review-translation';
  return unit.qualifier === 'crmkit:mt' && unit.state === 'translated';
}

/** The machine translation mark of an unreviewed unit, with service and date from its note. */
export function machineMark(
  unit: Pick<ReadXliffUnit, 'notes'>,
  lcid: Lcid,
): NonNullable<WorkbookRow['machine']> {
  const note = unit.notes
    .map((n) => /^machine translation: (.*), (\d{4}-\d{2}-\d{2})$/.exec(n))
    .find((m) => m !== null);
  return new Map([[lcid, { provider: note?.[1] ?? '', date: note?.[2] ?? '', reviewed: false }]]);
}
