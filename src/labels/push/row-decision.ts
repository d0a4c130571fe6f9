/**
 * Whether a workbook row the translator edited still sits on the texts it was exported from.
 * The row token holds a hash of the target texts as exported; hashing the environment's texts the
 * same way tells whether anyone changed them since. When they changed, the token can often still
 * tell who changed which cell: every language where the workbook and the environment differ was,
 * as exported, either the environment's text (the translator changed it) or the workbook's (the
 * environment changed it); the one combination whose hash is the token's says which. When none
 * matches (both changed a cell) the cells are `unknown`.
 */
import { sameText, type Label, type Lcid } from '../crm-xml/model';
import { textsHash, type TokenVersion } from '../workbook/token';
import type { ChangedBy } from './types';

/** Past this many differing languages in one row the combinations are not tried (2^12 hashes). */
const MAX_ATTRIBUTED = 12;

export interface RowView {
  /** The workbook's target languages, in its column order (what the token hashed). */
  languages: readonly Lcid[];
  /** The token's hash of the texts as exported. */
  exportedHash: string | undefined;
  /** The token's format, which says how `exportedHash` was made (default: the current one). */
  tokenVersion?: TokenVersion;
  base: string;
  texts: ReadonlyMap<Lcid, string>;
}

export interface RowDecision {
  /** Languages whose workbook text differs from the environment's, with who changed each. */
  cells: Map<Lcid, ChangedBy>;
  /** The environment's target texts changed since the export. */
  textsChanged: boolean;
  /** The environment's base-language text changed since the export (the workbook shows the old one). */
  baseChanged: boolean;
  /** A conflict: the environment changed the row and the workbook would change a cell nobody else did. */
  conflict: boolean;
}

const envText = (env: Label, lcid: Lcid): string => env.texts.get(lcid) ?? '';

function attribute(row: RowView, env: Label, differing: readonly Lcid[]): Map<Lcid, ChangedBy> {
  const unknown = new Map(differing.map((l): [Lcid, ChangedBy] => [l, 'unknown']));
  if (row.exportedHash === undefined || differing.length > MAX_ATTRIBUTED) return unknown;
  const exported = new Map(row.languages.map((l) => [l, envText(env, l)]));
  for (let mask = 0; mask < 1 << differing.length; mask++) {
    differing.forEach((l, i) =>
      exported.set(l, mask & (1 << i) ? (row.texts.get(l) ?? '') : envText(env, l)),
    );
    if (textsHash(row.languages, exported, row.tokenVersion) !== row.exportedHash) continue;
    return new Map(differing.map((l, i) => [l, mask & (1 << i) ? 'environment' : 'push']));
  }
  return unknown;
}

export function decideRow(row: RowView, env: Label, baseLcid: Lcid): RowDecision {
  const differing = row.languages.filter(
    (l) => l !== baseLcid && !sameText(row.texts.get(l) ?? '', envText(env, l)),
  );
  const textsChanged = textsHash(row.languages, env.texts, row.tokenVersion) !== row.exportedHash;
  const baseChanged = !sameText(row.base, envText(env, baseLcid));
  const cells = textsChanged
    ? attribute(row, env, differing)
    : new Map(differing.map((l): [Lcid, ChangedBy] => [l, 'push']));
  const pushes = [...cells.values()].some((by) => by !== 'environment');
  return { cells, textsChanged, baseChanged, conflict: pushes && (textsChanged || baseChanged) };
}
