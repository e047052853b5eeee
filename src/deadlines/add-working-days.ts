import type { Nation } from './bank-holidays-schema.js';
import type { Calendar, DayInfo } from './calendar.js';
import { addDays, dayNumber, weekdayShort } from './iso-date.js';

/** A weekday passed over because it is a holiday in a division that counts. */
export interface SkippedHoliday {
  date: string;
  weekday: string;
  /** The holiday names on that date, joined with " / " when divisions name it differently. */
  title: string;
  /** Every division (of those that count) keeping a holiday that day. */
  nations: Nation[];
  /** Each name with the divisions that use it. */
  holidays: { title: string; nations: Nation[] }[];
  projected: boolean;
}

/** The outcome of walking the calendar. */
export interface Walk {
  /** The day reached. */
  date: string;
  /** The first working day after the start (working-day counts only). */
  day1: string | null;
  skipped: SkippedHoliday[];
  weekendDays: number;
  /** Some day looked at relies on projected holidays. */
  projected: boolean;
}

/** A DayInfo's holidays as a SkippedHoliday record. */
export function toSkipped(info: DayInfo, nations: readonly Nation[]): SkippedHoliday {
  const holidays = info.holidays.map((h) => ({ title: h.title, nations: h.nations.filter((n) => nations.includes(n)) }));
  const union = new Set(holidays.flatMap((h) => h.nations));
  return {
    date: info.date,
    weekday: weekdayShort(info.date),
    title: holidays.map((h) => h.title).join(' / '),
    nations: [...union],
    holidays,
    projected: info.projected,
  };
}

/**
 * Counts `n` working days after `start`: the start is day 0 whatever kind of day it is, day 1
 * is the next working day, and the result is the nth. A day is non-working if it is a weekend
 * or a holiday in any of `nations`. Weekday holidays passed over are listed in `skipped`.
 */
export function addWorkingDays(calendar: Calendar, start: string, n: number, nations: readonly Nation[]): Walk {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`working-day count must be a positive integer, got ${n}`);
  let date = start;
  let counted = 0;
  let day1: string | null = null;
  const skipped: SkippedHoliday[] = [];
  let weekendDays = 0;
  let projected = calendar.dayInfo(start, nations).projected;
  while (counted < n) {
    date = addDays(date, 1);
    const info = calendar.dayInfo(date, nations);
    projected ||= info.projected;
    if (info.working) {
      counted += 1;
      if (counted === 1) day1 = date;
    } else if (info.weekend) {
      weekendDays += 1;
    } else {
      skipped.push(toSkipped(info, nations));
    }
  }
  return { date, day1, skipped, weekendDays, projected };
}

/** The date itself if it is a working day, otherwise the next working day, with what was passed over. */
export function rollToWorkingDay(calendar: Calendar, date: string, nations: readonly Nation[]): Walk {
  let current = date;
  const skipped: SkippedHoliday[] = [];
  let weekendDays = 0;
  let projected = false;
  for (;;) {
    const info = calendar.dayInfo(current, nations);
    projected ||= info.projected;
    if (info.working) return { date: current, day1: null, skipped, weekendDays, projected };
    if (info.weekend) weekendDays += 1;
    else skipped.push(toSkipped(info, nations));
    current = addDays(current, 1);
  }
}

/** Working days in the span after `fromExclusive` up to and including `toInclusive` (0 if empty). */
export function workingDaysBetween(
  calendar: Calendar,
  fromExclusive: string,
  toInclusive: string,
  nations: readonly Nation[],
): number {
  let count = 0;
  const end = dayNumber(toInclusive);
  let date = addDays(fromExclusive, 1);
  while (dayNumber(date) <= end) {
    if (calendar.dayInfo(date, nations).working) count += 1;
    date = addDays(date, 1);
  }
  return count;
}
