/**
 * `crmkit labels push` against the Dataverse stand-in, through the built CLI: an edited workbook
 * lands exactly its cells (a pull afterwards shows them), a change made in the environment since
 * the pull is a conflict and nothing is imported, `--force`, `--dry-run`, `--no-publish`, a zip, a
 * failing import job, throttling, and Ctrl-C leaving nothing behind.
 */
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translationsXml, type FixtureLabel } from '../fixtures/crm-xml/translations';
import { readAll } from '../labels/crm-xml/support';
import { editWithSheetJs, setText, type CellRef } from '../labels/support';
import { EXPORTED, LANGUAGES, ll } from '../labels/push/support';
import { startDataverse, type DataverseStandIn } from '../support/dataverse/server';
import { buildCli, runCli, startCli, workspace, type Workspace } from './support';

let dv: DataverseStandIn;
let ws: Workspace;
let env: Record<string, string>;
let solutions = 0;

beforeAll(async () => {
  buildCli();
  dv = await startDataverse({ jobDurationMs: 200 });
  ws = workspace('crmkit-push-');
  env = { ...ws.env, CRMKIT_TOKEN: dv.issueToken(), CRMKIT_ENV: dv.url };
}, 60_000);

afterAll(async () => {
  await dv.close();
  ws.remove();
});

/** A new solution in the stand-in holding `labels`, and a folder to work in. */
function setUp(labels: readonly FixtureLabel[] = EXPORTED): { solution: string; dir: string } {
  const solution = `Push${++solutions}`;
  dv.addSolution({
    uniqueName: solution,
    translations: { xml: translationsXml(labels, { languages: LANGUAGES, solution }) },
  });
  const dir = path.join(ws.dir, solution);
  mkdirSync(dir);
  return { solution, dir };
}

/** The stand-in's texts of a solution by object id: `{ a1: { 1033: …, 1049: … } }`. */
async function textsIn(solution: string): Promise<Record<string, Record<string, string>>> {
  const { labels } = await readAll(dv.translations.xml(solution));
  return Object.fromEntries(
    labels.map((l) => [l.objectId, Object.fromEntries([...l.texts].map(([k, v]) => [String(k), v]))]),
  );
}

async function pullAndEdit(dir: string, solution: string, edits: [CellRef, string][], lang = '1049') {
  const pulled = await runCli(
    dir,
    ['labels', 'pull', '--solution', solution, '--lang', lang, '-o', 'ru.xlsx'],
    env,
  );
  expect(pulled.err).toBe('');
  editWithSheetJs(path.join(dir, 'ru.xlsx'), (wb) => {
    for (const [ref, text] of edits) setText(wb, ref, text);
  });
}

const imports = (): number => dv.requests.filter((r) => r.startsWith('POST ImportTranslation')).length;

