/**
 * Reads XLIFF 1.2 or 2.0 as written by crmkit and re-saved by a CAT tool: attributes in any order,
 * namespace prefixes, `alt-trans`, `approved`, extra notes, `<mrk>` segments and a tool's own
 * namespaces are all fine. Streaming (saxes), a DOCTYPE is refused (no entity definitions, so no
 * entity expansion); only XML's predefined entities exist. What is not XLIFF is XLIFF_MALFORMED
 * naming the file and line.
 */
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { CrmKitError } from '../../errors';
import { lcidOfTag } from '../memory/languages';
import { InlineCollector } from './inline';
import { finishUnit, readFileAttributes, startUnit, type Attr, type UnitState } from './read-unit';
import {
  XLIFF_12_NS,
  XLIFF_20_NS,
  XLIFF_MDA_NS,
  type ReadXliffHeader,
  type ReadXliffUnit,
  type XliffVersion,
} from './types';

export interface ReadXliffResult {
  header: ReadXliffHeader;
  units: ReadXliffUnit[];
}

/** Parses a whole XLIFF document; `fileName` names it in messages. */
export function readXliff(text: string, fileName: string): ReadXliffResult {
  const parser = new SaxesParser<{ xmlns: true; position: true }>({ xmlns: true, position: true });
  let failure: { line: number; message: string; code: 'XLIFF_MALFORMED' | 'XML_DOCTYPE' } | undefined;
  const fail = (message: string, code: 'XLIFF_MALFORMED' | 'XML_DOCTYPE' = 'XLIFF_MALFORMED'): void => {
    failure ??= { line: parser.line, message, code };
  };
  let version: XliffVersion | undefined;
  let ns = '';
  const header: ReadXliffHeader = {
    version: '1.2',
    sourceName: '',
    fingerprint: '',
    solutionName: '',
    sourceLanguage: '',
    targetLanguage: '',
    baseLcid: undefined,
    targetLcid: undefined,
  };
  const units: ReadXliffUnit[] = [];
  let depth = 0;
  let files = 0;
  /** Depth of an element whose whole content is ignored (alt-trans, a tool's own elements). */
  let ignoreFrom = 0;
  let current: UnitState | undefined;
  let collector: InlineCollector | undefined;
  let collectorDepth = 0;
  let note: { text: string } | undefined;
  let meta: { type: string; text: string } | undefined;

  parser.on('doctype', () => fail('a DOCTYPE is not allowed in an XLIFF file', 'XML_DOCTYPE'));
  parser.on('error', (err) => fail(err.message.replace(/^(\S*:)?\d+:\d+: /, '')));
  parser.on('opentag', (tag: SaxesTagNS) => {
    depth += 1;
    const attr: Attr = (n) => {
      const a = tag.attributes[n];
      return a === undefined || a.uri !== '' ? undefined : a.value;
    };
    if (ignoreFrom > 0) return;
    if (collector !== undefined) {
      collector.open(tag.local, tag.uri === ns, attr);
      return;
    }
    if (depth === 1) {
      version = tag.uri === XLIFF_12_NS ? '1.2' : tag.uri === XLIFF_20_NS ? '2.0' : undefined;
      if (tag.local !== 'xliff' || version === undefined) {
        fail(
          `the root element is <${tag.name}>${tag.uri === '' ? '' : ` in ${tag.uri}`}, expected <xliff> of XLIFF 1.2 or 2.0`,
        );
        return;
      }
      ns = tag.uri;
      header.version = version;
      header.sourceLanguage = attr('srcLang') ?? '';
      header.targetLanguage = attr('trgLang') ?? '';
      return;
    }
    if (tag.uri === XLIFF_MDA_NS && tag.local === 'meta' && current === undefined) {
      meta = { type: attr('type') ?? '', text: '' };
      return;
    }
    if (tag.uri !== ns) {
      if (tag.uri !== XLIFF_MDA_NS) ignoreFrom = depth;
      return;
    }
    switch (tag.local) {
      case 'file':
        files += 1;
        if (files > 1) fail('more than one <file>; crmkit writes one per language');
        readFileAttributes(header, attr, version);
        return;
      case 'alt-trans':
      case 'seg-source':
      case 'context-group':
        ignoreFrom = depth;
        return;
      case 'trans-unit':
      case 'unit':
        current = startUnit(attr, version === '1.2' ? 'resname' : 'name', parser.line, depth);
        return;
      case 'segment':
        if (current !== undefined && current.unit.state === undefined) {
          current.unit.state = attr('state');
          current.unit.qualifier = attr('subState');
        }
        return;
      case 'source':
      case 'target':
        if (current === undefined) return;
        collector = new InlineCollector();
        (tag.local === 'source' ? current.source : current.target).push(collector);
        if (tag.local === 'target') {
          current.hasTarget = true;
          if (version === '1.2') {
            current.unit.state = attr('state');
            current.unit.qualifier = attr('state-qualifier');
          }
        }
        collectorDepth = depth;
        return;
      case 'note':
        note = { text: '' };
        return;
      default:
        return;
    }
  });
  parser.on('text', (t) => {
    if (ignoreFrom > 0) return;
    if (collector !== undefined) collector.text(t);
    else if (note !== undefined) note.text += t;
    else if (meta !== undefined) meta.text += t;
  });
  parser.on('cdata', (t) => {
    if (ignoreFrom === 0 && collector !== undefined) collector.text(t);
  });
  parser.on('closetag', (tag: SaxesTagNS) => {
    const closing = depth;
    depth -= 1;
    if (ignoreFrom > 0) {
      if (closing === ignoreFrom) ignoreFrom = 0;
      return;
    }
    if (collector !== undefined) {
      if (closing === collectorDepth) collector = undefined;
      else collector.close();
      return;
    }
    if (meta !== undefined && tag.local === 'meta') {
      if (meta.type === 'fingerprint') header.fingerprint = meta.text;
      if (meta.type === 'solution') header.solutionName = meta.text;
      meta = undefined;
      return;
    }
    if (note !== undefined && tag.local === 'note') {
      if (current !== undefined) current.unit.notes.push(note.text);
      note = undefined;
      return;
    }
    if (current !== undefined && closing === current.depth) {
      units.push(finishUnit(current));
      current = undefined;
    }
  });

  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') fail('the file is empty, expected an <xliff> document');
  else parser.write(body);
  if (failure === undefined) parser.close();
  if (failure === undefined && files === 0) fail('no <file> element');
  if (failure !== undefined) {
    throw new CrmKitError(
      failure.code,
      `${fileName}:${failure.line}: not a valid XLIFF file: ${failure.message}`,
    );
  }
  header.baseLcid = lcidOfTag(header.sourceLanguage);
  header.targetLcid = header.targetLanguage === '' ? undefined : lcidOfTag(header.targetLanguage);
  return { header, units };
}
