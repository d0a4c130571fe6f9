/**
 * `solution check` as one call: reads a solution zip, checks its entries, controls, web
 * resources, root components and content types, and validates customizations.xml against
 * CustomizationsSolution.xsd with xmllint when the schema is at hand.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { CrmKitError } from '../../errors';
import { inputError } from '../../fs/open-input';
import { checkSolutionZip } from '../check';
import { relaxNewerItems } from '../newer-items';
import { decodeUtf8, utf8Encoder } from '../xml';
import { DEFAULT_ZIP_LIMITS } from '../zip-read';
import type { Finding } from '../findings';
import { findProjectRoot } from './project';
import { hasXmllint, SCHEMA_FILE, validateWithXmllint } from './xmllint';

export interface CheckFileOptions {
  /** The zip's path. */
  file: string;
  /** How reports name the zip (the path as the user gave it). */
  name: string;
  /** Folder with CustomizationsSolution.xsd; by default ../shared/xsd beside the project, when there. */
  xsd?: string;
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
}

/** What `solution check` found, as `--json` prints it. */
export interface SolutionCheckReport {
  file: string;
  ok: boolean;
  errors: number;
  warnings: number;
  /** How the schema check went: valid against …, invalid, or why it was not checked. */
  schema: string;
  findings: Finding[];
}

/** The given folder, else `../shared/xsd` beside the project when it holds the schema, else none. */
function schemaFolder(options: CheckFileOptions): string | undefined {
  if (options.xsd !== undefined) return options.xsd;
  try {
    const auto = path.join(findProjectRoot(options.cwd, options.env), '..', 'shared', 'xsd');
    return existsSync(path.join(auto, SCHEMA_FILE)) ? auto : undefined;
  } catch {
    return undefined;
  }
}

/**
 * What xmllint validates: a zip crmkit packed as it is (the strict 9.0 schema); any other zip with
 * the newer items of today's exports blanked out (src/solution/newer-items.ts), those with a value
 * of the wrong kind reported.
 */
function schemaInput(
  bytes: Uint8Array,
  packedByCrmkit: boolean,
): { bytes: Uint8Array; accepted: number; found: Finding[] } {
  if (packedByCrmkit) return { bytes, accepted: 0, found: [] };
  const relaxed = relaxNewerItems(decodeUtf8(bytes));
  const found = relaxed.problems.map((p) => ({
    severity: 'error' as const,
    where: `customizations.xml › schema line ${p.line}`,
    message: p.message,
  }));
  return { bytes: utf8Encoder.encode(relaxed.xml), accepted: relaxed.accepted, found };
}

export function checkSolutionFile(options: CheckFileOptions): SolutionCheckReport {
  let bytes: Uint8Array;
  try {
    const size = statSync(options.file).size;
    // A zip cannot hold less than it weighs (stored entries), so one over the total limit is refused unread.
    if (size > DEFAULT_ZIP_LIMITS.maxTotalBytes) {
      const mb = (n: number): string => `${Math.round(n / 1024 / 1024)} MB`;
      throw new CrmKitError(
        'ZIP_TOO_LARGE',
        `${options.name}: ${mb(size)}, solution zips are read up to ${mb(DEFAULT_ZIP_LIMITS.maxTotalBytes)}`,
      );
    }
    bytes = new Uint8Array(readFileSync(options.file));
  } catch (e) {
    throw inputError(e, options.name);
  }
  const result = checkSolutionZip(bytes, options.name);
  const findings: Finding[] = [...result.findings];
  const folder = schemaFolder(options);
  let schema = 'not checked (no --xsd and no ../shared/xsd beside the project)';
  if (folder !== undefined && result.customizationsXml) {
    if (hasXmllint()) {
      const {
        bytes: checked,
        accepted,
        found,
      } = schemaInput(result.customizationsXml, result.packedByCrmkit);
      found.push(...validateWithXmllint(checked, folder));
      findings.push(...found);
      const newer = accepted > 0 ? ` (${accepted} newer items of today's exports accepted)` : '';
      schema =
        found.length === 0 ? `valid against ${path.join(folder, SCHEMA_FILE)}${newer}` : `invalid${newer}`;
    } else {
      schema = 'not checked: xmllint is not installed (Debian package libxml2-utils)';
      findings.push({ severity: 'warning', where: 'customizations.xml', message: `schema ${schema}` });
    }
  }
  const errors = findings.filter((f) => f.severity === 'error').length;
  return {
    file: options.name,
    ok: errors === 0,
    errors,
    warnings: findings.length - errors,
    schema,
    findings,
  };
}
