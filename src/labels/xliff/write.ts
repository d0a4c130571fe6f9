/**
 * Writes XLIFF 1.2 (the default: every CAT tool and translate-toolkit read it) or 2.0 as strings:
 * `xliffHead`, one `xliffUnit` per label, `xliffTail`, so an export streams them into a file.
 * Pure. Every file validates against the OASIS schemas (1.2 strict, 2.0 core).
 */
import { xmlEscaper } from '../../xml/escape';
import { VERSION } from '../../version';
import { tagOfLcid } from '../memory/languages';
import { unitName } from './key';
import { inlineXml, sourceParts, targetParts, escapeXliffText } from './placeholders';
import {
  XLIFF_12_NS,
  XLIFF_20_NS,
  XLIFF_MAX_WIDTH,
  XLIFF_MDA_NS,
  type XliffFileInfo,
  type XliffUnit,
} from './types';

/** Attribute values keep their line breaks and tabs (a parser would turn them into spaces). */
const attr = xmlEscaper('&<>"\'\r\n\t');

const TOOL = 'crmkit';

function headerNote(info: XliffFileInfo): string {
  return (
    `Exported by crmkit from ${info.sourceName}${info.solutionName === '' ? '' : ` (solution ${info.solutionName})`}; ` +
    `bring it back with: crmkit labels import <this file> --into ${info.sourceName}`
  );
}

/** Everything before the first unit. */
export function xliffHead(info: XliffFileInfo): string {
  const src = attr(tagOfLcid(info.baseLcid));
  const trg = attr(tagOfLcid(info.targetLcid));
  const decl = '<?xml version="1.0" encoding="UTF-8"?>\n';
  if (info.version === '1.2') {
    return (
      decl +
      `<xliff version="1.2" xmlns="${XLIFF_12_NS}">\n` +
      `<file original="${attr(info.sourceName)}" source-language="${src}" target-language="${trg}" ` +
      `datatype="plaintext" product-name="${attr(info.solutionName)}" build-num="${attr(info.fingerprint)}" tool-id="${TOOL}">\n` +
      `<header><tool tool-id="${TOOL}" tool-name="${TOOL}" tool-version="${attr(VERSION)}"/>` +
      `<note from="${TOOL}">${escapeXliffText(headerNote(info))}</note></header>\n<body>\n`
    );
  }
  const meta = (type: string, value: string): string =>
    `<mda:meta type="${type}">${escapeXliffText(value)}</mda:meta>`;
  return (
    decl +
    `<xliff xmlns="${XLIFF_20_NS}" xmlns:mda="${XLIFF_MDA_NS}" version="2.0" srcLang="${src}" trgLang="${trg}">\n` +
    `<file id="f1" original="${attr(info.sourceName)}">\n` +
    `<mda:metadata><mda:metaGroup category="${TOOL}">` +
    meta('fingerprint', info.fingerprint) +
    meta('solution', info.solutionName) +
    meta('tool', `${TOOL} ${VERSION}`) +
    `</mda:metaGroup></mda:metadata>\n` +
    `<notes><note category="${TOOL}">${escapeXliffText(headerNote(info))}</note></notes>\n`
  );
}

/**
 * Everything after the last unit. A 2.0 `<file>` needs at least one unit or group: a file without
 * units (`--missing-only` with nothing missing) gets an empty group.
 */
export function xliffTail(info: Pick<XliffFileInfo, 'version'>, units: number): string {
  if (info.version === '1.2') return '</body>\n</file>\n</xliff>\n';
  return `${units === 0 ? '<group id="empty"/>\n' : ''}</file>\n</xliff>\n`;
}

function unit12(unit: XliffUnit, index: number): string {
  const source = sourceParts(unit.source);
  const hasTarget = unit.target !== undefined && unit.target !== '';
  const approved = hasTarget && unit.state === 'translated' ? ' approved="yes"' : '';
  let target = '';
  if (hasTarget) {
    const state =
      unit.state === 'translated'
        ? 'state="translated"'
        : unit.state === 'needs-review'
          ? `state="needs-review-translation" state-qualifier="${unit.qualifier ?? 'leveraged-tm'}"`
          : 'state="needs-translation"';
    target = `<target ${state}>${inlineXml(targetParts(unit.target!, source), '1.2')}</target>`;
  }
  const notes = unit.notes.map((n) => `<note from="${TOOL}">${escapeXliffText(n)}</note>`).join('');
  return (
    `<trans-unit id="${index}" resname="${attr(unitName(unit.key))}" maxwidth="${XLIFF_MAX_WIDTH}" ` +
    `size-unit="char" xml:space="preserve"${approved}>` +
    `<source>${inlineXml(source, '1.2')}</source>${target}${notes}</trans-unit>\n`
  );
}

const SUB_STATE: Readonly<Record<string, string>> = {
  'leveraged-tm': 'crmkit:leveraged-tm',
  'mt-suggestion': 'crmkit:mt',
};

function unit20(unit: XliffUnit, index: number): string {
  const source = sourceParts(unit.source);
  const hasTarget = unit.target !== undefined && unit.target !== '';
  const state = !hasTarget
    ? 'state="initial"'
    : unit.state === 'translated'
      ? 'state="final"'
      : unit.state === 'needs-review'
        ? `state="translated" subState="${SUB_STATE[unit.qualifier ?? 'leveraged-tm']}"`
        : 'state="initial"';
  const target = hasTarget ? `<target>${inlineXml(targetParts(unit.target!, source), '2.0')}</target>` : '';
  const notes =
    unit.notes.length === 0
      ? ''
      : `<notes>${unit.notes.map((n) => `<note category="${TOOL}">${escapeXliffText(n)}</note>`).join('')}</notes>`;
  return (
    `<unit id="u${index}" name="${attr(unitName(unit.key))}" xml:space="preserve">${notes}` +
    `<segment ${state}><source>${inlineXml(source, '2.0')}</source>${target}</segment></unit>\n`
  );
}

/** One unit; `index` (1, 2 …) makes its id, unique within the file. */
export function xliffUnit(unit: XliffUnit, index: number, info: Pick<XliffFileInfo, 'version'>): string {
  return info.version === '1.2' ? unit12(unit, index) : unit20(unit, index);
}

/** A whole document in one string (for small files and tests; exports stream the three parts). */
export function writeXliff(units: Iterable<XliffUnit>, info: XliffFileInfo): string {
  let out = xliffHead(info);
  let i = 0;
  for (const u of units) out += xliffUnit(u, ++i, info);
  return out + xliffTail(info, i);
}
