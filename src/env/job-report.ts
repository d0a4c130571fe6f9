/**
 * Reads an import job's `data` report defensively: every element marked `result="failure"` (or
 * `error`) becomes "<component>: <error text>", the component named by the nearest enclosing
 * element with a name. The layout for translation imports is not documented, so nothing else is
 * assumed; a report with a DOCTYPE is not read.
 */
import { decodeEntities } from '../xml/entities';

const tag = /<(\/?)([A-Za-z_][\w.-]*)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g;
const attribute = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

function attributes(text: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const m of text.matchAll(attribute)) {
    const raw = m[2] ?? m[3] ?? '';
    const value = decodeEntities(raw);
    found.set(m[1]!.toLowerCase(), typeof value === 'string' ? value : raw);
  }
  return found;
}

export function importFailures(xml: string): string[] {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) return [];
  const names: (string | undefined)[] = [];
  const failures: string[] = [];
  for (const m of xml.matchAll(tag)) {
    const [, closing, element, attrText, selfClosing] = m;
    if (closing === '/') {
      names.pop();
      continue;
    }
    const a = attributes(attrText ?? '');
    const name = a.get('localizedname') ?? a.get('name') ?? a.get('id');
    const result = a.get('result');
    if (result === 'failure' || result === 'error') {
      const component = [...names, name].filter((n) => n !== undefined && n !== '').pop() ?? element!;
      const code = a.get('errorcode');
      const text = a.get('errortext') ?? a.get('message') ?? 'failed';
      failures.push(`${component}: ${text}${code === undefined || code === '' ? '' : ` (${code})`}`);
    }
    if (selfClosing !== '/') names.push(name);
  }
  return failures;
}
