/**
 * End to end: the survey control as `solution pack` ships it for a client with its own survey
 * (balkan-logistics: Bulgarian base language, three questions) asks that client's questions. The
 * BUILT control folder is taken out of the packed zip and run in the project's host page
 * (test/browser/host/), which gives the control, as a form that leaves *Survey definition* unset
 * does, the packed manifest's default-value of that input.
 */
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readControlManifest } from '../../src/solution/manifest';
import { readFolder } from '../../src/solution/node/outputs';
import { packSolution } from '../../src/solution/pack';
import { readZip } from '../../src/solution/zip-read';
import { decodeUtf8 } from '../../src/solution/xml';
import { ensureControlBuilt } from '../browser/host/build-control';
import { browserUnavailableReason, serveStatic } from '../support/browser';
import { browserSession } from '../support/browser-session';
import { fakeOutputs, loadProfile, loadSource } from './fakes';

const skipReason = browserUnavailableReason();
if (skipReason !== undefined) console.warn(`packed survey control test ${skipReason}`);

describe.skipIf(skipReason !== undefined)("the packed survey control asks the client's questions", () => {
  const source = loadSource();
  const profile = loadProfile('balkan-logistics', source);
  let folder: string;
  let definition: string | undefined;

  beforeAll(async () => {
    const built = await ensureControlBuilt('CollabSurvey', ['src/widgets/survey', 'src/widgets/shared']);
    const outputs = fakeOutputs();
    const controls = new Map(outputs.controls).set('survey', readFolder(built));
    const packed = await packSolution({ profile, source, managed: false, ...outputs, controls });
    const { files } = readZip(packed.bytes, packed.fileName);
    const prefix = `Controls/${profile.publisher.prefix}_CollabCrm.CollabSurvey/`;
    folder = mkdtempSync(path.join(os.tmpdir(), 'crmkit-packed-survey-'));
    for (const [name, bytes] of files) {
      if (!name.startsWith(prefix)) continue;
      const file = path.join(folder, name.slice(prefix.length));
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, bytes);
    }
    const manifest = readControlManifest(decodeUtf8(files.get(`${prefix}ControlManifest.xml`)!), 'manifest');
    definition = manifest.properties.find((p) => p.name === 'definition')?.defaultValue;
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  const session = browserSession(() =>
    serveStatic([path.join(import.meta.dirname, '../browser/host'), folder]),
  );

  it('in the base language of the client, from the default of its definition input', async () => {
    expect(definition).toBeDefined();
    const page = await session.browser.newPage({ viewport: { width: 840, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${session.server.url}/index.html`);
    await page.evaluate(
      async (raw) =>
        window.crmkitHost.mount({
          lcid: 1026,
          width: 760,
          parameters: { responses: { raw: null, attributes: { MaxLength: 1048576 } }, definition: { raw } },
        }),
      definition!,
    );
    await page.click('[data-action="add"]');
    const questions = await page
      .locator('[data-question]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-question')));
    expect(questions).toEqual(['delivery', 'ontime', 'nps']);
    const form = await page.locator('.crmkit-survey__form').innerText();
    expect(form).toContain('Колко сте доволни от доставката?');
    expect(form).toContain('Пратката пристигна ли навреме?');
    expect(errors).toEqual([]);
    await page.close();
  });
});
