import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CrmKitError } from '../../../src/errors';
import { checkSolutionZip } from '../../../src/solution/check';
import { packSolution } from '../../../src/solution/pack';
import { validateProfile } from '../../../src/solution/profile';
import { readZip } from '../../../src/solution/zip-read';
import { fakeOutputs, loadProfile, loadSource, repoRoot } from '../fakes';

const source = loadSource();
const text = (bytes: Uint8Array | undefined): string => new TextDecoder().decode(bytes);

async function packed(client: string) {
  const profile = loadProfile(client, source);
  const zip = await packSolution({ profile, source, managed: false, ...fakeOutputs() });
  const { files } = readZip(zip.bytes, zip.fileName);
  const manifestPath = [...files.keys()].find((k) => k.endsWith('CollabSurvey/ControlManifest.xml'));
  return {
    zip,
    customizations: text(files.get('customizations.xml')),
    solution: text(files.get('solution.xml')),
    manifest: text(manifestPath === undefined ? undefined : files.get(manifestPath)),
  };
}

describe('solution pack in records mode (Balkan Logistics: defaults.survey.storage = records)', () => {
  it('sets the survey control’s responseTable default to <prefix>_surveyresponse', async () => {
    const { manifest } = await packed('balkan-logistics');
    expect(manifest).toMatch(/<property name="responseTable"[^>]* default-value="blg_surveyresponse"/);
  });

  it('writes the table, its role and its relationships into customizations.xml', async () => {
    const { customizations } = await packed('balkan-logistics');
    expect(customizations.match(/<Entity>/g)).toHaveLength(1);
    expect(customizations).toContain('<entity Name="blg_surveyresponse">');
    expect(customizations).toMatch(/<Role id="\{[0-9a-f-]{36}\}" name="Участник в анкети">/);
    expect([...customizations.matchAll(/<EntityRelationship Name="([^"]+)">/g)].map((m) => m[1])).toEqual([
      'activity_pointer_blg_surveyresponse',
      'account_blg_surveyresponses',
      'contact_blg_surveyresponses',
      'opportunity_blg_surveyresponses',
      'incident_blg_surveyresponses',
      'blg_surveyresponse_blg_contactid_contact',
    ]);
  });

  it('lists the table, role, views, chart and forms as root components of their types', async () => {
    const { solution, customizations } = await packed('balkan-logistics');
    const roots = [
      ...solution.matchAll(/<RootComponent type="(\d+)" (?:schemaName="([^"]+)"|id="\{([^}]+)\}")/g),
    ];
    const byType = (t: string): string[] => roots.filter((r) => r[1] === t).map((r) => r[2] ?? r[3] ?? '');
    expect(byType('1')).toEqual(['blg_surveyresponse']);
    expect(byType('20')).toHaveLength(1);
    expect(byType('26')).toHaveLength(7);
    expect(byType('59')).toHaveLength(1);
    expect(byType('60')).toHaveLength(2);
    const idsIn = (tag: string): string[] =>
      [...customizations.matchAll(new RegExp(`<${tag}>\\{([^}]+)\\}</${tag}>`, 'g'))].map((m) => m[1] ?? '');
    expect(byType('26').sort()).toEqual(idsIn('savedqueryid').sort());
    expect(byType('59')).toEqual(idsIn('savedqueryvisualizationid'));
    expect(byType('60').sort()).toEqual(idsIn('formid').sort());
    expect(customizations).toContain(`<Role id="{${byType('20')[0]}}"`);
  });

  it('gives the same ids on every pack, so a new release updates rather than duplicates', async () => {
    expect((await packed('balkan-logistics')).solution).toBe((await packed('balkan-logistics')).solution);
  });

  it('passes solution check with no findings', async () => {
    const { zip } = await packed('balkan-logistics');
    expect(checkSolutionZip(zip.bytes, zip.fileName).findings).toEqual([]);
  });

  it('refuses a survey control build without the responseTable input, naming it', async () => {
    const profile = loadProfile('balkan-logistics', source);
    const outputs = fakeOutputs();
    const survey = new Map(outputs.controls.get('survey'));
    const manifest = text(survey.get('ControlManifest.xml')).replace(
      /\s*<property name="responseTable"[^>]*\/>/,
      '',
    );
    survey.set('ControlManifest.xml', new TextEncoder().encode(manifest));
    const controls = new Map(outputs.controls).set('survey', survey);
    const error = await packSolution({ profile, source, managed: false, ...outputs, controls }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CrmKitError);
    expect((error as CrmKitError).problems.map((p) => p.message)).toContainEqual(
      expect.stringContaining('has no input property responseTable'),
    );
  });
});

describe('solution pack in column mode (the default)', () => {
  it('writes no table, role or relationship and leaves responseTable unset', async () => {
    const { customizations, solution, manifest } = await packed('contoso');
    expect(customizations).toContain('<Entities />');
    expect(customizations).toContain('<Roles />');
    expect(customizations).toContain('<EntityRelationships />');
    expect(solution).not.toMatch(/RootComponent type="(1|20|26|59|60)"/);
    expect(manifest).not.toContain('blg_surveyresponse');
    expect(manifest).not.toMatch(/name="responseTable"[^>]*default-value/);
  });
});

describe('the profile field defaults.survey.storage', () => {
  const balkan = (): Record<string, unknown> =>
    JSON.parse(
      readFileSync(path.join(repoRoot, 'solutions/clients/balkan-logistics.json'), 'utf8'),
    ) as Record<string, unknown>;

  it('refuses a value other than column or records in one line naming the file and the field', () => {
    const data = balkan();
    ((data.defaults as Record<string, unknown>).survey as Record<string, unknown>).storage = 'rows';
    let error: unknown;
    try {
      validateProfile(data, 'clients/balkan-logistics.json', source);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CrmKitError);
    const e = error as CrmKitError;
    expect(e.code).toBe('PROFILE_INVALID');
    expect(e.problems).toEqual([
      {
        where: 'clients/balkan-logistics.json › defaults.survey.storage',
        message:
          'must be column (one JSON document per record) or records (one survey response activity per response) (got "rows")',
      },
    ]);
  });

  it.each(['column', 'records', undefined])('accepts %s', (storage) => {
    const data = balkan();
    ((data.defaults as Record<string, unknown>).survey as Record<string, unknown>).storage = storage;
    expect(validateProfile(data, 'x.json', source).defaults?.survey?.storage).toBe(storage);
  });
});
