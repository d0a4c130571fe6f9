/**
 * Every example in the guides runs: `crmkit` command lines with the built CLI in a temporary copy
 * of the project (the real profiles and samples, faked control and page builds), each guide's
 * examples in order in one folder as a reader would type them; JSON examples through the product's
 * own validator of their kind. An example that cannot run here says why in an HTML comment before
 * it (test/docs/fenced.ts), and its test is skipped under that reason.
 */
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isCrmKitError } from '../../src/errors';
import { clientConfigProblems } from '../../src/solution/check-config';
import { validateProfile } from '../../src/solution/profile';
import { parseDefinition } from '../../src/widgets/survey/definition';
import { parseDocument } from '../../src/widgets/survey/document';
import { fakeProject, loadSource, repoRoot } from '../solution/fakes';
import { commandLines, fencedBlocks, type FencedBlock } from './fenced';

const cli = path.join(repoRoot, 'dist/crmkit.js');
const cliMissing = existsSync(cli)
  ? undefined
  : 'the built CLI dist/crmkit.js is missing: run npm run build:cli';
if (cliMissing !== undefined) console.warn(`guide examples: skipping the commands, ${cliMissing}`);
const shared = path.resolve(repoRoot, '../shared');
const xsdMissing = existsSync(path.join(shared, 'xsd/CustomizationsSolution.xsd'))
  ? undefined
  : `no ${path.join(shared, 'xsd')} beside the project`;

const guides = [
  'README.md',
  ...readdirSync(path.join(repoRoot, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => `docs/${f}`),
];

/** A copy of the project in `<tmp>/project`, with `<tmp>/shared` beside it and `crmkit` on PATH. */
function workspace(): { base: string; project: string; env: NodeJS.ProcessEnv } {
  const base = mkdtempSync(path.join(os.tmpdir(), 'crmkit-guide-'));
  const project = fakeProject(path.join(base, 'project'));
  cpSync(path.join(repoRoot, 'translations/samples'), path.join(project, 'translations/samples'), {
    recursive: true,
  });
  if (existsSync(shared)) symlinkSync(shared, path.join(base, 'shared'));
  const bin = path.join(base, 'bin');
  mkdirSync(bin);
  writeFileSync(path.join(bin, 'crmkit'), `#!/bin/sh\nexec "${process.execPath}" "${cli}" "$@"\n`);
  chmodSync(path.join(bin, 'crmkit'), 0o755);
  return { base, project, env: { ...process.env, PATH: `${bin}:${process.env.PATH ?? ''}` } };
}

interface Ran {
  status: number | null;
  stdout: string;
  stderr: string;
}

function sh(line: string, cwd: string, env: NodeJS.ProcessEnv): Ran {
  const r = spawnSync('bash', ['-c', line], { cwd, env, encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A command as the guide types it, for the CLI on PATH: `npx crmkit …` → `crmkit …`. */
const asTyped = (line: string): string => line.replace(/^npx crmkit\b/, 'crmkit');

const jsonKinds: Record<string, (text: string, where: string) => void> = {
  profile: (text, where) => {
    try {
      validateProfile(JSON.parse(text) as unknown, where, loadSource());
    } catch (e) {
      if (!isCrmKitError(e)) throw e;
      expect.fail([e.message, ...e.problems.map((p) => `${p.where}: ${p.message}`)].join('\n'));
    }
  },
  'config.json': (text) => expect(clientConfigProblems(JSON.parse(text) as unknown)).toEqual([]),
  'survey definition': (text) => void parseDefinition(text),
  'survey document': (text) => void parseDocument(text),
};

/** The consultants' guide shows the refusal of a bad profile: the profile example, broken three ways. */
function badProfileOutput(
  block: FencedBlock,
  blocks: readonly FencedBlock[],
  ws: ReturnType<typeof workspace>,
) {
  const example = blocks.find((b) => b.annotation === 'profile' && b.line < block.line);
  if (example === undefined) throw new Error(`${block.file}:${block.line}: no profile example before it`);
  const profile = JSON.parse(example.text) as {
    publisher: { prefix: string };
    languages: number[];
    widgets: string[];
  };
  profile.publisher.prefix = 'mscrm1';
  profile.languages = [1033, 1049, 1049];
  profile.widgets[2] = 'kanban';
  const file = path.join(ws.project, 'solutions/clients/acme.json');
  writeFileSync(file, JSON.stringify(profile, null, 2));
  try {
    const r = sh('crmkit solution pack --client acme --out out', ws.project, ws.env);
    expect(r.status).not.toBe(0);
    expect(r.stderr.replaceAll(`${ws.project}/`, '')).toBe(`${block.text}\n`);
  } finally {
    rmSync(file);
  }
}

describe.each(guides)('the examples of %s', (guide) => {
  const blocks = fencedBlocks(readFileSync(path.join(repoRoot, guide), 'utf8'), guide);
  let ws: ReturnType<typeof workspace>;
  if (blocks.some((b) => b.lang === 'sh' || b.lang === '')) {
    beforeAll(() => {
      ws = workspace();
    });
    afterAll(() => rmSync(ws.base, { recursive: true, force: true }));
  }

  if (blocks.length === 0) it.skip('(the guide has no examples)', () => undefined);
  for (const block of blocks) {
    const at = `${block.file}:${block.line}`;
    const note = block.annotation ?? '';
    if (note.startsWith('skip:')) {
      it.skip(`${at} is not run: ${note.slice('skip:'.length).trim()}`, () => undefined);
    } else if (block.lang === 'sh') {
      const lines = commandLines(block);
      const needsXsd = lines.some((l) => l.includes('../shared/xsd'));
      const reason = cliMissing ?? (needsXsd ? xsdMissing : undefined);
      it.skipIf(reason !== undefined)(
        `${at} runs: ${lines.join(' ⏎ ')}${reason ? ` (skipped: ${reason})` : ''}`,
        () => {
          const before = note.startsWith('before:') ? note.slice('before:'.length).split(';') : [];
          for (const step of before) {
            const r = sh(step.trim(), ws.project, ws.env);
            expect(r.status, `${at}, before: ${step}\n${r.stderr}`).toBe(0);
          }
          for (const line of lines) {
            expect(line, `${at}: a command that is not crmkit; mark the block skip: with why`).toMatch(
              /^(npx )?crmkit /,
            );
            const r = sh(asTyped(line), ws.project, ws.env);
            expect(r.stderr, `${at}: ${line}`).not.toMatch(/internal error/);
            expect(r.status, `${at}: ${line}\n${r.stderr}`).toBe(0);
          }
        },
      );
    } else if (block.lang === 'json') {
      it(`${at} is a valid ${note || '(say what it is)'}`, () => {
        const check = jsonKinds[note];
        expect(
          check,
          `${at}: say before the block what it is: ${Object.keys(jsonKinds).join(', ')}`,
        ).toBeDefined();
        check!(block.text, at);
      });
    } else if (block.lang === '' && note.startsWith('output: the profile example above')) {
      it.skipIf(cliMissing !== undefined)(
        `${at} is what crmkit prints for ${note.slice('output: '.length)}`,
        () => badProfileOutput(block, blocks, ws),
      );
    } else if (block.lang === '') {
      it.skip(`${at} is shown output, not an example to run`, () => undefined);
    } else {
      it(`${at} is an example the test knows how to run`, () => {
        expect.fail(`${at}: a \`${block.lang}\` block; run it here or mark it skip: with why`);
      });
    }
  }
});
