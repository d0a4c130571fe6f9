/** What `solution check` reports: an error fails the check, a warning does not. */
export interface Finding {
  severity: 'error' | 'warning';
  /** Entry and element: `solution.xml › RootComponents`, `Controls/x/ControlManifest.xml`. */
  where: string;
  message: string;
}

export class Findings {
  readonly list: Finding[] = [];
  error(where: string, message: string): void {
    this.list.push({ severity: 'error', where, message });
  }
  warning(where: string, message: string): void {
    this.list.push({ severity: 'warning', where, message });
  }
  get errors(): number {
    return this.list.filter((f) => f.severity === 'error').length;
  }
  get warnings(): number {
    return this.list.filter((f) => f.severity === 'warning').length;
  }
}

/** One line per finding, errors first, then a summary line. */
export function formatFindings(file: string, findings: readonly Finding[]): string {
  const sorted = [...findings].sort((a, b) =>
    a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1,
  );
  const lines = sorted.map(
    (f) => `${f.severity === 'error' ? 'error  ' : 'warning'} ${f.where}: ${f.message}`,
  );
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  lines.push(
    errors === 0
      ? `${file}: OK${warnings > 0 ? ` (${warnings} warning${warnings === 1 ? '' : 's'})` : ''}`
      : `${file}: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`,
  );
  return `${lines.join('\n')}\n`;
}
