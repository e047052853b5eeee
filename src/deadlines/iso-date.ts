/**
 * Calendar arithmetic on ISO dates (`YYYY-MM-DD`) with no time zone and no clock.
 * Every date is a whole civil day; internally a day number counts days since 1970-01-01.
 */

const MS_PER_DAY = 86_400_000;
const ISO_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Short weekday names, indexed like `Date#getUTCDay` (0 = Sunday). */
export const WEEKDAY_SHORT = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
/** Full weekday names, indexed like `Date#getUTCDay` (0 = Sunday). */
export const WEEKDAY_LONG = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
/** Full month names, index 0 = January. */
export const MONTH_LONG = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

/** A date split into its parts; `month` runs 1–12. */
export interface DateParts {
  year: number;
  month: number;
  day: number;
}

/** Number of days in a month (`month` 1–12), leap years included. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Whether the parts name a real day (so 31/02 is rejected). */
export function isRealDate(parts: DateParts): boolean {
  const { year, month, day } = parts;
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

/** Formats parts as `YYYY-MM-DD`; throws if they are not a real date. */
export function toIso(parts: DateParts): string {
  if (!isRealDate(parts)) throw new RangeError(`not a real date: ${JSON.stringify(parts)}`);
  const pad = (n: number, width: number): string => String(n).padStart(width, '0');
  return `${pad(parts.year, 4)}-${pad(parts.month, 2)}-${pad(parts.day, 2)}`;
}

/** Whether a string is a real ISO calendar date. */
export function isIsoDate(text: string): boolean {
  const m = ISO_PATTERN.exec(text);
  return m !== null && isRealDate({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) });
}

/** Splits an ISO date into parts; throws on anything else. */
export function partsOf(iso: string): DateParts {
  const m = ISO_PATTERN.exec(iso);
  const parts = m ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) } : null;
  if (!parts || !isRealDate(parts)) throw new RangeError(`not an ISO date: ${iso}`);
  return parts;
}

/** Days since 1970-01-01 for an ISO date. */
export function dayNumber(iso: string): number {
  const { year, month, day } = partsOf(iso);
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

/** The ISO date of a day number. */
export function fromDayNumber(n: number): string {
  const d = new Date(n * MS_PER_DAY);
  return toIso({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
}

/** The date `n` days after (or before, if negative) `iso`. */
export function addDays(iso: string, n: number): string {
  return fromDayNumber(dayNumber(iso) + n);
}

/** Whole days from `from` to `to` (negative if `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** Weekday index, 0 = Sunday … 6 = Saturday. */
export function weekdayIndex(iso: string): number {
  return (((dayNumber(iso) + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

/** Whether the date is a Saturday or Sunday. */
export function isWeekend(iso: string): boolean {
  const w = weekdayIndex(iso);
  return w === 0 || w === 6;
}

/** Short weekday name, e.g. `Mon`. */
export function weekdayShort(iso: string): string {
  return WEEKDAY_SHORT[weekdayIndex(iso)]!;
}

/** Full weekday name, e.g. `Monday`. */
export function weekdayLong(iso: string): string {
  return WEEKDAY_LONG[weekdayIndex(iso)]!;
}

/** Year and month `n` months after the given year and month (month 1–12). */
export function shiftMonth(year: number, month: number, n: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + n;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/**
 * The corresponding date `n` calendar months later; where that day does not exist in the
 * target month (31 January + 1 month), the last day of that month, flagged `clamped`.
 */
export function addMonthsClamped(iso: string, n: number): { date: string; clamped: boolean } {
  const { year, month, day } = partsOf(iso);
  const target = shiftMonth(year, month, n);
  const last = daysInMonth(target.year, target.month);
  return { date: toIso({ ...target, day: Math.min(day, last) }), clamped: day > last };
}

/** Easter Sunday of a Gregorian year (anonymous Gregorian algorithm). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return toIso({ year, month, day });
}

/** `Mon 21 Dec 2026`. */
export function formatDayLong(iso: string): string {
  const { year, month, day } = partsOf(iso);
  return `${weekdayShort(iso)} ${day} ${MONTH_LONG[month - 1]!.slice(0, 3)} ${year}`;
}

/** `Fri 25 Dec` (no year), for lists of skipped days. */
export function formatDayShort(iso: string): string {
  const { month, day } = partsOf(iso);
  return `${weekdayShort(iso)} ${day} ${MONTH_LONG[month - 1]!.slice(0, 3)}`;
}
