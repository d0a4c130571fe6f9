/**
 * The boundaries of docs/architecture.md, as the repository's own ESLint config keeps them: code
 * that crosses one is linted under the path it would have and must be refused with the
 * boundary's message; code that stays inside must pass. Only the import rule runs here, without
 * type information (these files exist only in the test, so TypeScript's project does not know
 * them, and the rule needs no types).
 */
import path from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const repoRoot = path.resolve(import.meta.dirname, '../..');

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({
    cwd: repoRoot,
    overrideConfig: [tseslint.configs.disableTypeChecked],
    ruleFilter: ({ ruleId }) => ruleId === 'no-restricted-imports',
  });
});

/** The messages of the import boundaries for `code` linted as the file at `filePath`. */
async function boundaryMessages(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(repoRoot, filePath) });
  expect(result, filePath).toBeDefined();
  const parsing = result!.messages.filter((m) => m.ruleId === null);
  expect(parsing.map((m) => m.message)).toEqual([]);
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('the import boundaries', () => {
  it.each([
    ['src/widgets/funnel/bad-example.ts', "export { readFileSync } from 'node:fs';"],
    ['src/webresources/dataverse/bad-example.ts', "export { join } from 'path';"],
    ['controls/SalesFunnel/SalesFunnel/bad-example.ts', "export { EventEmitter } from 'events';"],
    ['src/xml/bad-example.ts', "export { StringDecoder } from 'node:string_decoder';"],
    ['src/languages/bad-example.ts', "export { readFile } from 'fs/promises';"],
  ])('refuse a Node module in browser code and the pure building blocks: %s', async (filePath, code) => {
    expect(await boundaryMessages(filePath, code)).toEqual([expect.stringContaining('use no Node module')]);
  });

  it.each([
    ['src/webresources/dataverse/bad-example.ts', "export type { Label } from '../../labels/crm-xml/model';"],
    ['src/widgets/survey/bad-example.ts', "export { exportLabels } from '../../labels/export';"],
    ['src/widgets/bad-example.ts', "export { writeAtomic } from '../fs/atomic';"],
    ['controls/SalesFunnel/SalesFunnel/bad-example.ts', "export { pack } from '../../../src/solution/pack';"],
    [
      'controls/CollabSurvey/CollabSurvey/bad-example.ts',
      "export { ZipWriter } from '../../../src/zip/write';",
    ],
  ])('refuse the Node parts in browser code: %s', async (filePath, code) => {
    expect(await boundaryMessages(filePath, code)).toEqual([
      expect.stringContaining('Browser code imports nothing from src/cli, src/labels, src/solution'),
    ]);
  });

  it.each([
    ['src/labels/bad-example.ts', "export type { Progress } from '../cli/progress';"],
    ['src/labels/workbook/bad-example.ts', "export { run } from '../../cli/run';"],
    ['src/solution/node/bad-example.ts', "export { run } from '../../cli/run';"],
    ['src/errors-example.ts', "export { run } from './cli/run';"],
  ])('refuse src/cli in library code: %s', async (filePath, code) => {
    expect(await boundaryMessages(filePath, code)).toEqual([
      expect.stringContaining('Only src/cli imports src/cli'),
    ]);
  });

  it('refuse the pages in the widgets, which the pages use', async () => {
    const code = "export { bootPage } from '../../webresources/page/boot';";
    expect(await boundaryMessages('src/widgets/survey/bad-example.ts', code)).toEqual([
      expect.stringContaining('src/widgets imports nothing from src/webresources'),
    ]);
  });

  it.each([
    ['src/zip/bad-example.ts', "export type { Label } from '../labels/crm-xml/model';"],
    ['src/fs/bad-example.ts', "export { run } from '../cli/run';"],
    ['src/xml/bad-example.ts', "export { t } from '../widgets/shared/i18n';"],
  ])('refuse the features in the building blocks: %s', async (filePath, code) => {
    expect(await boundaryMessages(filePath, code)).toEqual([
      expect.stringContaining('The building blocks (src/zip, src/fs, src/xml, src/languages) import only'),
    ]);
  });

  it.each([
    "export type { WorkbookRow } from '../workbook/types';",
    "export { checkLabels } from '../check/checker';",
    "export { loadMemory } from '../memory/load';",
    "export { exportLabels } from '../export';",
  ])('refuse the rest of the labels feature in the CrmTranslations.xml format code: %s', async (code) => {
    expect(await boundaryMessages('src/labels/crm-xml/bad-example.ts', code)).toEqual([
      expect.stringContaining('src/labels/crm-xml) imports nothing of the workbook'),
    ]);
  });

  it('refuse src/cli in the format code as in all library code', async () => {
    expect(
      await boundaryMessages('src/labels/crm-xml/bad-example.ts', "export { run } from '../../cli/run';"),
    ).toEqual([expect.stringContaining('Only src/cli imports src/cli')]);
  });

  it.each([
    ['src/labels/bad-example.ts', "export { sample } from '../../test/support/cli';"],
    [
      'src/widgets/funnel/bad-example.ts',
      "export { sampleRows } from '../../../test/widgets/funnel/sample-data';",
    ],
    ['controls/SalesFunnel/SalesFunnel/bad-example.ts', "export { build } from '../../../scripts/build';"],
    ['src/solution/bad-example.ts', "export { x } from '../../bench/workbook';"],
  ])('refuse test/, bench/ and scripts/ in product code: %s', async (filePath, code) => {
    expect(await boundaryMessages(filePath, code)).toEqual([
      expect.stringContaining('imports nothing from test/'),
    ]);
  });

  it('refuse controls/ in src/, since the controls adapt src/', async () => {
    const code = "export { recordReader } from '../../../controls/SalesFunnel/SalesFunnel/records';";
    expect(await boundaryMessages('src/widgets/funnel/bad-example.ts', code)).toEqual([
      expect.stringContaining('src/ imports nothing from controls/'),
    ]);
  });

  it.each([
    "export { MockDataSet } from '../test/widgets/funnel/mock-dataset';",
    "export { recordReader } from '../controls/SalesFunnel/SalesFunnel/records';",
  ])('refuse anything but src/ in a benchmark: %s', async (code) => {
    expect(await boundaryMessages('bench/bad-example.ts', code)).toEqual([
      expect.stringContaining('A benchmark imports only from src/'),
    ]);
  });

  it('hold on every file of src/, controls/ and bench/', async () => {
    const results = await eslint.lintFiles(['src', 'controls', 'bench']);
    const crossings = results.flatMap((result) =>
      result.messages
        .filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === null)
        .map((m) => `${path.relative(repoRoot, result.filePath)}:${m.line} ${m.message}`),
    );
    expect(results.length).toBeGreaterThan(100);
    expect(crossings).toEqual([]);
  });

  it.each([
    [
      'src/widgets/funnel/good-example.ts',
      "export { fundingLabels } from './labels';\nexport { t } from '../shared/i18n';\nexport { escapeXml } from '../../xml/escape';",
    ],
    ['src/webresources/dataverse/good-example.ts', "export type { Lcid } from '../../languages/lcid';"],
    ['src/webresources/pages/survey-insights/good-example.ts', "export { bootPage } from '../../page/boot';"],
    [
      'src/zip/good-example.ts',
      "export { createReadStream } from 'node:fs';\nexport { CrmKitError } from '../errors';\nexport { rename } from '../fs/atomic';",
    ],
    ['src/xml/good-example.ts', "export { CrmKitError } from '../errors';"],
    ['src/solution/good-example.ts', "export type { SurveyDefinition } from '../widgets/survey/definition';"],
    [
      'controls/SalesFunnel/SalesFunnel/good-example.ts',
      "export { computeFunnel } from '../../../src/widgets/funnel/model';",
    ],
    [
      'src/labels/good-example.ts',
      "export { readFile } from 'node:fs/promises';\nexport type { Label } from './crm-xml/model';\nexport { readWorkbook } from './workbook/read';",
    ],
    [
      'src/labels/crm-xml/good-example.ts',
      "export type { Label } from './model';\nexport { CrmKitError } from '../../errors';",
    ],
    [
      'src/cli/good-example.ts',
      "export { exportLabels } from '../labels/export';\nexport { run } from './run';",
    ],
    [
      'bench/good-example.ts',
      "export { writeSampleFile } from '../src/labels/sample-file';\nexport { x } from './workbook';",
    ],
  ])('pass code that keeps them: %s', async (filePath, code) => {
    expect(await boundaryMessages(filePath, code)).toEqual([]);
  });
});
