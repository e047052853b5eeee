import { letteredTerms, terms } from '../index/tokenize.js';
import type { Chunk } from '../parse/parse-document.js';
import type { QuestionReading } from './read-question.js';
import { namesIn, type ScopeRegistry } from './scope-registry.js';
import type { NamedPeriod } from './question-dates.js';
import { monthNumber } from '../parse/find-dates.js';

const FY_ANY = /\b(20\d\d)\s*[/-]\s*(20\d\d|\d{2})\b/g;

/** Financial years a text names, as "2025/26". */
function financialYearsIn(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(FY_ANY)) {
    const a = Number(m[1]);
    const b = Number(m[2]!.length === 2 ? `20${m[2]}` : m[2]);
    if (b === a + 1) out.add(`${a}/${String(b).slice(2)}`);
  }
  return [...out];
}

const MONTH_YEAR = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+((?:19|20)\d\d)\b/g;

/** The months of named years a text speaks of ("April 2023" -> "2023-04"), lower-case text. */
function monthYearsIn(text: string): string[] {
  return [...text.matchAll(MONTH_YEAR)].map((m) => `${m[2]}-${String(monthNumber(m[1]!)).padStart(2, '0')}`);
}

/** Months after a period's end in which a meeting still reports on it (outturn reports, annual reports). */
const REPORTING_LAG_MONTHS = 9;
/** Months before a period's start in which a meeting already speaks of it (budget setting). */
const PLANNING_LEAD_MONTHS = 12;

function addMonths(iso: string, months: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}

function contextOf(chunk: Chunk): string {
  return `${chunk.place.item ?? ''} ${chunk.place.section ?? ''} ${chunk.indexText}`.toLowerCase();
}

const mentions = (text: string, period: NamedPeriod): boolean => period.forms.some((f) => text.includes(f));

/**
 * Whether a sentence of a passage speaks of a period the question names. A sentence that names the
 * period does; one that names only other financial years does not; one that names none takes its
 * passage's: the passage names the period, or names no other year, or met while the period was reported on.
 */
export function sentenceInPeriod(sentence: string, chunk: Chunk, period: NamedPeriod): boolean {
  const own = sentence.toLowerCase();
  const text = contextOf(chunk);
  const date = chunk.place.meetingDate;
  // A bare year ("the 2017 SIRO update") usually names the paper: the passage or its meeting must be of that year.
  if (period.kind === 'year') return mentions(own, period) || mentions(text, period) || Boolean(date?.startsWith(period.label));
  if (mentions(own, period)) return true;
  if (financialYearsIn(own).length) return false;
  // "From April 2023 until March 2024…": a sentence dated by months far from the period (before its
  // planning, after its reporting) is about another period.
  const dated = monthYearsIn(own);
  const from = addMonths(period.start, -PLANNING_LEAD_MONTHS).slice(0, 7);
  const to = addMonths(period.end, REPORTING_LAG_MONTHS).slice(0, 7);
  if (dated.length && !dated.some((d) => d >= from && d <= to)) return false;
  // A paper titled for another year ("Budget Outturn 2025/26") is about that year.
  const item = (chunk.place.item ?? '').toLowerCase();
  if (financialYearsIn(item).length && !mentions(item, period)) return false;
  if (mentions(text, period)) return true;
  // A passage that names no year is dated by its meeting: from the budget set before the year to the reports after it.
  if (!financialYearsIn(text).length) return !date || (date >= addMonths(period.start, -PLANNING_LEAD_MONTHS) && date <= addMonths(period.end, REPORTING_LAG_MONTHS));
  return Boolean(date && date >= period.start && date <= addMonths(period.end, REPORTING_LAG_MONTHS));
}

/** Whether a structured record (its words and its meeting) is about a period the question names. */
export function recordInPeriod(words: string, meetingDate: string | null, period: NamedPeriod): boolean {
  if (mentions(words.toLowerCase(), period)) return true;
  if (period.kind === 'year') return Boolean(meetingDate?.startsWith(period.label));
  // A record that names only other financial years ("the 2022-23 opinion", heard in September 2023) is theirs.
  if (financialYearsIn(words).length) return false;
  return Boolean(meetingDate && meetingDate >= period.start && meetingDate <= addMonths(period.end, REPORTING_LAG_MONTHS));
}

/** Whether a passage belongs to a committee the question names: by its metadata, or by naming it. */
function passageOfCommittee(chunk: Chunk, committees: readonly string[], registry: ScopeRegistry): boolean {
  if (chunk.place.committee && committees.includes(chunk.place.committee)) return true;
  const entries = registry.committees.filter((c) => committees.includes(c.name));
  return namesIn(`${chunk.place.item ?? ''} ${chunk.text}`, entries).length > 0;
}

/**
 * A place, person or body the question names that no paper mentions (another council, say): nothing in
 * the papers, passage or record, answers a question about it.
 */
export function unheldName(reading: QuestionReading, known: (term: string) => boolean): string | null {
  // A lettered name ("Band D") is held only where that letter of the label is.
  return reading.names.find((n) => (letteredTerms(n).length ? letteredTerms(n) : terms(n)).every((t) => !known(t))) ?? null;
}

/**
 * The council a passage's paper is of, under the name the index holds it by. A paper that names no council
 * (a constitution part without a title block) is the council its file name or folder names; otherwise null.
 */
export function councilOfPassage(chunk: Chunk, registry: ScopeRegistry): string | null {
  const labelled = chunk.place.council ?? registry.councilOfSource(chunk.source);
  return labelled && registry.canonicalCouncil(labelled);
}

/** What keeps a passage out of a question's scope, or null when it is in scope. */
export function outOfScope(chunk: Chunk, reading: QuestionReading, registry: ScopeRegistry): 'council' | 'committee' | null {
  const { scope } = reading;
  // A paper of no known council may be any council's, and never answers for a named one (COUNCIL_NAME
  // labels it in a one-council corpus).
  const council = councilOfPassage(chunk, registry);
  if (scope.councils.length && !(council && scope.councils.includes(council))) return 'council';
  if (scope.committees.length && !passageOfCommittee(chunk, scope.committees, registry)) return 'committee';
  return null;
}

/** "The papers I hold give the 2025/26 figures, not 2026/27's.": the periods the nearest passages do cover. */
export function heldInstead(reading: QuestionReading, chunks: readonly Chunk[]): string | null {
  const wanted = reading.scope.periods.filter((p) => p.kind !== 'year');
  if (!wanted.length) return null;
  const held = new Set<string>();
  for (const c of chunks) for (const fy of financialYearsIn(contextOf(c))) held.add(fy);
  for (const p of wanted) held.delete(p.label);
  if (!held.size) return null;
  const list = [...held].sort().reverse().slice(0, 3);
  return `The papers I found give figures for ${list.join(', ')}, not for ${wanted.map((p) => p.label).join(' or ')}.`;
}