describe('crmkit labels push', () => {
  it('lands exactly the edited cells, publishes, and says what changed, the job and the time', async () => {
    const { solution, dir } = setUp();
    await pullAndEdit(dir, solution, [
      [ll('a2', 1049), 'Телефон {0}'],
      [{ sheet: 'Display Strings', objectId: 'ds1', lcid: 1049 }, 'Сохранить'],
    ]);
    const before = await textsIn(solution);
    const published = dv.published;
    const r = await runCli(dir, ['labels', 'push', 'ru.xlsx', '--solution', solution], env);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(
      new RegExp(
        `^Pushed 2 label text\\(s\\) to ${solution} in ${dv.url} \\(1049 Russian 2\\): import job [0-9a-f-]{36}, published, \\d+ s\\n$`,
      ),
    );
    expect(await textsIn(solution)).toEqual({
      ...before,
      a2: { ...before.a2, 1049: 'Телефон {0}' },
      ds1: { ...before.ds1, 1049: 'Сохранить' },
    });
    expect(dv.published).toBe(published + 1);
    // A pull afterwards brings the new texts.
    const again = await runCli(dir, ['labels', 'pull', '--solution', solution, '-o', 'after.zip'], env);
    expect(again.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['after.zip', 'ru.xlsx']);
    expect(
      readFileSync(path.join(dir, 'after.zip')).equals(
        Buffer.from(await dv.translations.exportZip(solution)),
      ),
    ).toBe(true);
  });

  it('refuses a label changed in the environment since the pull, listing it, and imports nothing; --force pushes it', async () => {
    const { solution, dir } = setUp();
    await pullAndEdit(dir, solution, [
      [ll('a1', 1049), 'Организация'],
      [ll('a2', 1049), 'Телефон {0}'],
    ]);
    const key = {
      sheet: 'Localized Labels',
      entity: 'account',
      objectId: 'a1',
      column: 'DisplayName',
    } as const;
    await dv.translations.setText(solution, key, 1049, 'Клиент');
    const changedThere = await textsIn(solution);
    const before = imports();
    const r = await runCli(dir, ['labels', 'push', 'ru.xlsx', '--solution', solution], env);
    expect(r.code).toBe(4);
    expect(r.out).toBe('');
    expect(r.err).toMatch(
      /^crmkit: 1 label\(s\) the push changes were changed in the environment since the export; nothing was pushed/,
    );
    expect(r.err).toContain(
      'account / a1 / DisplayName (1049 Russian, changed on both sides): environment now "Клиент", pushed "Организация"',
    );
    expect(imports()).toBe(before);
    expect(await textsIn(solution)).toEqual(changedThere);

    const forced = await runCli(
      dir,
      ['labels', 'push', 'ru.xlsx', '--solution', solution, '--force', '--no-publish'],
      env,
    );
    expect(forced.code).toBe(0);
    expect(forced.err).toContain('forced: ru.xlsx › Localized Labels!');
    expect(forced.out).toContain('(1049 Russian 2): import job ');
    expect(forced.out).toContain('not published (--no-publish)');
    const after = await textsIn(solution);
    expect(after.a1?.[1049]).toBe('Организация');
    expect(after.a2?.[1049]).toBe('Телефон {0}');
  });

  it('--dry-run prints the changes per language and sends nothing', async () => {
    const { solution, dir } = setUp();
    await pullAndEdit(dir, solution, [[ll('a2', 1049), 'Телефон {0}']]);
    const before = imports();
    const r = await runCli(dir, ['labels', 'push', 'ru.xlsx', '--solution', solution, '--dry-run'], env);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(
      new RegExp(
        `^${solution}: 1 label text\\(s\\) would change\\n {2}1049 Russian: 1\\n {4}account / a2 / DisplayName: "" → "Телефон \\{0\\}"`,
      ),
    );
    expect(imports()).toBe(before);
  });

  it('pushes a translations zip, counting the labels it changes per language', async () => {
    const { solution, dir } = setUp();
    await pullAndEdit(dir, solution, [[ll('a2', 1049), 'Телефон {0}']]);
    const pulled = await runCli(dir, ['labels', 'pull', '--solution', solution, '-o', 'exported.zip'], env);
    expect(pulled.code).toBe(0);
    const made = await runCli(
      dir,
      ['labels', 'import', 'ru.xlsx', '--into', 'exported.zip', '-o', 'translated.zip'],
      env,
    );
    expect(made.code).toBe(0);
    const r = await runCli(dir, ['labels', 'push', 'translated.zip', '--solution', solution], env);
    expect(r.code).toBe(0);
    expect(r.err).toContain("note: pushing the zip's texts in 1049");
    expect(r.out).toContain('Pushed 1 label text(s)');
    expect((await textsIn(solution)).a2?.[1049]).toBe('Телефон {0}');
  });

  it('names the component and label when the import job fails, and publishes nothing', async () => {
    // The environment holds a label Dynamics cannot import back (over 500 characters).
    const long = 'x'.repeat(612);
    const { solution, dir } = setUp([
      ...EXPORTED,
      { entity: 'account', objectId: 'a9', texts: { 1033: 'Notes', 1049: long, 1026: '' } },
    ]);
    await pullAndEdit(dir, solution, [[ll('a2', 1049), 'Телефон {0}']]);
    const published = dv.published;
    const r = await runCli(dir, ['labels', 'push', 'ru.xlsx', '--solution', solution], env);
    expect(r.code).toBe(6);
    expect(r.out).toBe('');
    expect(r.err).toMatch(
      /^crmkit: the translations import \(import job [0-9a-f-]{36}\) failed: account \/ a9 \/ DisplayName: The label for language 1049 is 612 characters long/,
    );
    expect(dv.published).toBe(published);
    expect((await textsIn(solution)).a2?.[1049]).toBe('');
  });

  it('refuses a workbook of another solution, naming it, and imports nothing', async () => {
    const first = setUp();
    const other = setUp();
    await pullAndEdit(first.dir, first.solution, [[ll('a2', 1049), 'Телефон {0}']]);
    const before = imports();
    const r = await runCli(first.dir, ['labels', 'push', 'ru.xlsx', '--solution', other.solution], env);
    expect(r.code).toBe(4);
    expect(r.err).toBe(
      `crmkit: ru.xlsx: exported from the solution ${first.solution}, not ${other.solution}; nothing was pushed\n`,
    );
    expect(imports()).toBe(before);
  });

  it('waits out throttling, saying so', async () => {
    const { solution, dir } = setUp();
    await pullAndEdit(dir, solution, [[ll('a2', 1049), 'Телефон {0}']]);
    dv.throttleNext(2, 1);
    const r = await runCli(dir, ['labels', 'push', 'ru.xlsx', '--solution', solution], env);
    expect(r.code).toBe(0);
    expect(r.err).toContain('throttled (HTTP 429): waiting 1 s as asked');
    expect((await textsIn(solution)).a2?.[1049]).toBe('Телефон {0}');
  });
});

