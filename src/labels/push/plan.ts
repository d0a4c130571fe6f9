/**
 * `labels push` before anything is sent: reads what is pushed (workbooks or a zip), then streams
 * the environment's fresh translations once, rewriting only the cells the push changes, into a
 * file held in memory. Labels nobody edited keep the environment's text byte for byte.
 */
import { Writable } from 'node:stream';
import { CrmKitError, type Problem } from '../../errors';
import { createChecker } from '../check/checker';
import { allLanguages, displayKey, labelKey, type Lcid, type TranslationsHeader } from '../crm-xml/model';
import { readTranslations } from '../crm-xml/read';
import { lostTextsWarning, type LostKind } from '../lost-texts';
import {
  CONTENT_TYPES_ENTRY,
  openTranslationsSource,
  TRANSLATIONS_ENTRY,
  type TranslationsSource,
} from '../source';
import { MemoryTarget, ZipWriter } from '../../zip/write';
import { workbookSide, zipSide, type PushSide } from './sides';
import type { LabelChange, PushConflict, PushOptions, PushPlan } from './types';

class Collector extends Writable {
  readonly parts: Buffer[] = [];
  override _write(chunk: Buffer, _enc: BufferEncoding, done: () => void): void {
    this.parts.push(chunk);
    done();
  }
}

function refuseForeign(side: PushSide, header: TranslationsHeader): void {
  const foreign = side.foreign(header);
  if (foreign.length === 0) return;
  throw new CrmKitError(
    'WORKBOOK_MISMATCH',
    `${foreign.map((p) => `${p.where}: ${p.message}`).join('; ')}; nothing was pushed`,
  );
}

/** Writes the patched XML into a zip in memory (beside the fresh zip's content types), or as bare XML. */
async function patchInMemory(
  source: TranslationsSource,
  patch: (output: Writable) => Promise<TranslationsHeader>,
): Promise<{ header: TranslationsHeader; bytes: Uint8Array }> {
  if (source.kind === 'xml') {
    const out = new Collector();
    const header = await patch(out);
    return { header, bytes: Buffer.concat(out.parts) };
  }
  const contentTypes = await source.contentTypes();
  const target = new MemoryTarget();
  const zip = new ZipWriter(target);
  let header: TranslationsHeader | undefined;
  await zip.addEntry(TRANSLATIONS_ENTRY, async (input) => {
    header = await patch(input);
  });
  await zip.addBuffer(CONTENT_TYPES_ENTRY, contentTypes);
  await zip.finish();
  if (header === undefined) throw new Error('the translations entry was not written');
  return { header, bytes: target.bytes() };
}

/** Counts by language, in the file's language order. */
function perLanguage(lcids: readonly Lcid[], header: TranslationsHeader): Map<Lcid, number> {
  const m = new Map<Lcid, number>();
  for (const l of lcids) m.set(l, (m.get(l) ?? 0) + 1);
  return new Map(allLanguages(header).flatMap((l) => (m.has(l) ? [[l, m.get(l) ?? 0]] : [])));
}

export async function planPush(o: PushOptions): Promise<PushPlan> {
  const force = o.force === true;
  const source = await openTranslationsSource(o.fresh.path, o.fresh.name, o.maxSize);
  try {
    const side =
      'workbooks' in o.push
        ? await workbookSide(o.push.workbooks, force)
        : await zipSide(o.push.zip, o.push.languages, force, o.maxSize, source);
    return await planOnto(source, side, o);
  } finally {
    await source.close();
  }
}

async function planOnto(source: TranslationsSource, side: PushSide, o: PushOptions): Promise<PushPlan> {
  const force = o.force === true;
  const checker = createChecker();
  const conflicts: PushConflict[] = [];
  const changes: LabelChange[] = [];
  const refused = [...side.refused];
  const warnings = [...side.warnings];
  const lost: Record<LostKind, Problem[]> = { cleared: [], blank: [] };
  const kept: Lcid[] = [];
  let baseLcid = 0;
  let checkedHeader = false;

  const patch = async (output: Writable): Promise<TranslationsHeader> => {
    const read = await readTranslations(
      source.xml(),
      source.where,
      {
        sheet: (_sheet, _languages, header) => {
          baseLcid = header.baseLcid;
          if (!checkedHeader) refuseForeign(side, header);
          checkedHeader = true;
        },
        wants: (key) => {
          o.onRows?.(1);
          return side.wants(labelKey(key));
        },
        label: (label) => {
          const d = side.outcome(label, baseLcid);
          conflicts.push(...d.conflicts);
          refused.push(...d.refused);
          warnings.push(...d.warnings);
          for (const l of d.lost) lost[l.kind].push(l.place);
          kept.push(...new Set(d.kept));
          if (d.edits.size === 0) return undefined;
          const key = displayKey(label);
          const targets = new Map(label.texts);
          for (const [lcid, after] of d.edits) {
            const before = label.texts.get(lcid) ?? '';
            changes.push({ sheet: label.sheet, key, lcid, before, after, where: d.sources.get(lcid) ?? '' });
            targets.set(lcid, after);
          }
          checker.add({ ...label, baseLcid, base: label.texts.get(baseLcid) ?? '', targets });
          return d.edits;
        },
      },
      output,
    );
    if (!checkedHeader) refuseForeign(side, read.header);
    return read.header;
  };

  const { header, bytes } = await patchInMemory(source, patch);
  for (const kind of ['cleared', 'blank'] as const) {
    if (lost[kind].length > 0)
      warnings.push(lostTextsWarning(kind, lost[kind], 'the file sent has them as the workbook has them'));
  }
  warnings.push(...side.leftovers());
  // The rules run on whole labels; what the push is answerable for is the cells it changes.
  const changedCells = new Set(changes.map((c) => `${c.sheet}\u0000${c.key}\u0000${c.lcid}`));
  const problems = checker
    .finish()
    .filter((p) => changedCells.has(`${p.sheet}\u0000${p.key}\u0000${p.lcid}`));
  const blocked: PushPlan['blocked'] =
    refused.length > 0
      ? 'refused'
      : problems.some((p) => p.severity === 'error')
        ? 'errors'
        : conflicts.length > 0 && !force
          ? 'conflicts'
          : changes.length === 0
            ? 'nothing'
            : undefined;
  return {
    kind: side.kind,
    ...(side.translated === undefined ? {} : { translated: side.translated }),
    header,
    changed: perLanguage(
      changes.map((c) => c.lcid),
      header,
    ),
    changes,
    conflicts,
    kept: perLanguage(kept, header),
    refused,
    problems,
    warnings,
    ...(changes.length === 0 ? {} : { result: bytes }),
    ...(blocked === undefined ? {} : { blocked }),
  };
}
