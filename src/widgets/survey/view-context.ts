import type { Formats, Translate } from '../shared/i18n';
import { localized, type Question, type SurveyDefinition } from './definition';

/** What every survey view needs: strings, number/date formats, the user's language, the questions. */
export interface SurveyViewContext {
  doc: Document;
  t: Translate;
  formats: Formats;
  lcid: number;
  definition: SurveyDefinition;
  /** Records mode: the label of a role or channel option value (from the table's metadata). */
  choiceLabel?: (kind: 'role' | 'channel', id: string) => string | undefined;
}

export const ROLE_IDS = ['sales', 'service', 'delivery', 'management', 'other'] as const;
export const CHANNEL_IDS = ['phone', 'visit', 'email', 'meeting', 'chat', 'case', 'other'] as const;

export function questionLabel(ctx: SurveyViewContext, q: Question): string {
  const own = localized(q.text, ctx.lcid, ctx.definition.baseLanguage);
  if (own !== undefined) return own;
  return q.textKey === undefined ? q.id : ctx.t(q.textKey);
}

/** A role or channel id shown in the user's language; text from another writer is shown as is. */
export function labelOf(ctx: SurveyViewContext, kind: 'role' | 'channel', id: string): string {
  const known: readonly string[] = kind === 'role' ? ROLE_IDS : CHANNEL_IDS;
  return ctx.choiceLabel?.(kind, id) ?? (known.includes(id) ? ctx.t(`${kind}.${id}`) : id);
}

/** A date shown in the user's language; an unreadable one as written. */
export function formatTime(ctx: SurveyViewContext, iso: string): string {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : ctx.formats.dateTime(new Date(ms));
}