describe('Ctrl-C during a push', () => {
  /** Starts a push with its own temporary folder, interrupts it once `ready()` holds, and returns what it did. */
  async function interrupt(dir: string, solution: string, ready: () => boolean) {
    const tmp = path.join(dir, 'tmp');
    mkdirSync(tmp);
    const run = startCli(dir, ['labels', 'push', 'ru.xlsx', '--solution', solution], { ...env, TMPDIR: tmp });
    const started = Date.now();
    while (!ready() && Date.now() - started < 20_000) await new Promise((r) => setTimeout(r, 20));
    run.child.kill('SIGINT');
    const result = await run.done;
    return { ...result, left: readdirSync(tmp), files: readdirSync(dir).sort() };
  }

  it('before the import: nothing imported, no file left', async () => {
    const { solution, dir } = setUp();
    await pullAndEdit(dir, solution, [[ll('a2', 1049), 'Телефон {0}']]);
    const before = imports();
    const seen = dv.requests.length;
    // The first request is held by a long Retry-After: the push is still pulling.
    dv.throttleNext(1, 30);
    const r = await interrupt(dir, solution, () => dv.requests.length > seen);
    dv.throttleNext(0);
    expect(r.code).toBe(130);
    expect(r.err).toContain('crmkit: interrupted; nothing was written');
    expect(imports()).toBe(before);
    expect(r.left).toEqual([]);
    expect(r.files).toEqual(['ru.xlsx', 'tmp']);
  });

  it('while the import job runs: the job id and how to check it later, no file left', async () => {
    const { solution, dir } = setUp();
    await pullAndEdit(dir, solution, [[ll('a2', 1049), 'Телефон {0}']]);
    const before = imports();
    dv.jobDurationMs = 3000;
    try {
      const r = await interrupt(dir, solution, () => imports() > before);
      expect(r.code).toBe(130);
      expect(r.err).toMatch(
        /the job goes on in .*: import job [0-9a-f-]{36} \(async operation [0-9a-f-]{36}\)/,
      );
      expect(r.left).toEqual([]);
      expect(r.files).toEqual(['ru.xlsx', 'tmp']);
    } finally {
      dv.jobDurationMs = 200;
    }
  });
});
