/**
 * `env check`: who the token is (WhoAmI), the organization (name, version, base language,
 * provisioned languages) and which privileges the other commands need that the user lacks.
 */
import { CrmKitError } from '../errors';
import { missingPrivileges, type EnvCommand } from './privileges';
import type { WebApi } from './web-api';

export interface EnvironmentReport {
  url: string;
  userId: string;
  businessUnitId: string;
  organizationId: string;
  organizationName: string;
  version: string;
  baseLanguage: number;
  languages: number[];
  /** Per command, the privileges the user lacks (empty: it may run). */
  missing: Record<EnvCommand, string[]>;
}

function field(body: unknown, name: string, what: string): unknown {
  const value = (body as Record<string, unknown> | null)?.[name];
  if (value === undefined) throw new CrmKitError('ENV_SERVICE', `${what}: the answer has no ${name}`);
  return value;
}

const text = (body: unknown, name: string, what: string): string => String(field(body, name, what));

export async function checkEnvironment(api: WebApi): Promise<EnvironmentReport> {
  const who = await api.get('WhoAmI');
  const userId = text(who, 'UserId', 'WhoAmI');
  const organizationId = text(who, 'OrganizationId', 'WhoAmI');
  const org = await api.get(`organizations(${organizationId})?$select=name,languagecode`);
  const version = await api.get('RetrieveVersion');
  const languages = field(
    await api.get('RetrieveProvisionedLanguages'),
    'RetrieveProvisionedLanguages',
    'RetrieveProvisionedLanguages',
  );
  const privileges = await api.get(`systemusers(${userId})/Microsoft.Dynamics.CRM.RetrieveUserPrivileges()`);
  const rolePrivileges = field(privileges, 'RolePrivileges', 'RetrieveUserPrivileges');
  const held = new Set(
    (Array.isArray(rolePrivileges) ? rolePrivileges : [])
      .map((p) => (p as { PrivilegeName?: unknown }).PrivilegeName)
      .filter((name): name is string => typeof name === 'string')
      .map((name) => name.toLowerCase()),
  );
  return {
    url: api.url.origin,
    userId,
    businessUnitId: text(who, 'BusinessUnitId', 'WhoAmI'),
    organizationId,
    organizationName: text(org, 'name', 'organizations'),
    version: text(version, 'Version', 'RetrieveVersion'),
    baseLanguage: Number(field(org, 'languagecode', 'organizations')),
    languages: (Array.isArray(languages) ? languages : []).map(Number).sort((a, b) => a - b),
    missing: missingPrivileges(held),
  };
}
