/** Rules every labels output follows, whatever the command. */
import path from 'node:path';
import { CrmKitError } from '../errors';
import type { NamedFile } from '../fs/open-input';

/** Inputs are never modified: refuses an output that is one of the inputs. */
export function refuseInputAsOutput(output: NamedFile, inputs: readonly NamedFile[]): void {
  const same = inputs.find((i) => path.resolve(i.path) === path.resolve(output.path));
  if (same !== undefined) {
    throw new CrmKitError(
      'USAGE',
      `-o ${output.name}: would overwrite the input ${same.name}; inputs are never modified`,
    );
  }
}
