/**
 * What a page shows when it is opened outside Dynamics (from a file or a plain web server): how to
 * add it to a dashboard, in the browser's language, instead of an empty page.
 */
import { translatorFor } from './catalogue';
import { h } from './page-shell';

export type PageName = 'pipeline-funnel' | 'survey-insights';

export function renderOutsideHelp(root: HTMLElement, lcid: number, page: PageName): void {
  const t = translatorFor(lcid, 'dashboard');
  const doc = root.ownerDocument;
  root.replaceChildren();
  root.removeAttribute('aria-busy');
  root.classList.add('crmkit-widget', 'crmkit-dash', 'crmkit-dash--outside');
  doc.title = t('outside.title');
  const header = h(doc, 'header', 'crmkit-dash__header');
  header.append(h(doc, 'h1', 'crmkit-dash__title', t('outside.title')));
  header.append(h(doc, 'p', 'crmkit-dash__subtitle', t(`${page}.title`)));
  const intro = h(doc, 'p', 'crmkit-dash__outside-intro', t('outside.intro'));
  const steps = h(doc, 'ol', 'crmkit-dash__outside-steps');
  // Dataverse web resource names allow no '-': crmkit solution ships pipeline_funnel.html.
  const file = `<prefix>_/crmkit/${page.replace(/-/g, '_')}.html`;
  for (const key of ['outside.step1', 'outside.step2', 'outside.step3', 'outside.step4']) {
    steps.append(h(doc, 'li', undefined, t(key, { file })));
  }
  const example = h(doc, 'p', 'crmkit-dash__outside-example', t('outside.example'));
  const code = h(
    doc,
    'code',
    'crmkit-dash__code',
    page === 'pipeline-funnel'
      ? 'table=opportunity&stage=salesstage&amount=estimatedvalue&segment=customertypecode'
      : 'table=account&responses=crmkit_surveyresponses&period=12m',
  );
  example.append(' ', code);
  root.append(header, intro, steps, example, h(doc, 'p', 'crmkit-dash__outside-more', t('outside.more')));
}
