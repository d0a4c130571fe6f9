/** `labels translate --provider deepl` end to end against the strict DeepL stand-in. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startDeepl, type DeeplStandIn } from '../../support/mt/deepl';
import { copyOf, crmkitWithEnv, rowsOf, textOf, workbookIn } from './support';

const KEY = 'deepl-secret-key-1234:fx';
let dir: string;
let deepl: DeeplStandIn;
let book: string;
let n = 0;
const env = (): Record<string, string> => ({ DEEPL_API_KEY: KEY, DEEPL_API_URL: deepl.url });
const fresh = (): Promise<string> => copyOf(book, `case-${++n}.xlsx`);

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'crmkit-deepl-'));
  deepl = await startDeepl(KEY);
  book = await workbookIn(dir);
});
afterAll(async () => {
  await deepl.close();
  await rm(dir, { recursive: true, force: true });
});
beforeEach(() => {
  deepl.requests.length = 0;
  deepl.behaviour.misbehave = 'none';
});

describe('labels translate --provider deepl', () => {
  it('fills only the empty cells, once per distinct base text, with placeholders and markup intact', async () => {
    const file = await fresh();
    const r = await crmkitWithEnv(
      dir,
      env(),
      'labels',
      'translate',
      path.basename(file),
      '--provider',
      'deepl',
    );
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const rows = await rowsOf(file);
    expect(textOf(rows, 'a1')).toBe('[RU] Account name');
    expect(textOf(rows, 'c1')).toBe('[RU] Account name');
    expect(textOf(rows, 'a2')).toBe('[RU] Save {0} of {1}');
    expect(textOf(rows, 'a3')).toBe('[RU] Click <b>Save</b> & close');
    expect(textOf(rows, 'a4')).toBe('Закрыть');
    expect(textOf(rows, 'm1')).toBe('[RU] Saved {0}');
    const sent = deepl.requests.flatMap((q) => (q.body as { text: string[] }).text);
    expect(sent.filter((t) => t === 'Account name')).toHaveLength(1);
    expect(sent).toContain('Click <x id="1"/>Save<x id="2"/> &amp; close');
    expect(deepl.requests[0]!.headers.authorization).toBe(`DeepL-Auth-Key ${KEY}`);
    expect(r.out).not.toContain(KEY);
  });
});
