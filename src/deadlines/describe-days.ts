import { NATION_LABEL, NATION_NAME, NATIONS, type Nation } from './bank-holidays-schema.js';
import type { CalendarScope } from './deadline-rule.js';
import type { SkippedDay } from './deadline-result.js';
import { formatDayLong, formatDayShort } from './iso-date.js';

/** `[E&W+Scot+NI]`, or `[NI only]` for a single division out of several. */
export function nationsLabel(nations: readonly Nation[], outOf: readonly Nation[] = NATIONS): string {
  const ordered = NATIONS.filter((n) => nations.includes(n));
  const text = ordered.map((n) => NATION_LABEL[n]).join('+');
  return ordered.length < outOf.length && outOf.length > 1 ? `[${text} only]` : `[${text}]`;
}

/** "Fri 25 Dec Christmas Day [E&W+Scot+NI]" (with the year when `withYear`). */
export function describeSkipped(day: SkippedDay, withYear = false, outOf: readonly Nation[] = NATIONS): string {
  const when = withYear ? formatDayLong(day.date) : formatDayShort(day.date);
  const names = day.holidays.map((h) => `${h.title} ${nationsLabel(h.nations, outOf)}`).join(' / ');
  return `${when} ${names}${day.projected ? ' (projected)' : ''}`;
}

/** The divisions whose holidays count under a calendar scope. */
export function scopeNations(scope: CalendarScope, nation: Nation): Nation[] {
  if (scope === 'uk-any') return [...NATIONS];
  if (scope === 'council') return [nation];
  return [];
}

/** One sentence saying which days do not count. */
export function describeCalendar(scope: CalendarScope, nation: Nation): string {
  if (scope === 'uk-any') {
    return 'Working days exclude Saturdays, Sundays, Christmas Day, Good Friday and bank holidays in any part of the UK (England and Wales, Scotland, Northern Ireland).';
  }
  if (scope === 'council') {
    return `Working days exclude Saturdays, Sundays, Christmas Day, Good Friday and bank holidays in ${NATION_NAME[nation]} (the council's nation).`;
  }
  return 'Calendar days: no adjustment for weekends or bank holidays.';
}
