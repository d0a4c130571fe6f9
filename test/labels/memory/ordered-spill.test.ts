import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CrmKitError } from '../../../src/errors';
import { createOrderedSpill } from '../../../src/labels/memory/ordered-spill';

describe('records kept on disk in order', () => {
  it('a folder that refuses the temporary file is an IO error naming the file, not a crash', () => {
    const missing = path.join(tmpdir(), 'crmkit-no-such-folder', 'deeper');
    let error: unknown;
    try {
      createOrderedSpill(missing);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CrmKitError);
    expect((error as CrmKitError).code).toBe('IO');
    expect((error as CrmKitError).message).toMatch(
      /crmkit-no-such-folder.*crmkit-labels-.*\.tmp: cannot write \(/,
    );
  });
});
