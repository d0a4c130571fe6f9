// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { append, el, uniqueId } from '../../../src/widgets/shared/dom';

describe('the element builder', () => {
  it('sets text as text, so markup in record data stays visible and inert', () => {
    const markup = '<img src=x onerror="alert(1)">';
    const node = el(document, 'p', { text: markup }, [markup]);
    expect(node.textContent).toBe(markup + markup);
    expect(node.querySelector('img')).toBeNull();
    expect(node.childNodes).toHaveLength(2);
  });

  it('writes the class, then the attributes in order, leaving out undefined and false', () => {
    const node = el(document, 'button', {
      className: 'crmkit-funnel__stage',
      attrs: {
        type: 'button',
        'aria-pressed': 'true',
        'data-stage': 2,
        hidden: false,
        'data-x': undefined,
        disabled: true,
      },
    });
    expect(node.outerHTML).toBe(
      '<button class="crmkit-funnel__stage" type="button" aria-pressed="true" data-stage="2" disabled=""></button>',
    );
  });

  it('leaves the class out when it is undefined', () => {
    expect(el(document, 'td', { className: undefined, text: 'x' }).hasAttribute('class')).toBe(false);
  });

  it('puts the text before the children and skips the children that are nothing', () => {
    const child = el(document, 'span', { text: 'b' });
    const node = el(document, 'div', { text: 'a' }, [child, null, undefined, false, 'c']);
    expect(node.outerHTML).toBe('<div>a<span>b</span>c</div>');
    append(node, ['d', null, el(document, 'i')]);
    expect(node.outerHTML).toBe('<div>a<span>b</span>cd<i></i></div>');
  });

  it('attaches event handlers', () => {
    let clicks = 0;
    const node = el(document, 'button', { on: { click: () => clicks++ } });
    node.click();
    node.click();
    expect(clicks).toBe(2);
  });

  it('gives ids that differ from one call to the next', () => {
    const a = uniqueId('crmkit-survey');
    const b = uniqueId('crmkit-survey');
    expect(a).toMatch(/^crmkit-survey-\d+$/);
    expect(b).not.toBe(a);
  });
});
