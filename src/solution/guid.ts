import { createHash } from 'node:crypto';

/** Namespace for crmkit's web resource ids (a fixed random UUID; never change it). */
export const WEB_RESOURCE_NAMESPACE = '6f0b7e3c-2d1a-4c8e-9b5f-3a7d2e91c4b0';

function uuidBytes(uuid: string): Buffer {
  return Buffer.from(uuid.replace(/-/g, ''), 'hex');
}

/** RFC 4122 version-5 UUID (SHA-1 of namespace + name), lower case, no braces. */
export function uuidV5(namespace: string, name: string): string {
  const hash = createHash('sha1').update(uuidBytes(namespace)).update(Buffer.from(name, 'utf8')).digest();
  const b = hash.subarray(0, 16);
  b[6] = (b[6]! & 0x0f) | 0x50;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = b.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The id of a client's web resource: the same client and resource name always give the same id,
 * so importing a new release updates the web resource instead of adding a duplicate.
 */
export function webResourceId(client: string, resourceName: string): string {
  return uuidV5(WEB_RESOURCE_NAMESPACE, `${client.toLowerCase()}\n${resourceName.toLowerCase()}`);
}
