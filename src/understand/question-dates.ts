import { isoDate, monthNumber } from '../parse/find-dates.js';

/** A period a question names, with the text forms a passage uses for it. */
export interface NamedPeriod {
  kind: 'financialYear' | 'quarter' | 'year';
  label: string;
  /** ISO, inclusive. */
  start: string;
  end: string;
  /** Lower-case forms that name this period in a passage ("2022/23", "2022-23", "22/23"). */
  forms: string[];
}

/** A calendar date a question names: a day (the year may be missing) or a month. */
export interface NamedDate {
  kind: 'day' | 'month';
  /** ISO date or month ("2025-10-23", "2025-10"); "--03-19" when a day has no year. */
  iso: string;
  start: number;
  end: number;
  /** As the question wrote it ("19 March", "Oct 2025"). */
  label: string;
  /** Whether the words around it tie it to a meeting ("on 19 March", "the 23 Oct 2025 meeting"). */
  meeting: boolean;
}

const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const NUMERIC_DAY_RE = /(?<![\d/.])(\d{1,2})([/.])(\d{1,2})\2(\d{4}|\d{2})(?![\d/.])/g;
const DAY_RE = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH},?(?:\\s+(\\d{4}))?\\b`, 'gi');
// "October 2025"; "Sept 24" and "May 25", as officers write a month of a year.
const MONTH_RE = new RegExp(`\\b${MONTH}\\s+'?(\\d{4}|\\d{2})(?![\\d:/.])\\b`, 'gi');
const FY_RE = /\b(20\d\d)\s*[/-]\s*(20\d\d|\d{2})\b|\b(\d{2})\/(\d{2})\b/g;
const QUARTER_RE = /\b(?:q|quarter\s*)([1-4])\b/i;
/** Words before a year that make it a horizon: the end or start of a run of years, not the period asked about. */
const HORIZON_BEFORE = /\b(?:by|until|till|up to|before|since|beyond)\s+(?:the\s+)?(?:end of\s+)?$/i;
const MEETING_BEFORE = /\b(?:on|at|of|for|from)\s+(?:the\s+)?$|\b(?:meeting|committee|minutes)\s+(?:on|of|held on)?\s*$/i;
/** Words before a date that make it a point in time a figure is given at ("at the end of Sept 2022", "as at March"), not a meeting. */
const POINT_BEFORE = /\b(?:(?:end|start|beginning|close|middle)\s+of|as\s+(?:at|of))\s+(?:the\s+)?$/i;
const MEETING_AFTER = /^\s*(?:[A-Z][\w&]*\s+)?(?:meeting|committee|minutes|agm|egm|annual (?:general )?meeting)\b/i;

function fyForms(y: number): string[] {
  const next = y + 1;
  const yy = String(next).slice(2);
  const short = `${String(y).slice(2)}`;
  return [`${y}/${yy}`, `${y}-${yy}`, `${y}/${next}`, `${y}-${next}`, `${y} to ${next}`, `${short}/${yy}`, `${short}-${yy}`];
}

