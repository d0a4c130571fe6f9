// One ESLint config for the whole repository (controls extend it through pcf-scripts' own run).
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/*
 * The boundaries of docs/architecture.md, kept by no-restricted-imports. The rule sees only the
 * import string and imports here are relative, so each boundary is written out per folder depth:
 * from src/widgets/funnel/x.ts, src/labels is '../../labels' (or '../../../src/labels'), while
 * './labels' is src/widgets/funnel/labels.ts. A later entry for a file replaces the options of an
 * earlier one, so each area lists every group that applies to it.
 */
const DEEPEST = 7; // folder levels below the repository root that the boundaries cover

const escapeRegex = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A regex of the relative imports that, written in a file `depth` folders below the root inside
 * folder `area`, reach one of `targets`: a folder from the root (with all below it), or
 * `folder/*` for the modules directly in that folder.
 */
function reaching(area, depth, targets) {
  const areaParts = area.split('/');
  const alternatives = [];
  for (const target of targets) {
    const direct = target.endsWith('/*');
    const targetParts = (direct ? target.slice(0, -2) : target).split('/');
    for (let level = 0; level <= Math.min(areaParts.length, depth); level++) {
      if (!areaParts.slice(0, level).every((part, i) => targetParts[i] === part)) continue;
      const up = level === depth ? '\\./' : `(?:\\.\\./){${depth - level}}`;
      const rest = targetParts.slice(level).map(escapeRegex).join('/');
      if (direct && level < depth) alternatives.push(`${up}${rest === '' ? '' : `${rest}/`}[^/]+$`);
      else if (!direct && rest !== '') alternatives.push(`${up}${rest}(?:/|$)`);
    }
  }
  return `^(?:${alternatives.join('|')})`;
}

/** A group of forbidden targets with the message the linter gives. */
const forbid = (targets, message) => (area, depth) => ({
  regex: reaching(area, depth, targets),
  message: `${message} (docs/architecture.md)`,
  caseSensitive: true,
});

const nodeBuiltins = builtinModules.filter((name) => !name.startsWith('_')).map(escapeRegex);
const noNodeModule = () => ({
  regex: `^(?:node:|(?:${nodeBuiltins.join('|')})(?:/|$))`,
  message: 'Browser code and the pure building blocks use no Node module (docs/architecture.md)',
  caseSensitive: true,
});
const noTestOrTools = forbid(
  ['test', 'bench', 'scripts'],
  'Product code imports nothing from test/, bench/ or scripts/',
);
const noControls = forbid(['controls'], 'src/ imports nothing from controls/: the controls adapt src/');
const noCli = forbid(['src/cli'], 'Only src/cli imports src/cli: library code takes options and callbacks');
const noFeatures = forbid(
  ['src/cli', 'src/labels', 'src/solution', 'src/widgets', 'src/webresources', 'src/env'],
  'The building blocks (src/zip, src/fs, src/xml, src/languages, src/http) import only each other and src/errors.ts',
);
const noPages = forbid(
  ['src/webresources'],
  'src/widgets imports nothing from src/webresources: the pages use the widgets',
);
const noNodeParts = forbid(
  ['src/cli', 'src/labels', 'src/solution', 'src/env', 'src/fs', 'src/zip'],
  'Browser code imports nothing from src/cli, src/labels, src/solution, src/env, src/fs or src/zip',
);
const noEnvFeatures = forbid(
  ['src/labels', 'src/solution'],
  'src/env (environments) imports no feature: the CLI hands what it downloads to src/labels or src/solution',
);
const noLabelsPipeline = forbid(
  ['src/labels/workbook', 'src/labels/check', 'src/labels/memory', 'src/labels/*'],
  'The CrmTranslations.xml format code (src/labels/crm-xml) imports nothing of the workbook, check, memory or the labels pipeline',
);
const onlySrc = (area, depth) => ({
  regex: `^(?:\\.\\./){${depth}}(?!src/)`,
  message: 'A benchmark imports only from src/ (docs/architecture.md)',
  caseSensitive: true,
});

/** One entry per folder depth of `area`: its .ts files may import nothing that `groups` name. */
function boundary(area, groups, ignores = []) {
  const top = area.split('/').length;
  return Array.from({ length: DEEPEST - top + 1 }, (_, i) => ({
    files: [`${area}/${'*/'.repeat(i)}*.ts`],
    ignores,
    rules: {
      'no-restricted-imports': ['error', { patterns: groups.map((group) => group(area, top + i)) }],
    },
  }));
}

const boundaries = [
  ...boundary('src', [noTestOrTools, noControls, noCli], ['src/cli/**']),
  ...boundary('src/cli', [noTestOrTools, noControls]),
  ...boundary('src/zip', [noTestOrTools, noControls, noFeatures]),
  ...boundary('src/fs', [noTestOrTools, noControls, noFeatures]),
  ...boundary('src/xml', [noTestOrTools, noControls, noFeatures, noNodeModule]),
  ...boundary('src/languages', [noTestOrTools, noControls, noFeatures, noNodeModule]),
  ...boundary('src/http', [noTestOrTools, noControls, noFeatures, noNodeModule]),
  ...boundary('src/widgets', [noTestOrTools, noControls, noNodeModule, noNodeParts, noPages]),
  ...boundary('src/webresources', [noTestOrTools, noControls, noNodeModule, noNodeParts]),
  ...boundary('controls', [noTestOrTools, noNodeModule, noNodeParts]),
  ...boundary('src/env', [noTestOrTools, noControls, noCli, noEnvFeatures]),
  ...boundary('src/labels/crm-xml', [noTestOrTools, noControls, noCli, noLabelsPipeline]),
  ...boundary('bench', [onlySrc]),
];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'controls/*/out/**',
      'controls/*/obj/**',
      'controls/*/generated/**',
      'controls/*/*/generated/**',
      'controls/*/node_modules/**',
      'build/**',
      'coverage/**',
      'test-output/**',
      '**/*.js',
      '**/*.mjs',
      '**/*.cjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unnecessary-condition': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
    },
  },
  ...boundaries,
  {
    // vitest 4 lets any string pass a RegExp value inside toMatchObject (tried: {a: "x"} matches
    // {a: /y/}), so such an assertion checks nothing; expect.stringMatching(/…/) does.
    files: ['test/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='toMatchObject'] Property > Literal[regex]",
          message: 'A RegExp inside toMatchObject matches any string here: use expect.stringMatching(/…/).',
        },
      ],
    },
  },
);
