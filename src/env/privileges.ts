/**
 * The privileges each environment command needs, by Microsoft's "message privileges" tables
 * (ExportTranslation, ImportSolution, PublishAllXml); `env check` names the ones the user lacks.
 */
export const commandPrivileges = {
  'labels pull': [
    'prvReadSolution',
    'prvReadCustomization',
    'prvReadPublisher',
    'prvReadSystemForm',
    'prvReadQuery',
    'prvReadWebResource',
  ],
  'labels push': [
    'prvReadSolution',
    'prvReadCustomization',
    'prvReadSystemForm',
    'prvReadQuery',
    'prvWriteCustomization',
    'prvWriteSystemForm',
    'prvWriteQuery',
  ],
  'solution deploy': [
    'prvReadSolution',
    'prvWriteSolution',
    'prvCreateCustomization',
    'prvReadCustomization',
    'prvWriteCustomization',
    'prvWriteSystemForm',
    'prvWriteQuery',
    'prvWriteOrganization',
  ],
} as const satisfies Record<string, readonly string[]>;

export type EnvCommand = keyof typeof commandPrivileges;

/** Per command, the privileges of its list that `held` lacks. */
export function missingPrivileges(held: ReadonlySet<string>): Record<EnvCommand, string[]> {
  const result = {} as Record<EnvCommand, string[]>;
  for (const [command, needed] of Object.entries(commandPrivileges) as [EnvCommand, readonly string[]][]) {
    result[command] = needed.filter((p) => !held.has(p.toLowerCase()));
  }
  return result;
}