/** Financial years, quarters of them, and bare years named in a question. */
export function namedPeriods(question: string): NamedPeriod[] {
  const out: NamedPeriod[] = [];
  let rest = question;
  for (const m of question.matchAll(FY_RE)) {
    const first = m[1] ? Number(m[1]) : 2000 + Number(m[3]);
    const second = m[2] ? Number(m[2].length === 2 ? `20${m[2]}` : m[2]) : 2000 + Number(m[4]);
    if (second !== first + 1) continue;
    const quarter = QUARTER_RE.exec(question.slice(Math.max(0, m.index - 12), m.index));
    const forms = fyForms(first);
    if (quarter) {
      const q = Number(quarter[1]);
      const startMonth = 4 + 3 * (q - 1);
      const y = startMonth > 12 ? first + 1 : first;
      const sm = ((startMonth - 1) % 12) + 1;
      const after = sm + 3;
      const end = isoDate(after > 12 ? y + 1 : y, after > 12 ? after - 12 : after, 1)!;
      out.push({ kind: 'quarter', label: `Q${q} ${forms[0]}`, start: isoDate(y, sm, 1)!, end: lastDayBefore(end), forms });
    } else out.push({ kind: 'financialYear', label: forms[0]!, start: `${first}-04-01`, end: `${first + 1}-03-31`, forms });
    rest = rest.replace(m[0], ' ');
  }
  for (const m of rest.matchAll(/\b(19|20)(\d{2})\b/g)) {
    const y = `${m[1]}${m[2]}`;
    // A year inside a date ("23 Oct 2025") is the date's, not a period of its own.
    if (new RegExp(`${MONTH}\\s+${y}`, 'i').test(rest.slice(Math.max(0, m.index - 12), m.index + 4))) continue;
    // A year a target or a run of years is counted to or from ("1,000 homes by 2030", "raised since 2012") bounds
    // what is asked; it is not the period the question is about.
    if (HORIZON_BEFORE.test(rest.slice(Math.max(0, m.index - 20), m.index))) continue;
    out.push({ kind: 'year', label: y, start: `${y}-01-01`, end: `${y}-12-31`, forms: [y] });
  }
  return out;
}

function lastDayBefore(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** Days and months a question names ("19 March", "23 Oct 2025", "October 2025"). */
export function namedDates(question: string): NamedDate[] {
  const out: NamedDate[] = [];
  const taken: Array<[number, number]> = [];
  const meetingish = (start: number, end: number): boolean => {
    const before = question.slice(Math.max(0, start - 30), start);
    return (MEETING_BEFORE.test(before) && !POINT_BEFORE.test(before)) || MEETING_AFTER.test(question.slice(end));
  };
  for (const m of question.matchAll(DAY_RE)) {
    const month = monthNumber(m[2]!);
    if (!month) continue;
    const day = Number(m[1]);
    const iso = m[3] ? isoDate(Number(m[3]), month, day) : isoDate(2000, month, day) && `--${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    if (!iso) continue;
    const end = m.index + m[0].length;
    out.push({ kind: 'day', iso, start: m.index, end, label: m[0], meeting: meetingish(m.index, end) });
    taken.push([m.index, end]);
  }
  // "12/9/24", "14/09/2023", "5.6.26": day, month and year as UK officers type them.
  for (const m of question.matchAll(NUMERIC_DAY_RE)) {
    const year = m[4]!.length === 2 ? 2000 + Number(m[4]) : Number(m[4]);
    const iso = isoDate(year, Number(m[3]), Number(m[1]));
    if (!iso) continue;
    const end = m.index + m[0].length;
    out.push({ kind: 'day', iso, start: m.index, end, label: m[0], meeting: meetingish(m.index, end) });
    taken.push([m.index, end]);
  }
  for (const m of question.matchAll(MONTH_RE)) {
    if (taken.some(([a, b]) => m.index >= a && m.index < b)) continue;
    const month = monthNumber(m[1]!);
    // "may 12" is more likely a verb and a number than a month: a two-digit year needs a capitalised month.
    if (!month || (m[2]!.length === 2 && !/^[A-Z]/.test(m[1]!))) continue;
    const end = m.index + m[0].length;
    const year = m[2]!.length === 2 ? `20${m[2]}` : m[2];
    out.push({ kind: 'month', iso: `${year}-${String(month).padStart(2, '0')}`, start: m.index, end, label: m[0], meeting: meetingish(m.index, end) });
  }
  return out;
}

/** Whether a meeting date (ISO) is the named day or falls in the named month. */
export function dateMatches(meetingDate: string | null, named: NamedDate): boolean {
  if (!meetingDate) return false;
  if (named.kind === 'month') return meetingDate.startsWith(named.iso);
  return named.iso.startsWith('--') ? meetingDate.endsWith(named.iso.slice(1)) : meetingDate === named.iso;
}
