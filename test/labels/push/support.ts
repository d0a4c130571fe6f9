/**
 * Fixtures of the push tests: an environment's translations (as a fresh pull would bring them),
 * workbooks exported from it and edited in another program, and the plan's result read back.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { exportLabels, planPush, type PushInput, type PushPlan } from '../../../src/labels';
import { labelKey, type Lcid } from '../../../src/labels/crm-xml/model';
import {
  translationsXml,
  translationsZip,
  xmlOfZip,
  type FixtureLabel,
} from '../../fixtures/crm-xml/translations';
import { readAll } from '../crm-xml/support';
import { editWithSheetJs, setText, tempFiles, type CellRef } from '../support';

export const LANGUAGES = [1033, 1049, 1026];
export const SOLUTION = 'Contoso';

/** The environment as exported: a1 translated in both languages, the rest partly. */
export const EXPORTED: readonly FixtureLabel[] = [
  { entity: 'account', objectId: 'a1', texts: { 1033: 'Account', 1049: 'Счёт', 1026: 'Сметка' } },
  { entity: 'account', objectId: 'a2', texts: { 1033: 'Phone {0}', 1049: '', 1026: '' } },
  { entity: 'contact', objectId: 'c1', texts: { 1033: 'Contact', 1049: 'Контакт', 1026: '' } },
  {
    sheet: 'Display Strings',
    entity: 'Solution',
    objectId: 'ds1',
    texts: { 1033: 'Save', 1049: '', 1026: '' },
  },
];

/** The labels with some texts replaced: `{ a1: { 1049: 'x' } }`. */
export function changed(
  changes: Readonly<Record<string, Readonly<Record<number, string>>>>,
  labels: readonly FixtureLabel[] = EXPORTED,
  solution = SOLUTION,
): { labels: FixtureLabel[]; solution: string } {
  return {
    labels: labels.map((l) => ({ ...l, texts: { ...l.texts, ...changes[l.objectId] } })),
    solution,
  };
}

export function pushFixture(prefix = 'crmkit-push-') {
  const { dir, at } = tempFiles(prefix);
  const file = (name: string) => at(name);
  return {
    dir,
    file,
    /** Writes a translations zip (or .xml) of the labels under `name`; returns its XML. */
    async translations(name: string, env = changed({})): Promise<string> {
      const xml = translationsXml(env.labels, { languages: LANGUAGES, solution: env.solution });
      writeFileSync(path.join(dir, name), name.endsWith('.zip') ? await translationsZip(xml) : xml);
      return xml;
    },
    /** Exports a workbook of `from` (all languages, or `lang`), then types `edits` in it with SheetJS. */
    async workbook(
      name: string,
      from: string,
      edits: [CellRef, string][] = [],
      lang?: Lcid[],
    ): Promise<void> {
      await exportLabels({ input: at(from), output: at(name), ...(lang ? { languages: lang } : {}) });
      if (edits.length === 0) return;
      editWithSheetJs(path.join(dir, name), (wb) => {
        for (const [ref, text] of edits) setText(wb, ref, text);
      });
    },
    plan(fresh: string, push: PushInput, force = false): Promise<PushPlan> {
      return planPush({ fresh: at(fresh), push, force });
    },
    books: (...names: string[]): PushInput => ({ workbooks: names.map((n) => at(n)) }),
  };
}

export const ll = (objectId: string, lcid: Lcid): CellRef => ({
  sheet: 'Localized Labels',
  objectId,
  column: 'DisplayName',
  lcid,
});

/** The export and a Russian workbook of it with a1 and a2 edited. */
export async function editedRussian(prefix?: string): Promise<ReturnType<typeof pushFixture>> {
  const f = pushFixture(prefix);
  await f.translations('exported.zip');
  const edits: [CellRef, string][] = [
    [ll('a1', 1049), 'Организация'],
    [ll('a2', 1049), 'Телефон {0}'],
  ];
  await f.workbook('ru.xlsx', 'exported.zip', edits, [1049]);
  return f;
}

/** The result's XML (the plan's zip unpacked, or the bare XML). */
export async function resultXml(plan: PushPlan): Promise<string> {
  if (plan.result === undefined) throw new Error('the plan has no result');
  const bytes = Buffer.from(plan.result);
  return bytes[0] === 0x50 ? xmlOfZip(bytes) : bytes.toString('utf8');
}

/** The result's texts by object id: `{ a1: { 1033: …, 1049: … } }`. */
export async function resultTexts(plan: PushPlan): Promise<Record<string, Record<string, string>>> {
  const { labels } = await readAll(await resultXml(plan));
  return Object.fromEntries(
    labels.map((l) => [l.objectId, Object.fromEntries([...l.texts].map(([k, v]) => [String(k), v]))]),
  );
}

export { labelKey };
