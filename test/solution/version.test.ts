import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  controlVersionFor,
  parseSolutionVersion,
  versionForFileName,
  type SolutionVersion,
} from '../../src/solution/version';

const compare = (a: readonly number[], b: readonly number[]): number => {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
};
const parts = (v: SolutionVersion) => [v.major, v.minor, v.build, v.revision];

describe('solution and control versions', () => {
  it.each([
    ['1.0.0.0', '1.0.0', '1_0_0_0'],
    ['1.2.3.4', '1.2.3004', '1_2_3_4'],
    ['2.0.3.0', '2.0.3000', '2_0_3_0'],
    ['0.9.0.999', '0.9.999', '0_9_0_999'],
    ['10.20.30.40', '10.20.30040', '10_20_30_40'],
  ])('maps solution version %s to control version %s and file name part %s', (solution, control, file) => {
    const v = parseSolutionVersion(solution)!;
    expect(controlVersionFor(v)).toBe(control);
    expect(versionForFileName(v)).toBe(file);
  });

  it.each(['1.0.0', '1.0.0.0.0', '1.0.0.1000', '1.0.0.-1', '01.0.0.0', '1.0.0.x', '', ' 1.0.0.0', '1..0.0'])(
    'refuses %j as a solution version',
    (text) => expect(parseSolutionVersion(text)).toBeUndefined(),
  );

  it('gives a later control version for every later solution version', () => {
    const version = fc.record({
      major: fc.nat({ max: 1000 }),
      minor: fc.nat({ max: 1000 }),
      build: fc.nat({ max: 100000 }),
      revision: fc.nat({ max: 999 }),
    });
    fc.assert(
      fc.property(version, version, (a, b) => {
        const solutionOrder = Math.sign(compare(parts(a), parts(b)));
        const controlOrder = Math.sign(
          compare(controlVersionFor(a).split('.').map(Number), controlVersionFor(b).split('.').map(Number)),
        );
        expect(controlOrder).toBe(solutionOrder);
      }),
    );
  });
});
