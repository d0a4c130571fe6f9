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

/** The messages of the import boundaries for a file at `filePath` that re-exports `specifiers`. */
async function boundaryMessages(filePath: string, specifiers: readonly string[]): Promise<string[]> {
  const code = specifiers.map((specifier) => `export * from '${specifier}';\n`).join('');
  const [result] = await eslint.lintText(code, { filePath: path.join(repoRoot, filePath) });
  expect(result, filePath).toBeDefined();
  const parsing = result!.messages.filter((m) => m.ruleId === null);
  expect(parsing.map((m) => m.message)).toEqual([]);
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

const NODE = 'use no Node module';
const NODE_PARTS = 'Browser code imports nothing from src/cli, src/labels, src/solution';
const CLI = 'Only src/cli imports src/cli';
const FEATURES = 'The building blocks (src/zip, src/fs, src/xml, src/languages, src/http) import only';
const PIPELINE = 'src/labels/crm-xml) imports nothing of the workbook';
const TOOLS = 'imports nothing from test/';
const BENCH = 'A benchmark imports only from src/';
const ENV = 'src/env (environments) imports no feature';
const CRM_XML = 'src/labels/crm-xml/bad-example.ts';
const CONTROL = 'controls/SalesFunnel/SalesFunnel/bad-example.ts';

/** [the file, what it imports across a boundary, the message it must get] */
const crossings: [string, string, string][] = [
  ['src/widgets/funnel/bad-example.ts', 'node:fs', NODE],
  ['src/webresources/dataverse/bad-example.ts', 'path', NODE],
  [CONTROL, 'events', NODE],
  ['src/xml/bad-example.ts', 'node:string_decoder', NODE],
  ['src/languages/bad-example.ts', 'fs/promises', NODE],
  ['src/http/bad-example.ts', 'node:http', NODE],
  ['src/webresources/dataverse/bad-example.ts', '../../labels/crm-xml/model', NODE_PARTS],
  ['src/widgets/survey/bad-example.ts', '../../labels/export', NODE_PARTS],
  ['src/widgets/bad-example.ts', '../fs/atomic', NODE_PARTS],
  [CONTROL, '../../../src/solution/pack', NODE_PARTS],
  ['controls/CollabSurvey/CollabSurvey/bad-example.ts', '../../../src/zip/write', NODE_PARTS],
  ['src/labels/bad-example.ts', '../cli/progress', CLI],
  ['src/labels/workbook/bad-example.ts', '../../cli/run', CLI],
  [CRM_XML, '../../cli/run', CLI],
  ['src/solution/node/bad-example.ts', '../../cli/run', CLI],
  ['src/errors-example.ts', './cli/run', CLI],
  [
    'src/widgets/survey/bad-example.ts',
    '../../webresources/page/boot',
    'src/widgets imports nothing from src/webresources',
  ],
  ['src/zip/bad-example.ts', '../labels/crm-xml/model', FEATURES],
  ['src/fs/bad-example.ts', '../cli/run', FEATURES],
  ['src/xml/bad-example.ts', '../widgets/shared/i18n', FEATURES],
  [CRM_XML, '../workbook/types', PIPELINE],
  [CRM_XML, '../check/checker', PIPELINE],
  [CRM_XML, '../memory/load', PIPELINE],
  [CRM_XML, '../export', PIPELINE],
  ['src/labels/bad-example.ts', '../../test/support/cli', TOOLS],
  ['src/widgets/funnel/bad-example.ts', '../../../test/widgets/funnel/sample-data', TOOLS],
  [CONTROL, '../../../scripts/build', TOOLS],
  ['src/solution/bad-example.ts', '../../bench/workbook', TOOLS],
  [
    'src/widgets/funnel/bad-example.ts',
    '../../../controls/SalesFunnel/SalesFunnel/records',
    'from controls/',
  ],
  ['bench/bad-example.ts', '../test/widgets/funnel/mock-dataset', BENCH],
  ['src/env/bad-example.ts', '../labels/export', ENV],
  ['src/env/auth/bad-example.ts', '../../solution/pack', ENV],
  ['src/env/bad-example.ts', '../cli/run', CLI],
  ['src/env/bad-example.ts', '../../test/support/dataverse/server', TOOLS],
  ['src/webresources/dataverse/bad-example.ts', '../../env/web-api', NODE_PARTS],
  ['src/fs/bad-example.ts', '../env/url', FEATURES],
  ['bench/bad-example.ts', '../controls/SalesFunnel/SalesFunnel/records', BENCH],
];

/** [a file, imports that keep the boundaries] */
const keepers: [string, string[]][] = [
  ['src/widgets/funnel/good-example.ts', ['./labels', '../shared/i18n', '../../xml/escape']],
  ['src/webresources/dataverse/good-example.ts', ['../../languages/lcid', '../../widgets/shared/dom']],
  ['src/webresources/pages/survey-insights/good-example.ts', ['../../page/boot']],
  ['src/zip/good-example.ts', ['node:fs', '../errors', '../fs/atomic']],
  ['src/xml/good-example.ts', ['../errors']],
  ['src/solution/good-example.ts', ['../widgets/survey/definition', '../zip/write']],
  ['controls/SalesFunnel/SalesFunnel/good-example.ts', ['../../../src/widgets/funnel/model']],
  ['src/labels/good-example.ts', ['node:fs/promises', './crm-xml/model', './workbook/read']],
  ['src/labels/crm-xml/good-example.ts', ['./model', '../../errors', 'node:stream']],
  ['src/cli/good-example.ts', ['../labels/export', './run']],
  [
    'src/env/good-example.ts',
    ['node:crypto', '../errors', '../zip/read', '../widgets/shared/dataverse-codes', './auth/token-source'],
  ],
  ['src/cli/good-example.ts', ['../env/index']],
  ['bench/good-example.ts', ['../src/labels/sample-file', './workbook', 'node:fs']],
];

describe('the import boundaries', () => {
  it.each(crossings)('refuse, in %s, an import of %s', async (filePath, specifier, message) => {
    expect(await boundaryMessages(filePath, [specifier])).toEqual([expect.stringContaining(message)]);
  });

  it.each(keepers)('pass code that keeps them: %s', async (filePath, specifiers) => {
    expect(await boundaryMessages(filePath, specifiers)).toEqual([]);
  });

  it('hold on every file of src/, controls/ and bench/', async () => {
    const results = await eslint.lintFiles(['src', 'controls', 'bench']);
    const crossed = results.flatMap((result) =>
      result.messages
        .filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === null)
        .map((m) => `${path.relative(repoRoot, result.filePath)}:${m.line} ${m.message}`),
    );
    expect(results.length).toBeGreaterThan(100);
    expect(crossed).toEqual([]);
  });
});
