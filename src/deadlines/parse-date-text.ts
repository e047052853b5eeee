import { InputError } from '../errors.js';
import { addDays, daysBetween, daysInMonth, isIsoDate, isRealDate, MONTH_LONG, partsOf, toIso, WEEKDAY_LONG, weekdayIndex } from './iso-date.js';

/** A date-like span found in text, before it is checked against the calendar. */
export interface DateMatch {
  /** The text matched. */
  text: string;
  /** Where it starts in the searched text. */
  index: number;
  day: number;
  month: number;
  /** Null when the text gave no year ("18 December"). */
  year: number | null;
  /** Weekday index (0 = Sunday) when the text named one, to be checked. */
  weekday: number | null;
  relative: 'today' | 'yesterday' | 'tomorrow' | null;
  twoDigitYear: boolean;
}

const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const WEEKDAY = '(?:(mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)\\.?,?\\s+(?:the\\s+)?)?';
const ORDINAL = '(?:st|nd|rd|th)?';

// Each pattern yields groups in a fixed shape handled by `toMatch` below.
const PATTERNS: { kind: 'ymd' | 'dmy' | 'text-dmy' | 'text-mdy' | 'relative'; source: string }[] = [
  { kind: 'ymd', source: '(?<![\\d/.-])(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})(?![\\d/.-]*\\d)' },
  { kind: 'dmy', source: '(?<![\\d/.-])(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4}|\\d{2})(?![\\d/.-]*\\d)' },
  { kind: 'text-dmy', source: `\\b${WEEKDAY}(\\d{1,2})${ORDINAL}(?:\\s+of)?[\\s-]+${MONTH}\\b\\.?(?:,?[\\s-]+(\\d{4})(?!\\d))?` },
  { kind: 'text-mdy', source: `\\b${WEEKDAY}${MONTH}\\b\\.?\\s+(?:the\\s+)?(\\d{1,2})${ORDINAL}\\b(?:,?\\s+(\\d{4})(?!\\d))?` },
  { kind: 'relative', source: '\\b(today|yesterday|tomorrow)\\b' },
];

function monthNumber(token: string): number {
  const i = MONTH_LONG.findIndex((m) => m.slice(0, 3).toLowerCase() === token.slice(0, 3).toLowerCase());
  return i + 1;
}

function weekdayNumber(token: string | undefined): number | null {
  if (!token) return null;
  return WEEKDAY_LONG.findIndex((w) => w.slice(0, 3).toLowerCase() === token.slice(0, 3).toLowerCase());
}

function toMatch(kind: (typeof PATTERNS)[number]['kind'], m: RegExpExecArray): DateMatch | null {
  const base = { text: m[0], index: m.index, weekday: null, relative: null, twoDigitYear: false };
  switch (kind) {
    case 'ymd':
      return { ...base, year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
    case 'dmy':
      return { ...base, day: Number(m[1]), month: Number(m[2]), year: Number(m[3]), twoDigitYear: m[3]!.length === 2 };
    case 'text-dmy':
      return { ...base, weekday: weekdayNumber(m[1]), day: Number(m[2]), month: monthNumber(m[3]!), year: m[4] ? Number(m[4]) : null };
    case 'text-mdy':
      // "may" without a year is far more often the verb than the month.
      if (!m[4] && m[2]!.toLowerCase() === 'may') return null;
      return { ...base, weekday: weekdayNumber(m[1]), month: monthNumber(m[2]!), day: Number(m[3]), year: m[4] ? Number(m[4]) : null };
    case 'relative':
      return { ...base, day: 0, month: 0, year: null, relative: m[1]!.toLowerCase() as DateMatch['relative'] };
  }
}

/** The first date-like span in free text (earliest, then longest), or null. */
export function findDateInText(text: string): DateMatch | null {
  let best: DateMatch | null = null;
  for (const { kind, source } of PATTERNS) {
    const re = new RegExp(source, 'giu');
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const match = toMatch(kind, m);
      if (!match) continue;
      if (!best || match.index < best.index || (match.index === best.index && match.text.length > best.text.length)) best = match;
      break;
    }
  }
  return best;
}

/** Matches a whole string as one date, or null. */
function matchWhole(text: string): DateMatch | null {
  for (const { kind, source } of PATTERNS) {
    const m = new RegExp(`^${source}$`, 'iu').exec(text);
    if (m) return toMatch(kind, m);
  }
  return null;
}

