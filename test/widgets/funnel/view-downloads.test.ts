// @vitest-environment jsdom
/**
 * The view's Download buttons: shown only when the host can make files, handing it what is shown
 * (the chosen segment, or all records when segments are compared), and saying so when it fails.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Downloads } from '../../../src/widgets/funnel/download-bar';
import { computeFunnel } from '../../../src/widgets/funnel/model';
import { createFunnelView } from '../../../src/widgets/funnel/view';
import { createFormats } from '../../../src/widgets/shared/i18n';
import { funnelT } from './export-sample';

function mount(downloads?: Downloads): HTMLElement {
  const host = document.createElement('div');
  document.body.appendChild(host);
  const view = createFunnelView(host, {
    t: funnelT(1049),
    formats: createFormats(1049),
    ...(downloads === undefined ? {} : { downloads }),
  });
  const seg = (key: string) => ({ key, label: key });
  const funnel = computeFunnel(
    {
      kind: 'records',
      records: [
        { id: '1', stage: { key: 'a', label: 'A' }, amount: 1, segment: seg('North') },
        { id: '2', stage: { key: 'b', label: 'B' }, amount: 2, segment: seg('South') },
      ],
    },
    {},
  );
  view.update({ state: 'ready', funnel, currency: {}, hasAmount: true });
  return host;
}
const click = (root: HTMLElement, selector: string): void => {
  root.querySelector<HTMLElement>(selector)!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
};

afterEach(() => document.body.replaceChildren());

describe('the funnel view with downloads', () => {
  it('shows no Download buttons when the host makes no files', () => {
    expect(mount().querySelector('[data-download]')).toBeNull();
  });

  it('names the three buttons in the user language', () => {
    const root = mount(() => Promise.resolve());
    expect([...root.querySelectorAll('[data-download]')].map((b) => b.textContent)).toEqual([
      'Скачать CSV',
      'Скачать изображение (SVG)',
      'Скачать изображение (PNG)',
    ]);
  });

  it('hands the host the segment shown, and all records while segments are compared', () => {
    const downloads = vi.fn<Downloads>(() => Promise.resolve());
    const root = mount(downloads);
    click(root, '[data-chip="South"]');
    click(root, '[data-download="png"]');
    click(root, '[data-compare]');
    click(root, '[data-download="csv"]');
    expect(downloads.mock.calls.map(([kind, s]) => [kind, s.segmentKey, s.hasAmount])).toEqual([
      ['png', 'South', true],
      ['csv', null, true],
    ]);
  });

  it('says in the user language that the file could not be made', async () => {
    const root = mount(() => Promise.reject(new Error('canvas refused')));
    click(root, '[data-download="svg"]');
    await vi.waitFor(() =>
      expect(root.querySelector('[role="alert"]')?.textContent).toBe(
        'Не удалось создать файл: canvas refused',
      ),
    );
  });
});
