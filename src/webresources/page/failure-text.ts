/**
 * Any failure of a dashboard page as a localized headline, localized lines and, collapsed under
 * them, the server's own text (never a stack, never the server's English as the headline).
 */
import type { Translate } from '../../widgets/shared/i18n';
import { TooManyPartsError } from '../dataverse/aggregate-split';
import { ConfigError } from '../params/data-params';
import { DataverseError, type DataverseFailure } from '../dataverse/dataverse-errors';

export interface FailureText {
  title: string;
  lines: string[];
  /** What the server or the browser said, for the collapsed details part. */
  details?: string;
}

function describeDataverse(f: DataverseFailure, t: Translate, table: string): FailureText {
  const details = f.message;
  switch (f.kind) {
    case 'privilege':
      return f.privilege === undefined
        ? { title: t('error.privilege', { table }), lines: [t('error.privilegeHint')], details }
        : {
            title: t('error.privilegeNamed', { table, privilege: f.privilege }),
            lines: [t('error.privilegeHint')],
            details,
          };
    case 'throttled':
      return {
        title:
          f.attempts === undefined
            ? t('error.throttled')
            : t('error.throttledAfter', { attempts: f.attempts }),
        lines: [],
        details,
      };
    case 'notFound':
      return { title: t('error.notFound'), lines: [], details };
    case 'concurrency':
    case 'aggregateLimit':
    case 'other':
      return { title: t('error.load'), lines: [], details };
  }
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
  if (e instanceof DataverseError) return describeDataverse(e.failure, t, table);
  return { title: t('error.load'), lines: [], details: e instanceof Error ? e.message : String(e) };
}
