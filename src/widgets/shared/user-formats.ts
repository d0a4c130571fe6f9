import { createFormats, type Formats } from './i18n';
import type { SurveyContext } from '../../../controls/CollabSurvey/CollabSurvey/host-input';

/**
 * Number and date formats in the user's language, with times shown in the user's Dynamics time zone
 * (its offset from `userSettings`), not the browser's.
 */
export function userFormats(context: Pick<SurveyContext, 'userSettings'>, lcid: number): Formats {
  const utc = createFormats(lcid, 'UTC');
  const settings = context.userSettings;
  if (typeof settings.getTimeZoneOffsetMinutes !== 'function') return createFormats(lcid);
  const shift = (d: Date): Date => new Date(d.getTime() + settings.getTimeZoneOffsetMinutes(d) * 60_000);
  return { ...utc, date: (d) => utc.date(shift(d)), dateTime: (d) => utc.dateTime(shift(d)) };
}
