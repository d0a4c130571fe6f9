/**
 * The strings as a built page has them: none in the bundle (the build empties the catalogue's
 * imports, as this test's mocks do), each file fetched from beside the page when asked for. The
 * files served here are cut from the real catalogue the way scripts/build-webresources.js cuts
 * them: the first paint's `dashboard` strings, the `more` ones, the widget view's.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';

vi.mock('../../../translations/ui/1033.json', () => ({ default: {} }));
vi.mock('../../../translations/ui/1049.json', () => ({ default: {} }));
vi.mock('../../../translations/ui/1026.json', () => ({ default: {} }));
vi.mock('../../../translations/ui/1058.json', () => ({ default: {} }));

const { loadStrings, translatorFor, stringsFileName } =
  await import('../../../src/webresources/page/catalogue');

type Catalogue = Record<string, Record<string, string>>;
const catalogue = (lcid: number): Catalogue =>
  JSON.parse(
    readFileSync(path.resolve(import.meta.dirname, `../../../translations/ui/${lcid}.json`), 'utf8'),
  ) as Catalogue;
const isMore = (key: string): boolean => /^(param|outside|campaign|compare|drill)\./.test(key);

/** The page's files in one language, as the build writes them. */
function filesOf(lcid: number): Map<string, string> {
  const all = catalogue(lcid);
  const dashboard = Object.entries(all.dashboard!);
  const part = (keep: (key: string) => boolean): string =>
    JSON.stringify({ dashboard: Object.fromEntries(dashboard.filter(([k]) => keep(k))) });
  return new Map([
    [stringsFileName('pipeline-funnel', lcid), part((k) => !isMore(k))],
    [stringsFileName('pipeline-funnel', lcid, 'more'), part(isMore)],
    [stringsFileName('pipeline-funnel', lcid, 'funnel'), JSON.stringify({ funnel: all.funnel })],
  ]);
}

/** A page at /WebResources/new_/crmkit/ serving the files of `served`; every request noted. */
function page(served: readonly number[]) {
  const files = new Map(served.flatMap((lcid) => [...filesOf(lcid)]));
  const asked: string[] = [];
  const fetch: typeof globalThis.fetch = (url) => {
    const name = (url instanceof Request ? url.url : url.toString()).split('/').pop() ?? '';
    asked.push(name);
    const body = files.get(name);
    return Promise.resolve(
      body === undefined ? new Response('not found', { status: 404 }) : new Response(body),
    );
  };
  const source = {
    fetch,
    url: 'https://org.example/WebResources/new_/crmkit/pipeline_funnel.html',
    page: 'pipeline-funnel',
  };
  return { source, asked };
}

describe('strings fetched by a built page', () => {
  it('fetches the first paint’s file alone, then the more file when asked, and a Translate made before finds both', async () => {
    const ru = catalogue(1049).dashboard!;
    const { source, asked } = page([1049, 1033]);
    await loadStrings(source, 1049);
    const t = translatorFor(1049, 'dashboard');
    expect(t('pipeline-funnel.title')).toBe(ru['pipeline-funnel.title']);
    expect(t('outside.title')).toBe('outside.title');
    expect(asked).toEqual(['pipeline_funnel.1049.js']);
    await loadStrings(source, 1049, 'more');
    await loadStrings(source, 1049, 'more');
    expect(asked).toEqual(['pipeline_funnel.1049.js', 'pipeline_funnel.more.1049.js']);
    // The same Translate: the more file adds to the namespace, the first paint's strings stay.
    expect(t('outside.title')).toBe(ru['outside.title']);
    expect(t('param.required')).toBe(ru['param.required']);
    expect(t('pipeline-funnel.title')).toBe(ru['pipeline-funnel.title']);
  });

  it('falls back to English for a file the page cannot have in the user’s language', async () => {
    const en = catalogue(1033).dashboard!;
    const bg = catalogue(1026).dashboard!;
    // Bulgarian is served but for its more file (a web resource left out of the solution).
    const { source, asked } = page([1026, 1033]);
    const files = source.fetch;
    const refused: string[] = [];
    source.fetch = ((url: string) => {
      if (!url.endsWith('.more.1026.js')) return files(url);
      refused.push(url.split('/').pop() ?? '');
      return Promise.resolve(new Response('', { status: 404 }));
    }) as typeof globalThis.fetch;
    await loadStrings(source, 1026);
    await loadStrings(source, 1026, 'more');
    const t = translatorFor(1026, 'dashboard');
    expect(t('pipeline-funnel.title')).toBe(bg['pipeline-funnel.title']);
    expect(t('param.required')).toBe(en['param.required']);
    expect(t('outside.intro')).toBe(en['outside.intro']);
    // The Bulgarian more file was asked for (and refused) before the English one.
    expect(refused).toEqual(['pipeline_funnel.more.1026.js']);
    expect(asked).toEqual(['pipeline_funnel.1026.js', 'pipeline_funnel.more.1033.js']);
  });
});
