/**
 * Pushing a translations zip: its labels are held by key, and each label of the environment takes
 * from it only the texts of the languages the zip translates. The zip's text in any other language
 * (the base language included) is what the environment had when the zip was exported; where it
 * differs from the environment now, someone changed that label since. A label the zip changes that
 * the environment changed since is a conflict (pushed only with force); the environment's own
 * changes are never written back, forced or not. An empty text in the zip where the environment
 * has one counts as the environment's change too, even in a language the zip translates.
 */
import type { Problem } from '../../errors';
import type { NamedFile } from '../../fs/open-input';
import {
  allLanguages,
  displayKey,
  labelKey,
  sameText,
  type Label,
  type Lcid,
  type TranslationsHeader,
} from '../crm-xml/model';
import { readTranslations } from '../crm-xml/read';
import { detach } from '../memory/detach';
import { openTranslationsSource, type TranslationsSource } from '../source';
import { emptyOutcome, type LabelOutcome } from './outcome';

export interface PushedZip {
  header: TranslationsHeader;
  labels: Map<string, Label>;
  where: string;
}

export async function readPushedZip(file: NamedFile, maxSize?: number): Promise<PushedZip> {
  const source = await openTranslationsSource(file.path, file.name, maxSize);
  const labels = new Map<string, Label>();
  try {
    const { header } = await readTranslations(source.xml(), source.where, {
      label: (l) => {
        const texts = new Map([...l.texts].map(([lcid, text]) => [lcid, detach(text)]));
        const kept = {
          ...l,
          entity: detach(l.entity),
          objectId: detach(l.objectId),
          column: detach(l.column),
          texts,
        };
        labels.set(labelKey(kept), kept);
        return undefined;
      },
    });
    return { header, labels, where: file.name };
  } finally {
    await source.close();
  }
}

/**
 * The languages a zip translates, when nobody said: those in which it fills at least one label the
 * environment has empty. A language where it only differs from texts the environment has is taken
 * as changed in the environment (kept, and a conflict where the zip changes the label): pushing a
 * zip that corrects existing translations needs `--lang`.
 */
export async function inferTranslated(zip: PushedZip, fresh: TranslationsSource): Promise<Set<Lcid>> {
  const candidates = allLanguages(zip.header).filter((l) => l !== zip.header.baseLcid);
  const found = new Set<Lcid>();
  await readTranslations(fresh.xml(), fresh.where, {
    wants: (key) => found.size < candidates.length && zip.labels.has(labelKey(key)),
    label: (label) => {
      const pushed = zip.labels.get(labelKey(label));
      for (const lcid of candidates) {
        const filled = (pushed?.texts.get(lcid) ?? '').trim() !== '';
        if (filled && label.texts.has(lcid) && (label.texts.get(lcid) ?? '').trim() === '') found.add(lcid);
      }
      return undefined;
    },
  });
  return new Set(candidates.filter((l) => found.has(l)));
}

/** The zip's header against the environment's: another solution or base language is refused. */
export function foreignZip(zip: PushedZip, header: TranslationsHeader): Problem[] {
  if (zip.header.solutionName !== header.solutionName) {
    return [
      {
        where: zip.where,
        message: `translations of the solution ${zip.header.solutionName}, not ${header.solutionName}`,
      },
    ];
  }
  if (zip.header.baseLcid !== header.baseLcid) {
    return [
      {
        where: zip.where,
        message: `its base language is ${zip.header.baseLcid}, the environment's is ${header.baseLcid}`,
      },
    ];
  }
  return [];
}

export function zipOutcome(
  label: Label,
  pushed: Label,
  translated: ReadonlySet<Lcid>,
  where: string,
  force: boolean,
): LabelOutcome {
  const out = emptyOutcome();
  const differs = (lcid: Lcid): boolean =>
    label.texts.has(lcid) &&
    pushed.texts.has(lcid) &&
    !sameText(pushed.texts.get(lcid) ?? '', label.texts.get(lcid) ?? '');
  // An empty text in the zip where the environment has one is taken as a translation added in
  // the environment since the export (a translator rarely clears one): kept, like other languages.
  const added = (lcid: Lcid): boolean =>
    (pushed.texts.get(lcid) ?? '').trim() === '' && (label.texts.get(lcid) ?? '').trim() !== '';
  const changes = [...pushed.texts.keys()].filter((l) => translated.has(l) && differs(l) && !added(l));
  const environment = [...label.texts.keys()].filter((l) => differs(l) && (!translated.has(l) || added(l)));
  out.kept.push(...environment);
  if (changes.length === 0) return out;
  const conflict = environment.length > 0;
  if (conflict) {
    const key = displayKey(label);
    const cell = (lcid: Lcid, changedBy: 'push' | 'environment') => ({
      sheet: label.sheet,
      key,
      lcid,
      environment: label.texts.get(lcid) ?? '',
      pushed: pushed.texts.get(lcid) ?? '',
      changedBy,
      where: `${where} › ${label.sheet}`,
    });
    out.conflicts.push(
      ...changes.map((l) => cell(l, 'push')),
      ...environment.map((l) => cell(l, 'environment')),
    );
    if (!force) return out;
  }
  for (const lcid of changes) {
    out.edits.set(lcid, pushed.texts.get(lcid) ?? '');
    out.sources.set(lcid, `${where} › ${label.sheet}`);
  }
  return out;
}
