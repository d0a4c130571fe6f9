import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CrmKitError } from '../../../src/errors';
import { columnOfRef } from '../../../src/labels/workbook/sheet-rows';
import { XmlScanner, attribute } from '../../../src/labels/workbook/xml-scan';

type Event = ['open', string, string] | ['close', string] | ['text', string];

/** Scans xml fed in the given chunk sizes; returns the events with adjacent texts merged. */
function scan(xml: string, chunkSizes: readonly number[] = [xml.length]): Event[] {
  const events: Event[] = [];
  const scanner = new XmlScanner('t.xml', {
    open: (name, attributes) => events.push(['open', name, attributes.trim()]),
    close: (name) => events.push(['close', name]),
    text: (text) => {
      const last = events[events.length - 1];
      if (last?.[0] === 'text') last[1] += text;
      else events.push(['text', text]);
    },
  });
  let pos = 0;
  for (let i = 0; pos < xml.length; i++) {
    const size = Math.max(1, chunkSizes[i % chunkSizes.length]!);
    scanner.write(xml.slice(pos, pos + size));
    pos += size;
  }
  scanner.close();
  return events;
}

function failure(xml: string): CrmKitError {
  try {
    scan(xml);
  } catch (e) {
    if (e instanceof CrmKitError) return e;
    throw e;
  }
  throw new Error('expected a CrmKitError');
}

const sample =
  '\uFEFF<?xml version="1.0" encoding="UTF-8"?>\n<!-- made by hand -->' +
  '<x:worksheet xmlns:x="urn:main"><x:sheetData><x:row r="2" spans="1:3">' +
  '<x:c r="B2" t="inlineStr"><x:is><x:t xml:space="preserve"> a &amp; b &lt;c&gt; &#1046;&#x1F680; </x:t></x:is></x:c>' +
  '<x:c r=\'C2\' t="s"><x:v>7</x:v></x:c><x:c/>' +
  '<x:c r="D2"><x:v><![CDATA[<raw> & text]]></x:v></x:c>' +
  '</x:row></x:sheetData></x:worksheet>';

describe('XmlScanner', () => {
  it('reports local names, raw attributes and decoded text', () => {
    const events = scan(sample);
    expect(events).toContainEqual(['open', 'row', 'r="2" spans="1:3"']);
    expect(events).toContainEqual(['text', ' a & b <c> Ж🚀 ']);
    expect(events).toContainEqual(['text', '<raw> & text']);
    expect(events).toContainEqual(['open', 'c', 'r=\'C2\' t="s"']);
    expect(events.filter((e) => e[0] === 'open' && e[1] === 'c')).toHaveLength(4);
    expect(events.filter((e) => e[0] === 'close' && e[1] === 'c')).toHaveLength(4);
  });

  it('gives the same events however the input is cut into chunks', () => {
    const whole = scan(sample);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 8 }), (sizes) => {
        expect(scan(sample, sizes)).toEqual(whole);
      }),
    );
  });

  it.each([
    ['<!DOCTYPE w [<!ENTITY x "y">]><w/>', 'XML_DOCTYPE', 'a DOCTYPE is not allowed'],
    ['<w>&nbsp;</w>', 'NOT_A_WORKBOOK', 'unknown entity &nbsp;'],
    ['<w>a & b</w>', 'NOT_A_WORKBOOK', 'a bare & in text'],
    ['<w>bell&#7;</w>', 'NOT_A_WORKBOOK', 'character reference &#7; to a character XML cannot carry'],
    ['<w><row>', 'NOT_A_WORKBOOK', 'the part ends too early'],
    ['<w></w><w/>', 'NOT_A_WORKBOOK', 'content after the root element'],
    ['<w></w></w>', 'NOT_A_WORKBOOK', 'content after the root element'],
    ['text<w/>', 'NOT_A_WORKBOOK', 'text outside the root element'],
  ])('refuses %s', (xml, code, message) => {
    const e = failure(xml);
    expect(e.code).toBe(code);
    expect(e.message).toContain(message);
    expect(e.message).toMatch(/^t\.xml: /);
  });
});

describe('attribute', () => {
  it.each([
    [' r="A1" t="s"', 'r', 'A1'],
    [' r="A1" t="s"', 't', 's'],
    [" t = 'inlineStr'", 't', 'inlineStr'],
    [' xr:uid="1" r="B2"', 'r', 'B2'],
    [' ht="15" t="a&amp;b"', 't', 'a&b'],
    [' rt="x"', 't', undefined],
    [' s="1"', 'r', undefined],
  ])('finds in %j the attribute %s = %j', (attrs, name, value) => {
    expect(attribute(attrs, name, 't.xml')).toBe(value);
  });
});

describe('columnOfRef', () => {
  it.each([
    ['A1', 1],
    ['e14', 5],
    ['Z9', 26],
    ['AA10', 27],
    ['XFD1', 16384],
    ['1', undefined],
    ['ABCD1', undefined],
    ['A', undefined],
  ])('reads %s as column %s', (ref, col) => {
    expect(columnOfRef(ref)).toBe(col);
  });
});
