import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasXmllint, SCHEMA_FILE, validateWithXmllint } from '../../../src/solution/node/xmllint';
import { surveyTableParts } from '../../../src/solution/survey-table';
import { repoRoot } from '../fakes';
import { fourLanguageProfile, tableCustomizationsXml } from './support';

// `CRMKIT_UPDATE_GOLDEN=1 npx vitest run test/solution/survey-table/golden-xsd.test.ts` rewrites the
// golden copies after an intended change (then review the diff).
const goldenDir = path.join(repoRoot, 'test/fixtures/solution/golden/survey-table');
const update = process.env.CRMKIT_UPDATE_GOLDEN === '1';

describe('the survey table XML against golden files', () => {
  const parts = surveyTableParts(fourLanguageProfile(), '1.0.0.0');
  it.each([
    ['entity.xml', parts.entities],
    ['role.xml', parts.roles],
    ['relationships.xml', parts.relationships],
  ])('writes the same %s', (name, lines) => {
    const file = path.join(goldenDir, name);
    const actual = `${lines.join('\n')}\n`;
    if (update || !existsSync(file)) {
      mkdirSync(goldenDir, { recursive: true });
      writeFileSync(file, actual);
    }
    expect(actual === readFileSync(file, 'utf8'), `survey-table/${name} differs from its golden copy`).toBe(
      true,
    );
  });
});

// Microsoft's schema lives beside the repository (../shared/xsd); xmllint comes from libxml2-utils.
const xsd = path.resolve(repoRoot, '../shared/xsd');
const skipReason = !existsSync(path.join(xsd, SCHEMA_FILE))
  ? `skipping the survey table's schema validation: ${path.join(xsd, SCHEMA_FILE)} does not exist`
  : !hasXmllint()
    ? "skipping the survey table's schema validation: xmllint is not installed (Debian package libxml2-utils)"
    : undefined;
if (skipReason !== undefined) console.warn(skipReason);

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe.skipIf(skipReason !== undefined)("the survey table against Microsoft's 9.0 schema (xmllint)", () => {
  it('validates the table, forms, views, chart, relationships and role in four languages', () => {
    expect(validateWithXmllint(bytes(tableCustomizationsXml()), xsd)).toEqual([]);
  });

  it('validates with the longest prefix, the highest option value prefix and a language crmkit has no texts in', () => {
    const base = fourLanguageProfile();
    const profile = {
      ...base,
      languages: [1031, 1033],
      publisher: { ...base.publisher, prefix: 'abcdefgh', optionValuePrefix: 99999 },
    };
    const xml = tableCustomizationsXml(profile, '9.9.9.999');
    expect(xml).toContain('<option value="999990004">');
    expect(xml).toContain('<LocalizedName description="Survey response" languagecode="1031" />');
    expect(validateWithXmllint(bytes(xml), xsd)).toEqual([]);
  });

  it.each([
    ['a column type the schema does not know', '<Type>int</Type>', '<Type>wholenumber</Type>', /Type/],
    ['a privilege level that does not exist', 'level="Global"', 'level="Everyone"', /level/],
    [
      'a form without its names',
      /<LocalizedNames>\s*<LocalizedName description="Survey response"[^]*?<\/LocalizedNames>\s*<Descriptions>\s*<Description description="The main form[^]*?<\/Descriptions>/,
      '',
      /LocalizedNames|systemform/,
    ],
    [
      'a view id that is no GUID',
      /<savedqueryid>\{[^}]*\}<\/savedqueryid>/,
      '<savedqueryid>my-view</savedqueryid>',
      /savedqueryid/,
    ],
  ] as const)('rejects %s, naming its line', (_what, from, to, message) => {
    const broken = tableCustomizationsXml().replace(from, to);
    expect(broken).not.toBe(tableCustomizationsXml());
    const findings = validateWithXmllint(bytes(broken), xsd);
    expect(findings.length).toBeGreaterThan(0);
    expect(findings[0]?.where).toMatch(/^customizations\.xml › schema line \d+$/);
    expect(findings.map((f) => f.message).join('\n')).toMatch(message);
  });
});
