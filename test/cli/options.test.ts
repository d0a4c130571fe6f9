import { describe, expect, it } from 'vitest';
import { parseCount, parseLanguages, parseSize } from '../../src/cli/options';

describe('option parsing', () => {
  it.each([
    ['1GiB', 1024 ** 3],
    ['2gib', 2 * 1024 ** 3],
    ['500MB', 500 * 1024 ** 2],
    ['1.5G', 1.5 * 1024 ** 3],
    ['10KB', 10240],
    ['123', 123],
  ])('reads --max-size %s as %i bytes', (text, bytes) => {
    expect(parseSize(text)).toBe(bytes);
  });

  it.each([['lots'], ['-1'], ['1 GB GB']])('refuses --max-size %s', (text) => {
    expect(() => parseSize(text)).toThrow(/--max-size .*: expected a size such as 2GiB or 500MB/);
  });

  it.each([
    ['1049', [1049]],
    ['1049,1026', [1049, 1026]],
    [' 1058 , 1049,1058', [1058, 1049]],
  ])('reads --lang %s', (text, lcids) => {
    expect(parseLanguages(text)).toEqual(lcids);
  });

  it.each([['ru'], [''], ['1049;1026']])('refuses --lang %j', (text) => {
    expect(() => parseLanguages(text)).toThrow(/expected language codes separated by commas/);
  });

  it('reads --max-warnings 0 and refuses a count that is not a whole number', () => {
    expect(parseCount('0', '--max-warnings')).toBe(0);
    expect(() => parseCount('1.5', '--max-warnings')).toThrow('--max-warnings 1.5: expected a whole number');
  });
});
