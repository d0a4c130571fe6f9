// @vitest-environment jsdom
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/browser';
import { bundlePath, controlOutDir, ensureBuiltControl } from '../widgets/funnel/built-control';

const controlDir = path.join(repoRoot, 'controls/SalesFunnel/SalesFunnel');
const manifestXml = readFileSync(path.join(controlDir, 'ControlManifest.Input.xml'), 'utf8');
const manifest = new DOMParser().parseFromString(manifestXml, 'application/xml');
const control = manifest.querySelector('control')!;
const attr = (node: Element, key: string): string => node.getAttribute(key) ?? '';
const byName = (selector: string): Record<string, Element> =>
  Object.fromEntries([...manifest.querySelectorAll(selector)].map((n) => [attr(n, 'name'), n]));

function typesOfGroup(name: string): string[] {
  const group = byName('type-group')[name];
  return group === undefined ? [] : [...group.querySelectorAll('type')].map((t) => t.textContent);
}

/** Interface bodies with whitespace, quotes and semicolons normalised, for comparing declarations. */
function interfaces(source: string): string {
  return [...source.matchAll(/export interface (\w+) \{([^}]*)\}/g)]
    .map(
      ([, name, body]) =>
        `${name}{${body!
          .replace(/\/\/.*$/gm, '')
          .replace(/["']/g, "'")
          .replace(/\s+/g, '')}}`,
    )
    .join('\n');
}

describe('CollabCrm.SalesFunnel manifest', () => {
  it('declares the records data-set with stage, amount and segment property-sets of the issue types', () => {
    expect(attr(control, 'namespace')).toBe('CollabCrm');
    expect(attr(control, 'constructor')).toBe('SalesFunnel');
    expect(attr(control, 'control-type')).toBe('standard');
    expect(attr(manifest.querySelector('data-set')!, 'name')).toBe('records');
    const sets = byName('data-set > property-set');
    expect(attr(sets.stage!, 'required')).toBe('true');
    expect(typesOfGroup(attr(sets.stage!, 'of-type-group'))).toEqual([
      'OptionSet',
      'SingleLine.Text',
      'Lookup.Simple',
    ]);
    expect(attr(sets.amount!, 'required')).toBe('false');
    expect(typesOfGroup(attr(sets.amount!, 'of-type-group'))).toEqual([
      'Currency',
      'Decimal',
      'Whole.None',
      'FP',
    ]);
    expect(typesOfGroup(attr(sets.segment!, 'of-type-group'))).toEqual([
      'OptionSet',
      'SingleLine.Text',
      'Lookup.Simple',
      'TwoOptions',
    ]);
  });

  it('declares stageOrder, mode, metric and maxRecords (default 50,000)', () => {
    const props = byName('control > property');
    expect(attr(props.stageOrder!, 'of-type')).toBe('SingleLine.Text');
    expect([...props.mode!.querySelectorAll('value')].map((v) => attr(v, 'name'))).toEqual([
      'snapshot',
      'reached',
    ]);
    expect([...props.metric!.querySelectorAll('value')].map((v) => attr(v, 'name'))).toEqual([
      'count',
      'amount',
    ]);
    expect(attr(props.maxRecords!, 'of-type')).toBe('Whole.None');
    expect(attr(props.maxRecords!, 'default-value')).toBe('50000');
    // A view column (of a related table, too) to segment by, where the Segment property-set cannot reach it.
    expect([attr(props.segmentColumn!, 'of-type'), attr(props.segmentColumn!, 'required')]).toEqual([
      'SingleLine.Text',
      'false',
    ]);
  });

  it('lists a resx for each language, each holding every key the manifest names', () => {
    const resx = [...manifest.querySelectorAll('resources > resx')].map((r) => attr(r, 'path'));
    expect(resx).toEqual([1033, 1049, 1026, 1058].map((lcid) => `strings/SalesFunnel.${lcid}.resx`));
    const keys = new Set(
      [...manifestXml.matchAll(/(?:display-name-key|description-key)="([^"]+)"/g)].map((m) => m[1]!),
    );
    for (const file of resx) {
      const text = readFileSync(path.join(controlDir, file), 'utf8');
      const names = new Set([...text.matchAll(/<data name="([^"]+)"/g)].map((m) => m[1]!));
      expect(
        [...keys].filter((k) => !names.has(k)),
        file,
      ).toEqual([]);
    }
  });
});

describe('the built SalesFunnel control', () => {
  beforeAll(() => {
    const took = ensureBuiltControl();
    if (took > 0) console.log(`salesfunnel-manifest: built the control in ${took} ms`);
  }, 180_000);

  it('has hand-written manifest types equal to the ones pcf-scripts generates', () => {
    const generated = path.join(controlDir, 'generated/ManifestTypes.d.ts');
    expect(existsSync(generated)).toBe(true);
    const mine = readFileSync(path.join(controlDir, 'manifest-types.ts'), 'utf8');
    expect(interfaces(mine)).toBe(interfaces(readFileSync(generated, 'utf8')));
  });

  it('registers CollabCrm.SalesFunnel from a production bundle (size printed against the 50 KB budget)', () => {
    const bundle = readFileSync(bundlePath);
    expect(bundle.toString('utf8')).toContain("registerControl('CollabCrm.SalesFunnel'");
    expect(existsSync(path.join(controlOutDir, 'ControlManifest.xml'))).toBe(true);
    const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;
    console.log(
      `SalesFunnel bundle.js: ${kb(statSync(bundlePath).size)} minified, ${kb(gzipSync(bundle).length)} gzip (budget 50 KB minified)`,
    );
  });
});
