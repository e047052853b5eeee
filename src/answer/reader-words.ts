import { terms } from '../index/tokenize.js';
import type { Glossary } from '../extract/mine-glossary.js';
import type { QuestionReading } from '../understand/read-question.js';
import type { NamedPeriod } from '../understand/question-dates.js';
import { matchedTerms } from './question-terms.js';

/** How a text holds a question's words though it writes them otherwise: short forms spelled out, a year by its months. */

/**
 * The question's words that name its period ("2023", "24" of "23/24"): a statement about the period
 * covers them when it names the period's years in any form ("April 2023 until March 2024").
 */
export interface PeriodWords {
  terms: Set<string>;
  years: RegExp | null;
}

export function periodTermsOf(periods: readonly NamedPeriod[]): PeriodWords {
  const years = [...new Set(periods.flatMap((p) => [p.start.slice(0, 4), p.end.slice(0, 4)]))];
  return { terms: new Set(terms(periods.flatMap((p) => p.forms).join(' '))), years: years.length ? new RegExp(`\\b(?:${years.join('|')})\\b`) : null };
}

/** Adds the period's words to a text's terms when it names the period's years. */
export function withPeriodTerms(set: Set<string>, text: string, period: PeriodWords): Set<string> {
  if (period.years?.test(text)) for (const t of period.terms) set.add(t);
  return set;
}

/** A short form the question types ("CEOs", "PCN"), with its letters and the words it stands for in the glossary. */
export interface ShortForm {
  term: string;
  letters: string;
  spelled: string[];
}

export function shortFormsOf(reading: QuestionReading, glossary: Glossary): ShortForm[] {
  const out: ShortForm[] = [];
  for (const a of reading.acronyms) {
    const t = terms(a)[0];
    if (!t || !reading.terms.includes(t)) continue;
    const expansion = glossary[a.replace(/s$/, '')] ?? glossary[a];
    out.push({ term: t, letters: a.replace(/(?<=[A-Z]{2})s$/, '').replace(/[^A-Z]/g, ''), spelled: expansion ? terms(expansion) : [] });
  }
  return out;
}

/**
 * The terms of a text, with each short form of the question that the text spells out ("Civil
 * Enforcement Officers" holds "CEOs"): papers write a thing out in full where the question types it short.
 */
export function termsWithShortForms(text: string, forms: readonly ShortForm[], minInitials: number, base: ReadonlySet<string> = new Set(terms(text))): Set<string> {
  const set = new Set(base);
  for (const f of forms) if (!set.has(f.term) && spells(text, set, f, minInitials)) set.add(f.term);
  return set;
}

export function spells(text: string, textTerms: ReadonlySet<string>, f: ShortForm, minInitials: number): boolean {
  if (f.spelled.length > 0 && matchedTerms(f.spelled, textTerms).size === f.spelled.length) return true;
  if (f.letters.length >= minInitials) return spellsOut(text, f.letters);
  return f.letters.length >= 2 && namedBy(text, f.letters);
}

/** Capitalised words that never start a name ("The Council" is not "TC"). */
const NOT_NAME_WORDS = new Set(['The', 'This', 'That', 'These', 'Those', 'A', 'An', 'In', 'It', 'Its', 'On', 'At', 'As', 'If', 'Our', 'We', 'All', 'Any', 'Each', 'For']);

/**
 * Whether a text has a proper name, mid-sentence, whose words' initials are exactly the letters ("Grant
 * Thornton" for GT): a short form too short to match any run of words may still match a name.
 */
function namedBy(text: string, letters: string): boolean {
  const word = "[A-Z][\\p{Ll}'’-]+(?![\\p{L}'’-])";
  const re = new RegExp(`(?<=[\\p{Ll},;(]\\s+)${Array.from({ length: letters.length }, () => word).join('\\s+')}(?!\\s+[A-Z]\\p{Ll})`, 'gu');
  for (const m of text.matchAll(re)) {
    const words = m[0].split(/\s+/);
    if (words.map((w) => w[0]).join('') === letters && !words.some((w) => NOT_NAME_WORDS.has(w))) return true;
  }
  return false;
}

const SMALL_WORDS = new Set(['of', 'and', 'the', 'for', 'in', 'on', 'to', 'a', 'an', '&']);

/** Whether a text has a run of words whose initials spell the letters ("Civil Enforcement Officers" for CEO). */
export function spellsOut(text: string, letters: string): boolean {
  return spelledBy(text, letters) !== null;
}

/** The words whose initials spell the letters, or null. */
export function spelledBy(text: string, letters: string): string[] | null {
  const ws = (text.match(/[\p{L}]+/gu) ?? []).filter((x) => !SMALL_WORDS.has(x.toLowerCase()));
  const at = ws.map((x) => x.charAt(0).toUpperCase()).join('').indexOf(letters);
  return letters.length >= 2 && at >= 0 ? ws.slice(at, at + letters.length) : null;
}

/** The thing a "how many" question counts, with a short form it types read as the words the sentence spells it with. */
export function countedIn(text: string, counted: readonly string[], forms: readonly ShortForm[], minInitials: number): string[] {
  const out = [...counted];
  for (const f of forms) {
    if (!counted.includes(f.term) || f.letters.length < minInitials) continue;
    const words = spelledBy(text, f.letters);
    if (words) out.push(...terms(words.join(' ')));
  }
  return out;
}
