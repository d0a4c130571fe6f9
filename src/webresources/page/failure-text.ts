/** Any failure of a dashboard page as a localized title and detail lines (never a stack). */
import type { Translate } from '../../widgets/shared/i18n';
import { TooManyPartsError } from '../dataverse/aggregate-split';
import { ConfigError } from '../params/data-params';
import { DataverseError } from '../dataverse/dataverse-errors';

export interface FailureText {
  title: string;
  lines: string[];
}

export function describeFailure(e: unknown, t: Translate, table: string): FailureText {
  if (e instanceof ConfigError) {
    return {
      title: t('error.config'),
      lines: e.problems.map((p) => t('error.configLine', { param: p.param, message: t(p.key, p.values) })),
    };
  }
  if (e instanceof TooManyPartsError) {
    return { title: t('error.tooManyParts', { parts: e.maxParts }), lines: [] };
  }
  if (e instanceof DataverseError) {
    const f = e.failure;
    switch (f.kind) {
      case 'privilege':
        return {
          title: t('error.privilege', { table }),
          lines: [t('error.privilegeHint', { privilege: f.privilege ?? '—' })],
        };
      case 'throttled':
        return { title: t('error.throttled'), lines: [f.message] };
      case 'aggregateLimit':
      case 'other':
        return { title: t('error.load'), lines: [f.message] };
    }
  }
  return { title: t('error.load'), lines: [e instanceof Error ? e.message : String(e)] };
}
