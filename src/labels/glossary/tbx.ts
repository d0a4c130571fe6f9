/**
 * TBX termbases: v3 (`<tbx>`, TBX-Basic: conceptEntry › langSec › termSec › term) and v2
 * (`<martif>`: termEntry › langSet › tig/ntig › term), with `termNote type="administrativeStatus"`.
 * Parsed with saxes; a DOCTYPE (and so any entity) is refused like every XML input.
 */
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { CrmKitError } from '../../errors';
import type { Lcid } from '../crm-xml/model';
import { lcidOfTag } from '../memory/languages';
import type { Concept, Glossary, Term, TermStatus } from './model';

const STATUS: Readonly<Record<string, TermStatus>> = {
  'preferredterm-admn-sts': 'preferred',
  'admittedterm-admn-sts': 'admitted',
  'deprecatedterm-admn-sts': 'deprecated',
  'supersededterm-admn-sts': 'deprecated',
  // TBX v2 files often write the plain words.
  preferredterm: 'preferred',
  admittedterm: 'admitted',
  deprecatedterm: 'deprecated',
  supersededterm: 'deprecated',
};

const CONCEPT = new Set(['conceptEntry', 'termEntry']);
const LANGUAGE = new Set(['langSec', 'langSet']);
const TERM_GROUP = new Set(['termSec', 'tig', 'ntig']);

const local = (name: string): string => name.slice(name.indexOf(':') + 1);

interface State {
  concept: { id: string; terms: Map<Lcid, Term[]> } | undefined;
  lcid: Lcid | undefined;
  term: { text: string; status: string } | undefined;
  /** What text is being collected: a term or its status note. */
  collecting: 'term' | 'status' | undefined;
  /** Inside termSec/tig/ntig (else a `<term>` stands alone in its language). */
  grouped: boolean;
}

export function parseTbx(xml: string, name: string): Glossary {
  const parser = new SaxesParser<{ xmlns: false; position: true }>({ xmlns: false, position: true });
  const fail = (why: string): CrmKitError =>
    new CrmKitError('GLOSSARY_MALFORMED', `${name}:${parser.line}: ${why}`);
  parser.on('doctype', () => {
    throw new CrmKitError('XML_DOCTYPE', `${name}: a DOCTYPE is not allowed in a glossary`);
  });
  const concepts: Concept[] = [];
  const s: State = {
    concept: undefined,
    lcid: undefined,
    term: undefined,
    collecting: undefined,
    grouped: false,
  };
  let root: string | undefined;

  const endTerm = (): void => {
    if (s.term === undefined || s.concept === undefined || s.lcid === undefined) return;
    const text = s.term.text.trim();
    if (text !== '') {
      const status = STATUS[s.term.status.trim().toLowerCase()] ?? 'admitted';
      const list = s.concept.terms.get(s.lcid) ?? [];
      list.push({ text, status });
      s.concept.terms.set(s.lcid, list);
    }
    s.term = undefined;
  };

  parser.on('opentag', (tag: SaxesTagPlain) => {
    const el = local(tag.name);
    if (root === undefined) {
      root = el;
      if (el !== 'tbx' && el !== 'martif') throw fail(`<${tag.name}> is not a TBX root (tbx or martif)`);
    }
    if (CONCEPT.has(el)) {
      s.concept = { id: tag.attributes.id ?? `#${concepts.length + 1}`, terms: new Map() };
    } else if (LANGUAGE.has(el)) {
      const lang = tag.attributes['xml:lang'] ?? tag.attributes.lang;
      if (lang === undefined) throw fail(`<${tag.name}> without xml:lang`);
      s.lcid = lcidOfTag(lang);
    } else if (TERM_GROUP.has(el)) {
      s.term = { text: '', status: '' };
      s.grouped = true;
    } else if (el === 'term') {
      if (!s.grouped) endTerm();
      s.term ??= { text: '', status: '' };
      s.collecting = 'term';
    } else if (el === 'termNote' && tag.attributes.type === 'administrativeStatus' && s.term !== undefined) {
      s.collecting = 'status';
    }
  });
  parser.on('text', (text) => {
    if (s.term === undefined || s.collecting === undefined) return;
    if (s.collecting === 'term') s.term.text += text;
    else s.term.status += text;
  });
  parser.on('closetag', (tag: SaxesTagPlain) => {
    const el = local(tag.name);
    if (el === 'term' || el === 'termNote') s.collecting = undefined;
    if (TERM_GROUP.has(el)) {
      endTerm();
      s.grouped = false;
    } else if (LANGUAGE.has(el)) {
      endTerm();
      s.lcid = undefined;
    } else if (CONCEPT.has(el) && s.concept !== undefined) {
      if (s.concept.terms.size > 0) concepts.push(s.concept);
      s.concept = undefined;
    }
  });
  try {
    parser.write(xml).close();
  } catch (e) {
    if (e instanceof CrmKitError) throw e;
    const detail = e instanceof Error ? (e.message.split('\n')[0] ?? '') : String(e);
    throw new CrmKitError('GLOSSARY_MALFORMED', `${name}: damaged XML (${detail})`);
  }
  if (root === undefined) throw new CrmKitError('GLOSSARY_MALFORMED', `${name}: no XML element`);
  return { name, concepts };
}
