import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeEntities, XML_ILLEGAL } from '../../src/xml/entities';
import { escapeAttribute, escapeText, xmlEscaper } from '../../src/xml/escape';

describe('XML escaping', () => {
  it('escapes &, < and > in element text and leaves quotes alone', () => {
    expect(escapeText(`a < b && c > "d" 'e'`)).toBe(`a &lt; b &amp;&amp; c &gt; "d" 'e'`);
  });

  it('escapes all five predefined characters in an attribute value', () => {
    expect(escapeAttribute(`<a href="x">'&'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;',
    );
  });

  it('returns a text with nothing to escape unchanged', () => {
    const text = 'Заказ на продажу 42';
    expect(escapeText(text)).toBe(text);
    expect(escapeAttribute(text)).toBe(text);
  });

  it('writes characters without a predefined entity as decimal references', () => {
    const escape = xmlEscaper('&<>"\r\t\n');
    expect(escape('a\r\nb\tc & "d"')).toBe('a&#13;&#10;b&#9;c &amp; &quot;d&quot;');
  });

  it('escapes only the characters it is made for, even those special in a regular expression', () => {
    expect(xmlEscaper('&')('<&>')).toBe('<&amp;>');
    expect(xmlEscaper(']^-\\')('a-b]c^d\\e')).toBe('a&#45;b&#93;c&#94;d&#92;e');
  });

  it('decodes what it escapes, for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const legal = text.replace(new RegExp(XML_ILLEGAL.source, 'gu'), '');
        expect(decodeEntities(escapeAttribute(legal))).toBe(legal);
        expect(decodeEntities(escapeText(legal))).toBe(legal);
      }),
    );
  });
});

describe('XML entity decoding', () => {
  it('decodes the five predefined entities and decimal and hexadecimal references', () => {
    expect(decodeEntities('&lt;a&gt; &amp; &quot;b&quot; &apos;c&apos; &#1071;&#x44f; &#x1F600;')).toBe(
      `<a> & "b" 'c' Яя 😀`,
    );
  });

  it('returns a text without & unchanged', () => {
    expect(decodeEntities('plain text; no references')).toBe('plain text; no references');
  });

  it.each([
    ['&nbsp;', { kind: 'unknown-entity', entity: '&nbsp;', excerpt: '&nbsp;' }],
    ['a &custom-thing; b', { kind: 'unknown-entity', entity: '&custom-thing;', excerpt: '&custom-thin' }],
    ['&constructor;', { kind: 'unknown-entity', entity: '&constructor;', excerpt: '&constructor' }],
    ['Sales & Marketing', { kind: 'bare-ampersand', excerpt: '& Marketing' }],
    ['a & b; c', { kind: 'bare-ampersand', excerpt: '& b; c' }],
    ['&#12a;', { kind: 'bare-ampersand', excerpt: '&#12a;' }],
    ['&#1;', { kind: 'illegal-character', reference: '&#1;', excerpt: '&#1;' }],
    ['&#xD800;', { kind: 'illegal-character', reference: '&#xD800;', excerpt: '&#xD800;' }],
    ['&#x110000;', { kind: 'illegal-character', reference: '&#x110000;', excerpt: '&#x110000;' }],
  ])('refuses %j with a fault that says why', (text, fault) => {
    expect(decodeEntities(text)).toEqual(fault);
  });
});

describe('the XML module', () => {
  it('imports no Node module, so browser code may use it', () => {
    for (const file of ['escape.ts', 'entities.ts']) {
      const source = readFileSync(path.join(import.meta.dirname, '../../src/xml', file), 'utf8');
      expect(source, file).not.toMatch(/from '(node:|\.\.\/)/);
    }
  });
});
