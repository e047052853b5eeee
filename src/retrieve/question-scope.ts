import { monthNumber } from '../parse/find-dates.js';
import { isSmallWord } from '../parse/title-case.js';
import type { LoadedIndex } from '../index/load-index.js';

/** Words every committee name shares; they say nothing about which committee a question means. */
const GENERIC_BODY_WORDS = new Set(['committee', 'sub-committee', 'policy', 'cabinet', 'board', 'panel', 'council', 'joint', 'city', 'county', 'borough', 'district', 'of', 'the', 'and', '&', 'for']);

const committeesOf = new WeakMap<LoadedIndex, Map<string, string[]>>();

/** The short forms a committee's name is written as: "TCPC", "T&C" and "TC" for "Transport & Connectivity Policy Committee". */
export function committeeShortForms(name: string): string[] {
  const words = name.split(/\s+/).filter((w) => w && !isSmallWord(w) && w !== '&');
  const initials = words.map((w) => w.charAt(0).toUpperCase()).join('');
  const distinctive = words.filter((w) => !GENERIC_BODY_WORDS.has(w.toLowerCase()));
  const forms = new Set<string>();
  if (initials.length >= 3) forms.add(initials);
  if (distinctive.length >= 2) {
    const short = distinctive.map((w) => w.charAt(0).toUpperCase());
    forms.add(short.join('&'));
    if (short.length >= 3) forms.add(short.join(''));
  }
  return [...forms];
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The committees in the index a question names: by a short form of the name ("TCPC", "T&C"), or by all
 * the distinctive words of the name ("the transport and connectivity committee").
 */
export function committeesNamed(index: LoadedIndex, question: string): Set<string> {
  let known = committeesOf.get(index);
  if (!known) {
    known = new Map();
    for (const c of index.chunks) {
      const name = c.place.committee;
      if (name && !known.has(name)) known.set(name, committeeShortForms(name));
    }
    committeesOf.set(index, known);
  }
  const named = new Set<string>();
  const q = question.toLowerCase();
  for (const [name, forms] of known) {
    const distinctive = distinctiveWords(name);
    const byForm = forms.some((f) => new RegExp(`(^|[^A-Za-z&])${escape(f)}('?s)?([^A-Za-z&]|$)`).test(question));
    // One distinctive word ("Property", "Audit") is too common to name a committee by; two or more are not.
    const byWords = distinctive.length >= 2 && distinctive.every((w) => new RegExp(`\\b${escape(w)}\\b`).test(q));
    // A name with no distinctive word ("Cabinet") counts where it stands alone ("went to Cabinet?"),
    // not where it starts a longer title ("the Cabinet Members' Meeting", "Cabinet Member for Finance").
    const byName = distinctive.length === 0 && standsAlone(question, name);
    if (byForm || byWords || byName) named.add(name);
  }
  return named;
}

/** Whether a name occurs in a text on its own, not followed by a capitalised word of a longer title. */
function standsAlone(text: string, name: string): boolean {
  for (const m of text.matchAll(new RegExp(`\\b${escape(name)}\\b`, 'gi'))) {
    if (!/^\s+[A-Z]/.test(text.slice(m.index + m[0].length))) return true;
  }
  return false;
}

/** The words that tell a committee from others ("transport", "connectivity"), however "and" is written. */
export function distinctiveWords(name: string): string[] {
  return name.toLowerCase().split(/\s+/).filter((w) => w.length > 2 && !GENERIC_BODY_WORDS.has(w));
}

/**
 * Whether a passage's committee is one a question named: the same name, or a name holding all its
 * distinctive words ("Transport & Connectivity Policy Committee" for "Transport and Connectivity Policy Committee").
 */
export function sameCommittee(committee: string, named: ReadonlySet<string>): boolean {
  if (named.has(committee)) return true;
  const have = new Set(distinctiveWords(committee));
  for (const n of named) {
    const want = distinctiveWords(n);
    if (want.length && want.every((w) => have.has(w))) return true;
  }
  return false;
}

/** A date a question names: its year and month, with the day when given ("19 March", "October 2025", "23 Oct 2025"). */
export interface NamedDate {
  year: number | null;
  month: number;
  day: number | null;
}

const MONTH_WORD = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const NAMED_DATE_RE = new RegExp(`\\b(?:(\\d{1,2})(?:st|nd|rd|th)?\\s+)?${MONTH_WORD}\\b,?(?:\\s+(\\d{4}))?`, 'gi');

/** The meeting dates a question names. A month on its own (no day, no year) is not taken: "May" is too often a verb. */
export function datesNamed(question: string): NamedDate[] {
  const out: NamedDate[] = [];
  for (const m of question.matchAll(NAMED_DATE_RE)) {
    const month = monthNumber(m[2]!);
    if (!month || (!m[1] && !m[3])) continue;
    // "y/e 31 March 2020", "as at 31 March": a period end, not a meeting.
    if (/\b(y\/?e|year end(?:ing|ed)?|as at|to|until|end of)\s*$/i.test(question.slice(0, m.index))) continue;
    out.push({ year: m[3] ? Number(m[3]) : null, month, day: m[1] ? Number(m[1]) : null });
  }
  return out;
}

/** Whether an ISO date falls on a date a question names. */
export function onNamedDate(iso: string, dates: readonly NamedDate[]): boolean {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return dates.some((n) => n.month === m && (n.year === null || n.year === y) && (n.day === null || n.day === d));
}

/** Questions about what a meeting decided, and how the vote went, are answered by minutes and decision notices. */
const DECISION_RE = /\b(decide[ds]?|decision|vote[ds]?|voting|approv(?:e|ed|al)|agree[ds]?|resolved?|carried|fell|get through|got through|passed|sign(?:ed)? off|unanimous(?:ly)?|apologies|present at|attended)\b/i;

/** Whether a question asks what a meeting decided or who took part. */
export function asksForDecision(question: string): boolean {
  return DECISION_RE.test(question);
}
