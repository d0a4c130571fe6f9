/** `labels check --glossary` on a translations zip whose glossary problems are planted here. */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { translationsXml, translationsZip, type FixtureLabel } from '../../fixtures/crm-xml/translations';
import { cliWorkspace } from '../../cli/support';

const label = (entity: string, objectId: string, column: string, en: string, ru: string): FixtureLabel => ({
  entity,
  objectId,
  column,
  texts: { 1033: en, 1049: ru },
});

const labels: FixtureLabel[] = [
  label('account', 'ok', 'DisplayName', 'Account name', 'Название организации'),
  label('account', 'forbidden', 'Description', 'Account number', 'Номер счёта'),
  label('lead', 'not-preferred', 'DisplayName', 'Lead source', 'Источник лида'),
  label('opportunity', 'superseded', 'DisplayName', 'Opportunity', 'Шанс'),
  label('lead', 'untranslated', 'Description', 'Lead', ''),
];

const ws = cliWorkspace('crmkit-glossary-check-');
const fixture = (name: string): string => path.join(__dirname, '../../fixtures/glossary', name);
beforeAll(async () => {
  await writeFile(
    path.join(ws.dir, 'Solution.zip'),
    await translationsZip(translationsXml(labels, { languages: [1033, 1049] })),
  );
});

interface Found {
  severity: string;
  code: string;
  key: string;
}

describe('labels check --glossary', () => {
  it.each(['terms.tbx', 'terms.martif.tbx'])(
    'finds the planted problems with %s and fails on the forbidden terms',
    async (name) => {
      const r = await ws.cli(
        'labels',
        'check',
        'Solution.zip',
        '--glossary',
        fixture(name),
        '--json',
        '--quiet',
      );
      const found = (JSON.parse(r.out) as { problems: Found[] }).problems
        .filter((p) => p.code.startsWith('glossary'))
        .map((p) => `${p.severity} ${p.code} ${p.key}`);
      expect(found.sort()).toEqual([
        'error glossary-forbidden account / forbidden / Description',
        'error glossary-forbidden opportunity / superseded / DisplayName',
        'warning glossary-term lead / not-preferred / DisplayName',
      ]);
      expect(r.code).toBe(1);
    },
  );

  it('with a CSV glossary (no forbidden terms) only warns', async () => {
    const r = await ws.cli(
      'labels',
      'check',
      'Solution.zip',
      '--glossary',
      fixture('terms.csv'),
      '--json',
      '--quiet',
    );
    const found = (JSON.parse(r.out) as { problems: Found[] }).problems.filter((p) =>
      p.code.startsWith('glossary'),
    );
    expect(found.map((p) => `${p.severity} ${p.key}`).sort()).toEqual([
      'warning account / forbidden / Description',
      'warning lead / not-preferred / DisplayName',
      'warning opportunity / superseded / DisplayName',
    ]);
  });

  it('refuses a hostile glossary with one line and no report', async () => {
    const r = await ws.cli('labels', 'check', 'Solution.zip', '--glossary', fixture('doctype.tbx'));
    expect(r.code).toBe(3);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/^crmkit: .*doctype\.tbx: a DOCTYPE is not allowed in a glossary\n$/);
  });
});
