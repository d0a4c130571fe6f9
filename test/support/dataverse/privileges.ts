/** The stand-in user's privileges, as RetrieveUserPrivileges lists them, and the refusal of a missing one. */
import { createHash } from 'node:crypto';
import { Refusal } from './http';

/** Every privilege the stand-in knows: what crmkit's commands need, and a few more. */
export const ALL_PRIVILEGES = [
  'prvReadSolution',
  'prvWriteSolution',
  'prvReadCustomization',
  'prvWriteCustomization',
  'prvCreateCustomization',
  'prvReadPublisher',
  'prvReadSystemForm',
  'prvWriteSystemForm',
  'prvReadQuery',
  'prvWriteQuery',
  'prvReadWebResource',
  'prvWriteOrganization',
  'prvReadAccount',
] as const;

export function privilegeId(name: string): string {
  const h = createHash('sha1').update(name).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

export function requirePrivileges(
  held: ReadonlySet<string>,
  userId: string,
  needed: readonly string[],
): void {
  for (const name of needed) {
    if (!held.has(name)) {
      throw new Refusal(
        403,
        '0x80040220',
        `Principal user (Id=${userId}, type=8, roleCount=1, privilegeCount=${held.size}, accessMode=0), is missing ${name} privilege (Id=${privilegeId(name)}) on OTC=7100 for entity 'solution'.`,
      );
    }
  }
}
