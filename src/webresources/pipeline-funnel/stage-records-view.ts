/**
 * The drill-down table under the funnel: a stage's first records with a link per record that
 * opens its form (`Xrm.Navigation.openForm`, or the record's URL when the page runs on its own).
 * Everything the user typed (names, owners) is set as text.
 */
import { el } from '../../widgets/shared/dom';
import type { Formats, Translate } from '../../widgets/shared/i18n';
import type { NavigationLike } from '../dataverse/xrm-types';
import type { StageRecord } from './stage-records';

export interface StageRecordsViewOptions {
  t: Translate;
  formats: Formats;
  table: string;
  withAmount: boolean;
  withOwner: boolean;
  /** Headers of the records' `extra` texts, listed last. */
  extra?: readonly string[];
  navigation?: NavigationLike;
  /** The organization URL, for plain links when there is no Xrm.Navigation. */
  clientUrl?: string;
}

export type StageRecordsState =
  | { state: 'loading'; stage: string }
  | { state: 'ready'; stage: string; count: number; records: readonly StageRecord[] }
  | { state: 'error'; stage: string; message: string };

function recordUrl(clientUrl: string | undefined, table: string, id: string): string {
  const query = new URLSearchParams({ pagetype: 'entityrecord', etn: table, id });
  return clientUrl === undefined ? '#' : `${clientUrl.replace(/\/+$/, '')}/main.aspx?${query.toString()}`;
}

export function renderStageRecords(
  host: HTMLElement,
  o: StageRecordsViewOptions,
  s: StageRecordsState,
): void {
  const doc = host.ownerDocument;
  const { t, formats } = o;
  host.replaceChildren();
  host.classList.add('crmkit-dash__drill');
  host.setAttribute('aria-busy', String(s.state === 'loading'));
  const title = el(doc, 'h2', {
    className: 'crmkit-dash__drill-title',
    text: t('drill.title', { stage: s.stage }),
  });
  host.append(title);
  if (s.state === 'loading') {
    const status = el(doc, 'p', {
      className: 'crmkit-dash__drill-status',
      text: t('drill.loading', { stage: s.stage }),
    });
    status.setAttribute('role', 'status');
    host.append(status);
    return;
  }
  if (s.state === 'error') {
    const p = el(doc, 'p', {
      className: 'crmkit-dash__drill-status is-error',
      attrs: { role: 'alert' },
      text: s.message,
    });
    host.append(p);
    return;
  }
  // Announced when the list arrives (the title stays for sighted users).
  const status = el(doc, 'p', {
    className: 'crmkit-dash__drill-status',
    text:
      s.records.length === 0
        ? t('drill.empty')
        : t('drill.shown', { shown: formats.number(s.records.length), count: formats.number(s.count) }),
  });
  status.setAttribute('role', 'status');
  host.append(status);
  if (s.records.length === 0) return;
  const table = el(doc, 'table', { className: 'crmkit-dash__table crmkit-dash__drill-table' });
  table.append(
    el(doc, 'caption', { className: 'crmkit-visually-hidden', text: t('drill.title', { stage: s.stage }) }),
  );
  const head = el(doc, 'tr');
  const columns: [string, boolean][] = [
    [t('drill.name'), false],
    ...(o.withAmount ? [[t('drill.amount'), true] as [string, boolean]] : []),
    ...(o.withOwner ? [[t('drill.owner'), false] as [string, boolean]] : []),
    ...(o.extra ?? []).map((label): [string, boolean] => [label, false]),
  ];
  for (const [label, numeric] of columns) {
    const th = el(doc, 'th', { className: numeric ? 'is-number' : undefined, text: label });
    th.scope = 'col';
    head.append(th);
  }
  table.append(el(doc, 'thead'), el(doc, 'tbody'));
  table.tHead?.append(head);
  const body = table.tBodies[0]!;
  for (const record of s.records) {
    const tr = el(doc, 'tr');
    const name = record.name === '' ? t('drill.noName') : record.name;
    const link = el(doc, 'a', { className: 'crmkit-dash__drill-link', text: name });
    link.href = recordUrl(o.clientUrl, o.table, record.id);
    link.target = '_blank';
    link.rel = 'noopener';
    link.setAttribute('data-record', record.id);
    link.setAttribute('aria-label', t('drill.openRecord', { name }));
    const nameCell = el(doc, 'td');
    nameCell.append(link);
    tr.append(nameCell);
    if (o.withAmount) {
      const amount =
        record.amount === null
          ? ''
          : typeof record.amount === 'number'
            ? formats.number(record.amount)
            : record.amount;
      tr.append(el(doc, 'td', { className: 'is-number', text: amount }));
    }
    if (o.withOwner) tr.append(el(doc, 'td', { text: record.owner ?? '' }));
    for (let i = 0; i < (o.extra?.length ?? 0); i++)
      tr.append(el(doc, 'td', { text: record.extra?.[i] ?? '' }));
    body.append(tr);
  }
  const navigation = o.navigation;
  if (navigation !== undefined) {
    table.addEventListener('click', (event) => {
      const link = event.target instanceof Element ? event.target.closest('a[data-record]') : null;
      const id = link?.getAttribute('data-record');
      if (id === null || id === undefined) return;
      event.preventDefault();
      void navigation.openForm({ entityName: o.table, entityId: id });
    });
  }
  host.append(table);
}
