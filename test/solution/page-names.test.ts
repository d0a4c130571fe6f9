import { describe, expect, it } from 'vitest';
import { rewritePageReferences, webResourceFileName } from '../../src/solution/page-names';

const enc = new TextEncoder();
const dec = new TextDecoder();

describe('page file names as web resource names', () => {
  it.each([
    ['pipeline-funnel.js', 'pipeline_funnel.js'],
    ['img/logo big.png', 'img/logo_big.png'],
    ['survey_insights.css', 'survey_insights.css'],
  ])('renames %s to %s', (from, to) => expect(webResourceFileName(from)).toBe(to));

  it('rewrites quoted references to renamed siblings and nothing else', () => {
    const html = enc.encode(
      '<link href="./a-b.css"><script src=\'a-b.js?v=1\'></script><p>see a-b.js</p><a href="other-page.html">x</a>',
    );
    const renames = new Map([
      ['a-b.css', 'a_b.css'],
      ['a-b.js', 'a_b.js'],
    ]);
    expect(dec.decode(rewritePageReferences(html, renames))).toBe(
      '<link href="./a_b.css"><script src=\'a_b.js?v=1\'></script><p>see a-b.js</p><a href="other-page.html">x</a>',
    );
  });

  it('returns the same bytes when nothing is renamed', () => {
    const html = enc.encode('<script src="./main.js"></script>');
    expect(rewritePageReferences(html, new Map([['main.js', 'main.js']]))).toBe(html);
  });
});
