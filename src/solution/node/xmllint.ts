/** Process adapter: validates customizations.xml against Microsoft's schema with xmllint. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Finding } from '../findings';

export const SCHEMA_FILE = 'CustomizationsSolution.xsd';

export function hasXmllint(): boolean {
  const r = spawnSync('xmllint', ['--version'], { encoding: 'utf8' });
  return r.error === undefined && r.status === 0;
}

/**
 * Runs `xmllint --noout --schema <xsd>/CustomizationsSolution.xsd` on the bytes; every message
 * xmllint prints becomes an error finding (`customizations.xml › schema line 12`).
 */
export function validateWithXmllint(bytes: Uint8Array, xsdFolder: string): Finding[] {
  const schema = path.join(xsdFolder, SCHEMA_FILE);
  if (!existsSync(schema)) {
    return [
      { severity: 'error', where: schema, message: 'schema not found; pass --xsd <folder holding it>' },
    ];
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'crmkit-xsd-'));
  try {
    const file = path.join(dir, 'customizations.xml');
    writeFileSync(file, bytes);
    const r = spawnSync('xmllint', ['--noout', '--nonet', '--schema', schema, file], { encoding: 'utf8' });
    if (r.error)
      return [
        {
          severity: 'warning',
          where: 'customizations.xml',
          message: `xmllint could not run (${r.error.message})`,
        },
      ];
    if (r.status === 0) return [];
    return r.stderr
      .split('\n')
      .filter((l) => l.trim() !== '' && !l.endsWith('fails to validate'))
      .map((line) => {
        const m =
          /^[^:]*customizations\.xml:(\d+): (?:element \S+: )?(?:Schemas validity error : )?(.*)$/.exec(line);
        return m
          ? {
              severity: 'error' as const,
              where: `customizations.xml › schema line ${m[1]}`,
              message: m[2] ?? line,
            }
          : { severity: 'error' as const, where: 'customizations.xml › schema', message: line };
      });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
