/**
 * The hidden row token: `<format>.<key hash>.<texts hash>`. The key hash tells import that a key
 * cell was changed; the texts hash tells that the row's target texts are still those exported,
 * without holding the source file in memory. Texts are hashed with line breaks normalised
 * (CR LF → LF), because spreadsheet programs re-saving a file may do that (see `sameText`).
 *
 * Format 2 (written now) hashes in JavaScript (row-hash.ts: 64 bits, not cryptographic: the hash
 * detects edits, nobody gains by forging one), under half the cost of two SHA-1 calls a row.
 * Format 1 (SHA-1, cut to 64 bits) is still read: a token is checked with the hashes of its own
 * format. The machine translation mark's `textHash` stays SHA-1, in the meta sheet of either.
 */
import { hash } from 'node:crypto';
import type { Lcid } from '../crm-xml/model';
import { RowHash } from './row-hash';

/** A row token's format: 1 (SHA-1) or 2 (row-hash.ts). */
export type TokenVersion = 1 | 2;

/** The format written. */
export const TOKEN_VERSION: TokenVersion = 2;

interface KeyParts {
  sheet: string;
  entity: string;
  objectId: string;
  column: string;
}

function short(data: string): string {
  return hash('sha1', data, 'hex').slice(0, 16);
}

const rowHash = new RowHash();

export function keyHash(key: KeyParts, version: TokenVersion = TOKEN_VERSION): string {
  if (version === 1) return short(`${key.sheet}\u0000${key.entity}\u0000${key.objectId}\u0000${key.column}`);
  rowHash.start(0x6b6579);
  rowHash.text(key.sheet, false);
  rowHash.text(key.entity, false);
  rowHash.text(key.objectId, false);
  rowHash.text(key.column, false);
  return rowHash.hex();
}

/** Hash of the target texts in column order (languages included, so columns cannot swap). */
export function textsHash(
  languages: readonly Lcid[],
  texts: ReadonlyMap<Lcid, string>,
  version: TokenVersion = TOKEN_VERSION,
): string {
  return textsHashOf(languages, (lcid) => texts.get(lcid) ?? '', version);
}

/** `textsHash` with each language's text given by `textOf` (no map built per row). */
export function textsHashOf(
  languages: readonly Lcid[],
  textOf: (lcid: Lcid) => string,
  version: TokenVersion = TOKEN_VERSION,
): string {
  if (version === 1) {
    let data = '';
    for (const lcid of languages) data += `${lcid}\u0001${textOf(lcid).replace(/\r\n/g, '\n')}\u0000`;
    return short(data);
  }
  rowHash.start(0x746578);
  for (const lcid of languages) {
    rowHash.number(lcid);
    rowHash.text(textOf(lcid), true);
  }
  return rowHash.hex();
}

/** Hash of one text (line breaks normalised): what a machine translation mark remembers. */
export function textHash(text: string): string {
  return short(text.replace(/\r\n/g, '\n'));
}

export function rowToken(
  key: KeyParts,
  languages: readonly Lcid[],
  texts: ReadonlyMap<Lcid, string>,
): string {
  return `${TOKEN_VERSION}.${keyHash(key)}.${textsHash(languages, texts)}`;
}

export interface ParsedToken {
  /** The format: compare the hashes with those of `keyHash` and `textsHash` of this version. */
  version: TokenVersion;
  keyHash: string;
  textsHash: string;
}

const TOKEN = /^([12])\.([0-9a-f]{16})\.([0-9a-f]{16})$/;
const TOKEN_LENGTH = 35;

/** Whether `text` holds lower-case hex digits from `from` to `to`. */
function hexDigits(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102))) return false;
  }
  return true;
}

export function parseToken(token: string): ParsedToken | undefined {
  // A token as written (no space around it) is checked by hand, once per row on both threads.
  const version = token.charCodeAt(0) - 48;
  if (token.length === TOKEN_LENGTH && (version === 1 || version === 2)) {
    if (token.charCodeAt(1) !== 46 || token.charCodeAt(18) !== 46) return undefined;
    if (!hexDigits(token, 2, 18) || !hexDigits(token, 19, TOKEN_LENGTH)) return undefined;
    return { version, keyHash: token.slice(2, 18), textsHash: token.slice(19) };
  }
  const match = TOKEN.exec(token.trim());
  if (match === null) return undefined;
  return { version: match[1] === '1' ? 1 : 2, keyHash: match[2]!, textsHash: match[3]! };
}
