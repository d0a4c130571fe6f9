/** The subtitle of a page: which records and which period it shows, in the user's language. */
import type { Formats, Translate } from '../../widgets/shared/i18n';
import type { RecordFilter } from './data-params';
import type { PeriodSpec } from './period';

export function periodText(spec: PeriodSpec, t: Translate, formats: Formats): string {
  const date = (iso: string): string => formats.date(new Date(`${iso}T12:00:00Z`));
  switch (spec.kind) {
    case 'all':
      return t('period.all');
    case 'days':
      return t('period.days', { count: spec.count });
    case 'months':
      return t('period.months', { count: spec.count });
    case 'ytd':
      return t('period.ytd');
    case 'between':
      if (spec.from !== undefined && spec.to !== undefined) {
        return t('period.between', { from: date(spec.from), to: date(spec.to) });
      }
      return spec.from !== undefined
        ? t('period.since', { from: date(spec.from) })
        : t('period.until', { to: date(spec.to!) });
  }
}

export function scopeText(
  table: string,
  filter: RecordFilter,
  period: PeriodSpec,
  t: Translate,
  formats: Formats,
): string {
  const which = filter.kind === 'view' ? t('filter.view') : t(`filter.${filter.kind}`);
  return [table, which, periodText(period, t, formats)].join(' · ');
}
