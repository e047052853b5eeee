import { isoDate, monthNumber } from '../parse/find-dates.js';
import type { KpiPeriod } from './kpi-record.js';

const MONTH = '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "Quarter 2, 2022/23", "Q2 2022-23", "Quarter 2 of 2022/23". */
const QUARTER_RE = /\b(?:Quarter|Qtr|Q)\s*([1-4])(?:,|\s+of)?\s+(?:FY\s*)?(20\d\d)\s*[/-]\s*(\d{2}|20\d\d)\b/i;
/** "results up to the end of July 2017", "Results to June", "performance to the end of September 2022". */
const RESULTS_RE = new RegExp(
  `\\b(?:results?|performance|data|figures|position)\\s+(?:up\\s+)?(?:to|as at)\\s+(?:and including\\s+)?(?:the\\s+)?(?:end\\s+of\\s+)?${MONTH}(?:,?\\s+(\\d{4}))?\\b`,
  'i',
);
/** "as at 31 March 2023", "at the end of September 2022". */
const AS_AT_RE = new RegExp(`\\b(?:as at|at the end of|to the end of|year to)\\s+(?:(\\d{1,2})(?:st|nd|rd|th)?\\s+)?${MONTH},?\\s+(\\d{4})\\b`, 'i');

function lastDay(year: number, month: number): string {
  return isoDate(year, month, new Date(Date.UTC(year, month, 0)).getUTCDate())!;
}

/** The period of a financial-year quarter: Q1 is April to June of the first year, Q4 January to March of the second. */
export function quarterPeriod(quarter: number, fyStart: number, evidence: string | null = null): KpiPeriod {
  const startMonth = ((quarter - 1) * 3 + 3) % 12 + 1;
  const year = quarter === 4 ? fyStart + 1 : fyStart;
  const fy = `${fyStart}/${String((fyStart + 1) % 100).padStart(2, '0')}`;
  return {
    label: `Quarter ${quarter} ${fy}`,
    start: isoDate(year, startMonth, 1),
    end: lastDay(year, startMonth + 2),
    evidence,
  };
}

/** The period of a calendar month ("July 2017"). */
export function monthPeriod(year: number, month: number, evidence: string | null = null): KpiPeriod {
  return { label: `${MONTH_NAMES[month - 1]} ${year}`, start: isoDate(year, month, 1), end: lastDay(year, month), evidence };
}

/**
 * Reads a period from a phrase of a report. A month without a year ("Results to June") takes its year
 * from `context`, the report's own period: the latest such month on or before the report's end.
 */
export function parsePeriod(text: string, context: KpiPeriod | null = null): KpiPeriod | null {
  const q = QUARTER_RE.exec(text);
  if (q) return quarterPeriod(Number(q[1]), Number(q[2]), q[0]);
  const r = RESULTS_RE.exec(text) ?? AS_AT_RE.exec(text);
  if (!r) return null;
  const asAt = r.length > 3;
  const month = monthNumber(asAt ? r[2]! : r[1]!);
  let year = Number(asAt ? r[3] : r[2]) || null;
  if (!month) return null;
  if (!year && context?.end) {
    const endYear = Number(context.end.slice(0, 4));
    const endMonth = Number(context.end.slice(5, 7));
    year = month <= endMonth ? endYear : endYear - 1;
  }
  if (!year) return null;
  return monthPeriod(year, month, r[0]);
}

/**
 * The period a whole report covers, from its title and opening text: a financial-year quarter when the
 * report names one, else the month its results run to. Null when the report does not say.
 */
export function reportPeriod(title: string | null, text: string, from: number, to: number): KpiPeriod | null {
  if (title) {
    const p = parsePeriod(title);
    if (p) return p;
  }
  const head = text.slice(from, Math.min(to, from + 6000));
  const quarter = QUARTER_RE.exec(head);
  if (quarter) return quarterPeriod(Number(quarter[1]), Number(quarter[2]), quarter[0]);
  return parsePeriod(head);
}

/** A line that is only a period heading ("Results to June", "Quarter 2 2022/23"): it sets the period of the tables below it. */
export function sectionPeriod(line: string, context: KpiPeriod | null): KpiPeriod | null {
  const t = line.replace(/[*#_]/g, '').trim();
  if (!t || t.length > 60 || t.includes('\t')) return null;
  if (!/^(?:results?|performance|data|figures|position|quarter|q[1-4]|as at)\b/i.test(t)) return null;
  return parsePeriod(t, context);
}
