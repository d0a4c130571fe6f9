/**
 * The hidden row token: `<format>.<key hash>.<texts hash>`. The key hash tells import that a key
 * cell was changed; the texts hash tells that the row's target texts are still those exported,
 * without holding the source file in memory. Texts are hashed with line breaks normalised
 * (CR LF → LF), because spreadsheet programs re-saving a file may do that (see `sameText`).
 */
import { hash } from 'node:crypto';
import type { Lcid } from '../crm-xml/model';

const TOKEN_VERSION = '1';

interface KeyParts {
  sheet: string;
  entity: string;
  objectId: string;
  column: string;
}

function short(data: string): string {
  return hash('sha1', data, 'hex').slice(0, 16);
}

export function keyHash(key: KeyParts): string {
  return short(`${key.sheet}\u0000${key.entity}\u0000${key.objectId}\u0000${key.column}`);
}

/** Hash of the target texts in column order (languages included, so columns cannot swap). */
export function textsHash(languages: readonly Lcid[], texts: ReadonlyMap<Lcid, string>): string {
  let data = '';
  for (const lcid of languages) {
    data += `${lcid}\u0001${(texts.get(lcid) ?? '').replace(/\r\n/g, '\n')}\u0000`;
  }
  return short(data);
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
  keyHash: string;
  textsHash: string;
}

export function parseToken(token: string): ParsedToken | undefined {
  const match = /^1\.([0-9a-f]{16})\.([0-9a-f]{16})$/.exec(token.trim());
  if (match === null) return undefined;
  return { keyHash: match[1]!, textsHash: match[2]! };
}
