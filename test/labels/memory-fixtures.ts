/** Two solutions for the translation-memory tests: A translated earlier, B sharing its base texts. */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { translationsXml, translationsZip, type FixtureLabel } from '../fixtures/crm-xml/translations';

/** Solution A was translated earlier. */
export const solutionA: FixtureLabel[] = [
  {
    entity: 'salesorder',
    objectId: 'x1',
    texts: { 1033: 'Sales Order', 1049: 'Заказ на продажу', 1026: 'Поръчка за продажба' },
  },
  { entity: 'quote', objectId: 'x2', texts: { 1033: 'Quote', 1049: 'Предложение' } },
];

/** Solution B shares base texts with A and with itself. */
export const solutionB: FixtureLabel[] = [
  { entity: 'pl_order', objectId: 'y1', texts: { 1033: 'Sales Order' } },
  { entity: 'pl_order', objectId: 'y2', texts: { 1033: 'Quote', 1049: 'Коммерческое предложение' } },
  { entity: 'pl_order', objectId: 'y3', texts: { 1033: 'Phone', 1049: 'Телефон' } },
  { entity: 'pl_order', objectId: 'y4', texts: { 1033: 'Phone' } },
  { entity: 'pl_order', objectId: 'y5', texts: { 1033: 'Unique text' } },
];

/** Writes A.zip and B.zip into `dir`. */
export async function writeSolutions(dir: string): Promise<void> {
  await writeFile(
    path.join(dir, 'A.zip'),
    await translationsZip(translationsXml(solutionA, { solution: 'SolutionA' })),
  );
  await writeFile(
    path.join(dir, 'B.zip'),
    await translationsZip(translationsXml(solutionB, { solution: 'SolutionB' })),
  );
}
