/**
 * The label key as a unit's `resname` (1.2) / `name` (2.0): readable in a CAT tool and read back
 * exactly: `Localized Labels/account/<guid>/DisplayName`, `Display Strings/<entity>/<key>`, each
 * part with `%` and `/` percent-encoded.
 */
import type { LabelSheet } from '../crm-xml/model';
import type { LabelKeyParts } from './types';

const encode = (part: string): string => part.replace(/%/g, '%25').replace(/\//g, '%2F');
const decode = (part: string): string => part.replace(/%2F/gi, '/').replace(/%25/g, '%');

export function unitName(key: LabelKeyParts): string {
  const parts = [key.sheet, key.entity, key.objectId];
  if (key.sheet === 'Localized Labels') parts.push(key.column);
  return parts.map(encode).join('/');
}

/** The key a `resname` / `name` names, or undefined when it is not one crmkit wrote. */
export function keyOfUnitName(name: string): LabelKeyParts | undefined {
  const parts = name.split('/').map(decode);
  const sheet = parts[0] as LabelSheet | undefined;
  if (sheet === 'Localized Labels' && parts.length === 4) {
    return { sheet, entity: parts[1]!, objectId: parts[2]!, column: parts[3]! };
  }
  if (sheet === 'Display Strings' && parts.length === 3) {
    return { sheet, entity: parts[1]!, objectId: parts[2]!, column: '' };
  }
  return undefined;
}
