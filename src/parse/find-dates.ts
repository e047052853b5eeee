const MONTHS = [
  'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december',
];
/** Welsh month names, January to December, with the soft-mutated forms used after "ar" / "o" ("Fehefin"). */
const WELSH_MONTHS: ReadonlyArray<readonly string[]> = [
  ['ionawr'], ['chwefror'], ['mawrth', 'fawrth'], ['ebrill'], ['mai', 'fai'], ['mehefin', 'fehefin'],
  ['gorffennaf'], ['awst'], ['medi', 'fedi'], ['hydref'], ['tachwedd', 'dachwedd'], ['rhagfyr'],
];
const MONTH_RE =
  '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|' +
  `${WELSH_MONTHS.flat().join('|')})`;

/** "25th October, 2023", "15 September 2017", "5<sup>th</sup> January 2023", Welsh "10fed Mehefin 2020". */
export const LONG_DATE_RE = new RegExp(
  `\\b(\\d{1,2})\\s*(?:<sup>)?(?:st|nd|rd|th|af|il|ydd|edd|ed|fed|eg|ain|ail)?(?:</sup>)?,?\\s+${MONTH_RE},?\\s+(\\d{4})\\b`,
  'gi',
);

/** Month number (1-12) for a month name or abbreviation (English or Welsh), or null. */
export function monthNumber(name: string): number | null {
  const lower = name.toLowerCase();
  const welsh = WELSH_MONTHS.findIndex((forms) => forms.includes(lower));
  if (welsh >= 0) return welsh + 1;
  const key = lower.slice(0, 3);
  const i = MONTHS.findIndex((m) => m.startsWith(key));
  return i < 0 ? null : i + 1;
}

/** ISO date for day/month/year if it exists in the calendar, else null. */
export function isoDate(year: number, month: number, day: number): string | null {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return d.toISOString().slice(0, 10);
}

export interface FoundDate {
  iso: string;
  index: number;
  length: number;
}

/** Every long-form date in a text, in order. */
export function findLongDates(text: string): FoundDate[] {
  const out: FoundDate[] = [];
  for (const m of text.matchAll(LONG_DATE_RE)) {
    const month = monthNumber(m[2]!);
    const iso = month ? isoDate(Number(m[3]), month, Number(m[1])) : null;
    if (iso) out.push({ iso, index: m.index, length: m[0].length });
  }
  return out;
}
