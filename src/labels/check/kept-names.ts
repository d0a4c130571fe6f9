/**
 * Texts a translator usually leaves as they are: product and brand names, acronyms, codes, URLs,
 * numbers. A translation identical to such a base text is not reported. Teams add their own names
 * with `labels check --keep <file>` (one name per line, `#` starts a comment).
 */

export const DEFAULT_KEPT_NAMES: readonly string[] = [
  'Microsoft',
  'Dynamics 365',
  'Microsoft Dynamics 365',
  'Dataverse',
  'Power Apps',
  'Power Automate',
  'Power BI',
  'Power Pages',
  'Copilot',
  'Azure',
  'Outlook',
  'Teams',
  'Microsoft Teams',
  'SharePoint',
  'OneDrive',
  'OneNote',
  'Exchange',
  'Excel',
  'Word',
  'LinkedIn',
  'Facebook',
  'YouTube',
  'Google',
  'Skype',
  'Bing',
  'OK',
];

/** Parses a keep-list file: one name per line, blank lines and `#` comments ignored. */
export function parseKeptNames(text: string): string[] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

export type KeptNamePredicate = (text: string) => boolean;

/** Builds the predicate once: the default names plus the team's, compared without case. */
export function keptNames(extra: readonly string[] = [], includeDefaults = true): KeptNamePredicate {
  const names = new Set<string>();
  for (const n of includeDefaults ? [...DEFAULT_KEPT_NAMES, ...extra] : extra)
    names.add(n.trim().toLowerCase());
  return (text) => {
    const t = text.trim();
    if (t === '') return true;
    if (names.has(t.toLowerCase())) return true;
    // Numbers, punctuation, symbols: nothing to translate.
    if (!/\p{L}/u.test(t)) return true;
    // URLs, e-mail addresses, identifiers (pl_salesorder, devkit.Button.Save), acronyms (VAT, ID, CRM).
    if (/^(https?:\/\/|www\.)\S+$/i.test(t)) return true;
    if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(t)) return true;
    if (/^[\p{L}\p{N}]+([_.][\p{L}\p{N}]+)+$/u.test(t)) return true;
    if (/^\p{Lu}[\p{Lu}\p{N}]{0,5}$/u.test(t)) return true;
    return false;
  };
}
