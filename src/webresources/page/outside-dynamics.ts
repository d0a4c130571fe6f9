/**
 * What a page shows when it is opened outside Dynamics (from a file or a plain web server): how to
 * add it to a dashboard, in the browser's language, instead of an empty page.
 */
import { el } from '../../widgets/shared/dom';
import { translatorFor } from './catalogue';

export type PageName = 'pipeline-funnel' | 'survey-insights';

export function renderOutsideHelp(root: HTMLElement, lcid: number, page: PageName): void {
  const t = translatorFor(lcid, 'dashboard');
  const doc = root.ownerDocument;
  root.replaceChildren();
  root.removeAttribute('aria-busy');
  root.classList.add('crmkit-widget', 'crmkit-dash', 'crmkit-dash--outside');
  doc.title = t('outside.title');
  const header = el(doc, 'header', { className: 'crmkit-dash__header' });
  header.append(el(doc, 'h1', { className: 'crmkit-dash__title', text: t('outside.title') }));
  header.append(el(doc, 'p', { className: 'crmkit-dash__subtitle', text: t(`${page}.title`) }));
  const intro = el(doc, 'p', { className: 'crmkit-dash__outside-intro', text: t('outside.intro') });
  const steps = el(doc, 'ol', { className: 'crmkit-dash__outside-steps' });
  // Dataverse web resource names allow no '-': crmkit solution ships pipeline_funnel.html.
  const file = `<prefix>_/crmkit/${page.replace(/-/g, '_')}.html`;
  for (const key of ['outside.step1', 'outside.step2', 'outside.step3', 'outside.step4']) {
    steps.append(el(doc, 'li', { text: t(key, { file }) }));
  }
  const example = el(doc, 'p', { className: 'crmkit-dash__outside-example', text: t('outside.example') });
  const code = el(doc, 'code', {
    className: 'crmkit-dash__code',
    text:
      page === 'pipeline-funnel'
        ? 'table=opportunity&stage=salesstage&amount=estimatedvalue&segment=customertypecode'
        : 'table=account&responses=crmkit_surveyresponses&period=12m',
  });
  example.append(' ', code);
  root.append(
    header,
    intro,
    steps,
    example,
    el(doc, 'p', { className: 'crmkit-dash__outside-more', text: t('outside.more') }),
  );
}
