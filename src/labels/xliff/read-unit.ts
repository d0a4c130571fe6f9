/**
 * The pieces of the XLIFF reader that are about one element: a unit's start (and its state while
 * it is read), the attributes of `<file>`, and a unit's end, where its segments are joined and the
 * target's placeholders restored from the source's.
 */
import { keyOfUnitName } from './key';
import { InlineCollector } from './inline';
import { restoreTarget } from './placeholders';
import type { ReadXliffHeader, ReadXliffUnit, XliffVersion } from './types';

export interface UnitState {
  unit: ReadXliffUnit;
  /** Depth of the unit element; its children are one deeper. */
  depth: number;
  source: InlineCollector[];
  target: InlineCollector[];
  hasTarget: boolean;
}

export type Attr = (name: string) => string | undefined;

export function startUnit(attr: Attr, nameAttribute: string, line: number, depth: number): UnitState {
  const name = attr(nameAttribute);
  return {
    unit: {
      id: attr('id') ?? '',
      key: name === undefined ? undefined : keyOfUnitName(name),
      source: '',
      target: undefined,
      state: undefined,
      qualifier: undefined,
      approved: attr('approved') === 'yes',
      notes: [],
      line,
      placeholderProblems: [],
    },
    depth,
    source: [],
    target: [],
    hasTarget: false,
  };
}

/** `<file>`: its name; in 1.2 also the languages and what ties it to its source. */
export function readFileAttributes(
  header: ReadXliffHeader,
  attr: Attr,
  version: XliffVersion | undefined,
): void {
  header.sourceName = attr('original') ?? '';
  if (version !== '1.2') return;
  header.sourceLanguage = attr('source-language') ?? '';
  header.targetLanguage = attr('target-language') ?? '';
  header.fingerprint = attr('build-num') ?? '';
  header.solutionName = attr('product-name') ?? '';
}

/** Joins the unit's segments and restores the target's placeholders from the source's. */
export function finishUnit(s: UnitState): ReadXliffUnit {
  const codes = new Map<string, string>();
  for (const c of s.source) for (const [id, code] of c.codes()) if (!codes.has(id)) codes.set(id, code);
  s.unit.source = s.source.map((c) => c.plain()).join('');
  if (s.hasTarget) {
    const restored = restoreTarget(
      s.target.flatMap((c) => c.parts),
      codes,
    );
    s.unit.target = restored.text;
    if (restored.text !== '') s.unit.placeholderProblems = restored.problems;
  }
  return s.unit;
}
