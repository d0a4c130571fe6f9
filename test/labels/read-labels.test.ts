/**
 * readLabels with a pace (the export's back-pressure): awaited between pieces of the file, and the
 * labels delivered are the same, in the same order, as without it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readLabels } from '../../src/labels/read-labels';
import { openTranslationsSource } from '../../src/labels/source';
import { labelKey } from '../../src/labels/crm-xml/model';
import { minimalXml, row } from './crm-xml/support';

const dir = mkdtempSync(path.join(tmpdir(), 'crmkit-read-labels-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function keysRead(file: string, pace?: (readSoFar: number) => Promise<void>): Promise<string[]> {
  const source = await openTranslationsSource(file, 'big.xml');
  const keys: string[] = [];
  try {
    await readLabels(
      source,
      {
        label: (label) => {
          keys.push(`${labelKey(label)}=${[...label.texts.values()].join('|')}`);
          return undefined;
        },
      },
      { worker: false, pace: pace === undefined ? undefined : () => pace(keys.length) },
    );
  } finally {
    await source.close();
  }
  return keys;
}

describe('readLabels with a pace', () => {
  it('waits for the pace between pieces of the file and reads the same labels in the same order', async () => {
    const rows = Array.from({ length: 6000 }, (_, i) =>
      row(
        'account',
        `00000000-0000-0000-0000-${String(i).padStart(12, '0')}`,
        'DisplayName',
        `Label ${i}`,
        `Метка ${i}`,
      ),
    );
    const file = path.join(dir, 'big.xml');
    writeFileSync(file, minimalXml(rows.join('')));
    const pacedAt: number[] = [];
    const plain = await keysRead(file);
    const withPace = await keysRead(file, async (readSoFar) => {
      pacedAt.push(readSoFar);
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(plain).toHaveLength(6000);
    expect(withPace).toEqual(plain);
    // Paced between pieces: before the first label, and again part-way through the labels.
    expect(pacedAt[0]).toBe(0);
    expect(pacedAt.some((n) => n > 0 && n < 6000)).toBe(true);
  });
});
