/** Placeholders and markup survive a round trip through a service, or the result is refused. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mask, restore, type MaskStyle } from '../../../src/labels/translate/protect';

const styles: MaskStyle[] = ['xml', 'html', 'plain'];

describe('masking', () => {
  it.each([
    ['xml', 'Save {0} & <b>close</b>', 'Save <x id="1"/> &amp; <x id="2"/>close<x id="3"/>'],
    [
      'html',
      'Step %1 of %2',
      'Step <span class="notranslate" id="p1">%1</span> of <span class="notranslate" id="p2">%2</span>',
    ],
    ['plain', 'Hello %s & {0}', 'Hello <x id="1"/> & <x id="2"/>'],
  ] as const)('%s: "%s"', (style, text, masked) => {
    expect(mask(text, style).text).toBe(masked);
  });

  it('wraps glossary terms in dynamic dictionary markup for Azure, escaped', () => {
    expect(mask('Account & more', 'html', [{ term: 'Account', translation: 'Организация "A"' }]).text).toBe(
      '<mstrans:dictionary translation="Организация &quot;A&quot;">Account</mstrans:dictionary> &amp; more',
    );
  });
});

describe('restoring', () => {
  it.each([
    ['a lost placeholder', 'Сохранить &amp; <x id="2"/>закрыть<x id="3"/>', 'lost {0}'],
    ['a repeated placeholder', '<x id="1"/> <x id="1"/> <x id="2"/><x id="3"/>', '{0} twice'],
    ['an invented tag id', '<x id="1"/><x id="2"/><x id="3"/><x id="4"/>', 'an unknown tag <x id="4"/>'],
    [
      'markup the base has not',
      '<x id="1"/> <i>&amp;</i> <x id="2"/><x id="3"/>',
      'markup the base text does not have',
    ],
  ])('refuses %s', (_what, answer, why) => {
    const masked = mask('Save {0} & <b>close</b>', 'xml');
    expect(restore(answer, masked, 'xml')).toEqual({ ok: false, why });
  });

  it('puts placeholders back where the service moved them', () => {
    const masked = mask('Save {0} of {1}', 'xml');
    expect(restore('<x id="2"/>: сохранить <x id="1"/>', masked, 'xml')).toEqual({
      ok: true,
      text: '{1}: сохранить {0}',
    });
  });

  const protectedPart = fc.constantFrom('{0}', '{1}', '{12}', '%1', '%s', '%d', '<b>', '</b>', '<br/>');
  const plainPart = fc.string({ maxLength: 8 }).filter((s) => !/[{}<>%]/.test(s));
  const text = fc.array(fc.oneof(protectedPart, plainPart), { maxLength: 8 }).map((parts) => parts.join(''));

  it.each(styles)('gives back exactly the text a service returns unchanged (%s)', (style) => {
    fc.assert(
      fc.property(text, (t) => {
        const masked = mask(t, style);
        expect(restore(masked.text, masked, style)).toEqual({ ok: true, text: t });
      }),
    );
  });
});
