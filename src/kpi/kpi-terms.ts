import type { Glossary } from '../extract/mine-glossary.js';
import { STOPWORDS, stem } from '../index/tokenize.js';
import { cleanText } from '../parse/clean-text.js';
import { COMMON_ACRONYMS } from '../understand/common-acronyms.js';

/** Words that say an indicator is a share or a count but not what of. */
const GENERIC = new Set(['percentage', 'percent', 'proportion', 'number', 'no', 'kpi', 'kpis', 're', 'total']);

/** Words an officer may use for a word the reports use. */
const SYNONYMS: Record<string, string> = {
  children: 'child',
  childrens: 'child',
  potholes: 'pothole',
  pot: 'pothole',
  faults: 'repairs',
  fault: 'repair',
  fixed: 'repaired',
  fix: 'resolved',
  satisfaction: 'satisfied',
  rerefer: 'repeat referral',
};

/** The acronyms officers use, with any the documents define. */
export function kpiGlossary(extra: Glossary = {}): Glossary {
  const out: Glossary = { ...COMMON_ACRONYMS };
  // The council's own initials say nothing about which indicator a sentence is about.
  for (const [k, v] of Object.entries(extra)) if (!/\b(?:council|county|borough|district)\b/i.test(v)) out[k] ??= v;
  return out;
}

/**
 * Matching terms of an indicator name, a sentence or a question: acronyms expanded ("FOI" ->
 * "freedom information"), "re-referrals" read as "repeat referrals", stop words and generic words
 * ("percentage", "number") dropped, words lightly stemmed. Numbers are kept ("28", "12").
 */
export function kpiTerms(text: string, glossary: Glossary = COMMON_ACRONYMS): string[] {
  const expanded = cleanText(text)
    .replace(/\bre-(?=[a-z])/gi, 'repeat ')
    .replace(/\b([A-Z][A-Za-z]*[A-Z])(?:'?s)?\b/g, (m: string, acronym: string) => {
      const key = acronym.toUpperCase();
      const hit = glossary[acronym] ?? glossary[key];
      return hit ? `${m} ${hit}` : m;
    });
  const out: string[] = [];
  for (const raw of expanded.toLowerCase().replace(/[’']s\b/g, '').match(/[a-z]+|\d+(?:[.,]\d+)*/g) ?? []) {
    const word = SYNONYMS[raw] ?? raw;
    for (const w of word.split(' ')) {
      if (STOPWORDS.has(w) || GENERIC.has(w)) continue;
      out.push(stem(w).replace(/(?<=^.{4,})(?:ation|ion|iv|ity|ment|ness)$/, ''));
    }
  }
  return out;
}

/** Document frequency weights: a term in few indicator names says more than one in many. */
export function termWeights(names: ReadonlyArray<readonly string[]>): (term: string) => number {
  const df = documentFrequency(names);
  const n = Math.max(1, names.length);
  return (term: string) => Math.log(1 + n / (df.get(term) ?? 0.5));
}

/** In how many of the names each term occurs. */
export function documentFrequency(names: ReadonlyArray<readonly string[]>): Map<string, number> {
  const df = new Map<string, number>();
  for (const terms of names) for (const t of new Set(terms)) df.set(t, (df.get(t) ?? 0) + 1);
  return df;
}

/** Weighted share of `of`'s terms found in `within` (0..1). */
export function coverage(of: readonly string[], within: ReadonlySet<string>, weight: (t: string) => number): number {
  const terms = new Set(of);
  let total = 0;
  let found = 0;
  for (const t of terms) {
    const w = weight(t);
    total += w;
    if (within.has(t)) found += w;
  }
  return total ? found / total : 0;
}

/** Dice similarity of two term lists (0..1), for telling whether two names are the same indicator. */
export function dice(a: readonly string[], b: readonly string[]): number {
  const sa = new Set(a);
  const sb = new Set(b);
  if (!sa.size || !sb.size) return 0;
  let shared = 0;
  for (const t of sa) if (sb.has(t)) shared++;
  return (2 * shared) / (sa.size + sb.size);
}
