/**
 * An export's XLIFF output: the pure XLIFF writer (src/labels/xliff) behind the same streaming
 * interface as a workbook, so `labels export` writes either through one path. A label's own
 * translation is `translated`; a memory or consistency suggestion for an empty one `needs-review`
 * (`leveraged-tm`) with a note saying where it came from; the rest untranslated. The header needs
 * the source's fingerprint before the first unit, so it is computed beforehand and checked again
 * at the end (the source must not change meanwhile).
 */
import { once } from 'node:events';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { CrmKitError } from '../errors';
import { isUiLcid } from './crm-xml/context-texts';
import { describeLabel } from './crm-xml/describe';
import type { Label, Lcid } from './crm-xml/model';
import type { WorkbookRowInput, WorkbookWriter, WorkbookWriterOptions } from './workbook/types';
import { xliffHead, xliffTail, xliffUnit, type XliffUnit, type XliffVersion } from './xliff';

export interface XliffOutputOptions {
  version: XliffVersion;
  /** SHA-256 of the source XML, as `readTranslations` will compute it. */
  fingerprint: string;
}

/** The notes of a unit: what the text is (in the target language when crmkit speaks it) and its key parts. */
function notesOf(label: Label, target: Lcid): string[] {
  const { kind, context } = describeLabel(label, isUiLcid(target) ? target : 1033);
  const where =
    label.sheet === 'Display Strings'
      ? `kind: ${kind}; entity: ${label.entity}; key: ${label.objectId}`
      : `kind: ${kind}; entity: ${label.entity}; object: ${label.objectId}; column: ${label.column}`;
  return [context, where];
}

export function unitOf({ label, suggestions }: WorkbookRowInput, baseLcid: Lcid, target: Lcid): XliffUnit {
  const base = { key: label, source: label.texts.get(baseLcid) ?? '', notes: notesOf(label, target) };
  const own = label.texts.get(target) ?? '';
  if (own !== '') return { ...base, target: own, state: 'translated' };
  const suggestion = suggestions?.get(target);
  if (suggestion === undefined || suggestion.text === '')
    return { ...base, target: undefined, state: 'untranslated' };
  return {
    ...base,
    target: suggestion.text,
    state: 'needs-review',
    qualifier: 'leveraged-tm',
    notes: [...base.notes, `from memory: ${suggestion.source}`],
  };
}

/** Makes the writer for one XLIFF output; `options.targetLanguages` must hold exactly one language. */
export function xliffWriterFactory(
  xliff: XliffOutputOptions,
): (out: Writable, options: WorkbookWriterOptions) => WorkbookWriter {
  return (out, options) => {
    const [target] = options.targetLanguages;
    if (target === undefined || options.targetLanguages.length !== 1)
      throw new Error('an XLIFF output needs exactly one target language');
    const info = {
      version: xliff.version,
      // The name only: a CAT tool's project need not know the folders of the exporting machine.
      sourceName: path.basename(options.sourceName),
      fingerprint: xliff.fingerprint,
      solutionName: options.solutionName,
      baseLcid: options.baseLcid,
      targetLcid: target,
    };
    let units = 0;
    out.write(xliffHead(info));
    return {
      startSheet: () => undefined,
      addRow(row) {
        out.write(xliffUnit(unitOf(row, options.baseLcid, target), ++units, info));
      },
      async drain() {
        if (out.writableNeedDrain) await once(out, 'drain');
      },
      async finish(fingerprint) {
        if (fingerprint !== xliff.fingerprint) {
          throw new CrmKitError(
            'IO',
            `${options.sourceName}: changed while it was being exported; export again`,
          );
        }
        out.end(xliffTail(info, units));
        await Promise.resolve();
      },
    };
  };
}