/** How to treat a date with no year. */
export type MissingYear = 'reject' | 'nearest';

/** Options for resolving a date. */
export interface ResolveDateOptions {
  /** ISO date standing for "today"; needed for `today` and for dates with no year. */
  today?: string;
  /** `nearest`: the date this year if no more than 183 days ahead of today, else last year. */
  missingYear?: MissingYear;
}

function needToday(text: string, today: string | undefined): string {
  if (today && isIsoDate(today)) return today;
  throw new InputError('DEADLINE_DATE_NEEDS_TODAY', `"${text}" needs to know today's date, and none was given.`);
}

/** Checks a found date against the calendar and returns it as ISO; throws an InputError saying what is wrong. */
export function resolveDateMatch(match: DateMatch, options: ResolveDateOptions = {}): string {
  const shown = match.text.trim();
  if (match.relative) {
    const today = needToday(shown, options.today);
    return match.relative === 'today' ? today : addDays(today, match.relative === 'yesterday' ? -1 : 1);
  }
  if (match.twoDigitYear) {
    throw new InputError('DEADLINE_DATE_AMBIGUOUS', `The date "${shown}" has a two-digit year, which is ambiguous; please give the year in full, e.g. 21/12/2026.`);
  }
  if (match.month < 1 || match.month > 12) {
    throw new InputError('DEADLINE_DATE_IMPOSSIBLE', `The date "${shown}" is impossible: dates are read as day/month/year and there is no month ${match.month}.`);
  }
  let year = match.year;
  if (year === null) {
    if ((options.missingYear ?? 'reject') === 'reject') {
      throw new InputError('DEADLINE_DATE_AMBIGUOUS', `The date "${shown}" has no year, so it is ambiguous; please give it in full, e.g. ${match.day} ${MONTH_LONG[match.month - 1]} 2026.`);
    }
    const today = needToday(shown, options.today);
    year = partsOf(today).year;
    const thisYear = { year, month: match.month, day: match.day };
    if (!isRealDate(thisYear) || daysBetween(today, toIso(thisYear)) > 183) year -= 1;
  }
  if (year < 1970 || year > 2199) {
    throw new InputError('DEADLINE_DATE_OUT_OF_RANGE', `The date "${shown}" is outside the years this calculator handles (1970 to 2199).`);
  }
  const parts = { year, month: match.month, day: match.day };
  if (!isRealDate(parts)) {
    const monthName = MONTH_LONG[match.month - 1];
    throw new InputError(
      'DEADLINE_DATE_IMPOSSIBLE',
      `The date "${shown}" is impossible: ${monthName} ${year} has only ${daysInMonth(year, match.month)} days.`,
    );
  }
  const iso = toIso(parts);
  if (match.weekday !== null && match.weekday !== weekdayIndex(iso)) {
    throw new InputError(
      'DEADLINE_DATE_AMBIGUOUS',
      `The date "${shown}" does not add up: ${match.day} ${MONTH_LONG[match.month - 1]} ${year} is a ${WEEKDAY_LONG[weekdayIndex(iso)]}, not a ${WEEKDAY_LONG[match.weekday]}.`,
    );
  }
  return iso;
}

/**
 * Reads a date typed by a person: ISO `2026-12-21`, UK `21/12/2026` (always day/month/year),
 * `21 Dec 2026`, `21 December 2026`, `21st December 2026`, `December 21, 2026`, or `today`.
 * Throws an InputError with one plain sentence when the date is impossible (31/02/2026),
 * ambiguous (two-digit or missing year, wrong weekday) or unreadable.
 */
export function parseDateText(text: string, options: ResolveDateOptions = {}): string {
  const cleaned = text.trim().replace(/[\s,.;:!?]+$/u, '').replace(/\s+/gu, ' ');
  if (cleaned === '') {
    throw new InputError('DEADLINE_DATE_MISSING', 'No date was given; please give one such as 21/12/2026 or 21 December 2026.');
  }
  const match = matchWhole(cleaned);
  if (!match) {
    throw new InputError(
      'DEADLINE_DATE_UNREADABLE',
      `"${cleaned}" is not a date I can read; please use a form such as 2026-12-21, 21/12/2026 or 21 December 2026.`,
    );
  }
  return resolveDateMatch(match, options);
}
