import { writeCustomizationsXml } from '../../../src/solution/customizations-xml';
import type { ClientProfile } from '../../../src/solution/model';
import { surveyTableParts } from '../../../src/solution/survey-table';
import { loadProfile, loadSource } from '../fakes';

/** The shipped records-mode profile (Balkan Logistics), declaring crmkit's four languages. */
export function fourLanguageProfile(): ClientProfile {
  const profile = loadProfile('balkan-logistics', loadSource());
  return { ...profile, client: 'survey-table-test', languages: [1033, 1049, 1026, 1058] };
}

/** customizations.xml holding only the survey table (no controls or web resources). */
export function tableCustomizationsXml(profile = fourLanguageProfile(), version = '1.0.0.0'): string {
  return writeCustomizationsXml([], [], profile.languages, surveyTableParts(profile, version));
}
