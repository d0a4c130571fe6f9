/**
 * The stand-in's translations: one CrmTranslations.xml per solution, in memory. ExportTranslation
 * zips it as Dynamics does; an import really applies the uploaded file's non-empty texts to every
 * stored solution that has those labels (so a pull after a push sees them), and fails like
 * Dynamics does when a label is over 500 characters.
 */
import { Writable } from 'node:stream';
import JSZip from 'jszip';
import { labelKey, MAX_LABEL_LENGTH, type Label, type Lcid } from '../../../src/labels/crm-xml/model';
import { readTranslations } from '../../../src/labels/crm-xml/read';
import { SAMPLE_CONTENT_TYPES, sampleXml } from '../../../src/labels/crm-xml/sample';
import { zipInMemory } from '../../../src/zip/write';

const EXPORTED_ON = new Date('2026-06-01T08:00:00Z');

export interface ImportOutcome {
  ok: boolean;
  /** Per failed label: where and why (for the import job's report). */
  failures: { component: string; message: string }[];
  changed: number;
}

async function patch(
  xml: string,
  where: string,
  texts: ReadonlyMap<string, ReadonlyMap<Lcid, string>>,
): Promise<{ xml: string; changed: number }> {
  const parts: string[] = [];
  const out = new Writable({
    write(chunk: Buffer | string, _enc, done) {
      parts.push(chunk.toString());
      done();
    },
  });
  let changed = 0;
  await readTranslations(
    [Buffer.from(xml, 'utf8')],
    where,
    {
      label(label: Label) {
        const incoming = texts.get(labelKey(label));
        if (incoming === undefined) return undefined;
        const next = new Map<Lcid, string>();
        for (const [lcid, text] of incoming) {
          if (text === '' || !label.texts.has(lcid) || label.texts.get(lcid) === text) continue;
          next.set(lcid, text);
        }
        changed += next.size;
        return next.size === 0 ? undefined : next;
      },
    },
    out,
  );
  return { xml: parts.join(''), changed };
}

/** The labels of a CrmTranslations.xml by key. */
export async function labelsOf(xml: string, where: string): Promise<Map<string, Label>> {
  const labels = new Map<string, Label>();
  await readTranslations([Buffer.from(xml, 'utf8')], where, {
    label(label: Label) {
      labels.set(labelKey(label), label);
      return undefined;
    },
  });
  return labels;
}

export class TranslationsStore {
  private readonly files = new Map<string, string>();

  /** A solution's translations: a given CrmTranslations.xml, or a generated sample of `labels` rows. */
  add(solution: string, source: { xml: string } | { labels: number; seed?: number }): void {
    const xml =
      'xml' in source
        ? source.xml
        : [...sampleXml({ labels: source.labels, seed: source.seed ?? 7, solutionName: solution })].join('');
    this.files.set(solution.toLowerCase(), xml);
  }

  has(solution: string): boolean {
    return this.files.has(solution.toLowerCase());
  }

  xml(solution: string): string {
    const xml = this.files.get(solution.toLowerCase());
    if (xml === undefined) throw new Error(`no translations for ${solution}`);
    return xml;
  }

  /** The zip ExportTranslation returns: the same bytes for the same texts. */
  exportZip(solution: string): Promise<Uint8Array> {
    return zipInMemory(
      [
        { path: '[Content_Types].xml', bytes: Buffer.from(SAMPLE_CONTENT_TYPES, 'utf8') },
        { path: 'CrmTranslations.xml', bytes: Buffer.from(this.xml(solution), 'utf8') },
      ],
      EXPORTED_ON,
    );
  }

  /** Someone edits a label in the environment (the test's concurrent change). */
  async setText(
    solution: string,
    key: Pick<Label, 'sheet' | 'entity' | 'objectId' | 'column'>,
    lcid: Lcid,
    text: string,
  ): Promise<void> {
    const result = await patch(
      this.xml(solution),
      solution,
      new Map([[labelKey(key), new Map([[lcid, text]])]]),
    );
    this.files.set(solution.toLowerCase(), result.xml);
  }

  /** Applies an uploaded translations zip; a label over 500 characters fails the whole import. */
  async applyImport(zipBytes: Uint8Array): Promise<ImportOutcome> {
    let xml: string;
    try {
      const zip = await JSZip.loadAsync(zipBytes);
      const entry = zip.file('CrmTranslations.xml');
      if (entry === null)
        return {
          ok: false,
          failures: [
            {
              component: 'CrmTranslations.xml',
              message: 'The translation file is missing CrmTranslations.xml',
            },
          ],
          changed: 0,
        };
      xml = await entry.async('string');
    } catch {
      return {
        ok: false,
        failures: [{ component: 'TranslationFile', message: 'The import file is not a valid zip file' }],
        changed: 0,
      };
    }
    let incoming: Map<string, Label>;
    try {
      incoming = await labelsOf(xml, 'CrmTranslations.xml');
    } catch (e) {
      return {
        ok: false,
        failures: [
          { component: 'CrmTranslations.xml', message: `Invalid translation file: ${(e as Error).message}` },
        ],
        changed: 0,
      };
    }
    const failures: ImportOutcome['failures'] = [];
    for (const label of incoming.values()) {
      for (const [lcid, text] of label.texts) {
        if (text.length > MAX_LABEL_LENGTH) {
          const column = label.column === '' ? '' : ` / ${label.column}`;
          failures.push({
            component: `${label.entity} / ${label.objectId}${column}`,
            message: `The label for language ${lcid} is ${text.length} characters long; a label can have at most ${MAX_LABEL_LENGTH} characters`,
          });
        }
      }
    }
    if (failures.length > 0) return { ok: false, failures, changed: 0 };
    const texts = new Map([...incoming].map(([key, label]) => [key, label.texts]));
    let changed = 0;
    for (const [solution, stored] of this.files) {
      const result = await patch(stored, solution, texts);
      this.files.set(solution, result.xml);
      changed += result.changed;
    }
    return { ok: true, failures: [], changed };
  }
}
