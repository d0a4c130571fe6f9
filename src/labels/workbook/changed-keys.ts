/**
 * What a changed key was. The row token holds only a hash of the key exported, so the original
 * is looked for in the sheet itself, read a second time (only when a key was changed): another
 * row whose key cells have that hash (rows sorted without their hidden token column), or the key
 * with one cell replaced by a value that cell's column holds elsewhere (a GUID typed over, an
 * entity name edited). The problem's message then says which cell was changed and from what.
 */
import { displayKey, type LabelSheet } from '../crm-xml/model';
import type { WorkbookPackage } from './package-entries';
import { cellAt, readSheetRows } from './sheet-rows';
import { keyHash, type TokenVersion } from './token';
import type { WorkbookProblem } from './types';

interface Key {
  sheet: LabelSheet;
  entity: string;
  objectId: string;
  column: string;
}

export interface ChangedKey {
  problem: WorkbookProblem;
  /** The token's format, which says how `tokenKeyHash` was made. */
  tokenVersion: TokenVersion;
  tokenKeyHash: string;
  key: Key;
}

const FIELDS = ['entity', 'objectId', 'column'] as const;

/** Rows looked for by one changed cell: each costs a hash per distinct value of a key column. */
const SEARCHED_BY_CELL = 5;

function withCell(key: Key, field: (typeof FIELDS)[number], value: string): Key {
  return { ...key, [field]: value };
}

/**
 * Rewrites the message of each changed row whose original key is found; `captions` are the key
 * columns' captions as the header row shows them (quoted).
 */
export async function explainChangedKeys(
  pkg: WorkbookPackage,
  part: string,
  fileName: string,
  shared: readonly string[],
  changed: readonly ChangedKey[],
  captions: readonly string[],
): Promise<void> {
  const keyCount = captions.length;
  const fields = FIELDS.slice(0, keyCount);
  /** By `<format>.<key hash>`: each row is looked up with the hash of every format among them. */
  const byHash = new Map<string, ChangedKey[]>();
  const tokenHash = (c: ChangedKey): string => `${c.tokenVersion}.${c.tokenKeyHash}`;
  for (const c of changed) byHash.set(tokenHash(c), [...(byHash.get(tokenHash(c)) ?? []), c]);
  const versions = [...new Set(changed.map((c) => c.tokenVersion))];
  const found = new Map<ChangedKey, Key>();
  const values = fields.map(() => new Set<string>());
  const sheet = changed[0]?.key.sheet ?? 'Localized Labels';
  await readSheetRows(pkg, part, fileName, shared, (row) => {
    if (row.number === 1) return;
    const key: Key = {
      sheet,
      entity: cellAt(row, 1),
      objectId: cellAt(row, 2),
      column: keyCount === 3 ? cellAt(row, 3) : '',
    };
    fields.forEach((f, i) => values[i]?.add(key[f]));
    for (const version of versions) {
      for (const c of byHash.get(`${version}.${keyHash(key, version)}`) ?? []) found.set(c, key);
    }
  });
  for (const c of changed.filter((x) => !found.has(x)).slice(0, SEARCHED_BY_CELL)) {
    search: for (const [i, field] of fields.entries()) {
      for (const value of values[i] ?? []) {
        const candidate = withCell(c.key, field, value);
        if (keyHash(candidate, c.tokenVersion) === c.tokenKeyHash) {
          found.set(c, candidate);
          break search;
        }
      }
    }
  }
  for (const [c, original] of found) {
    const cells = fields
      .map((field, i) =>
        original[field] === c.key[field]
          ? undefined
          : `${captions[i] ?? field} was "${original[field]}", now "${c.key[field]}"`,
      )
      .filter((x) => x !== undefined);
    c.problem.message =
      `the key was changed (it was "${displayKey(original)}"): ${cells.join('; ')}; ` +
      `the row is ignored: undo the change`;
  }
}
