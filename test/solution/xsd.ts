import { existsSync } from 'node:fs';
import path from 'node:path';
import { hasXmllint, SCHEMA_FILE } from '../../src/solution/node/xmllint';
import { repoRoot } from './fakes';

/** Microsoft's schemas, kept beside the repository (../shared/xsd). */
export const xsd = path.resolve(repoRoot, '../shared/xsd');

/** Why tests of `what` cannot validate here (no schema, or no xmllint from libxml2-utils), printed once. */
export function schemaSkipReason(what: string): string | undefined {
  const reason = !existsSync(path.join(xsd, SCHEMA_FILE))
    ? `skipping ${what}: ${path.join(xsd, SCHEMA_FILE)} does not exist`
    : !hasXmllint()
      ? `skipping ${what}: xmllint is not installed (Debian package libxml2-utils)`
      : undefined;
  if (reason !== undefined) console.warn(reason);
  return reason;
}
