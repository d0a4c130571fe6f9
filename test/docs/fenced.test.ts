import { describe, expect, it } from 'vitest';
import { commandLines, fencedBlocks } from './fenced';

describe('fencedBlocks', () => {
  it('finds each fenced block with its line, language and the example comment just before it', () => {
    const md = [
      '# Guide',
      '<!-- example: profile -->',
      '```json',
      '{ "a": 1 }',
      '```',
      'text',
      '1. Step:',
      '',
      '   <!-- example: before: crmkit x; crmkit y -->',
      '   ```sh',
      '   npx crmkit labels check a.xlsx',
      '   ```',
      '````',
      'output with ``` inside',
      '````',
    ].join('\n');
    expect(fencedBlocks(md, 'g.md')).toEqual([
      { file: 'g.md', line: 3, lang: 'json', text: '{ "a": 1 }', annotation: 'profile' },
      {
        file: 'g.md',
        line: 10,
        lang: 'sh',
        text: 'npx crmkit labels check a.xlsx',
        annotation: 'before: crmkit x; crmkit y',
      },
      { file: 'g.md', line: 13, lang: '', text: 'output with ``` inside' },
    ]);
  });

  it('gives the commands of a shell block without blank and comment lines', () => {
    const [block] = fencedBlocks('```sh\n# a comment\ncrmkit a\n\n  crmkit b   # trailing\n```', 'g.md');
    expect(commandLines(block!)).toEqual(['crmkit a', 'crmkit b   # trailing']);
  });
});
