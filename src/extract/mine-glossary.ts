import { cleanText } from '../parse/clean-text.js';

/** Acronym -> expansion, mined from "Freedom of Information (FOI)"-style definitions in the corpus. */
export type Glossary = Record<string, string>;

const SMALL = new Set(['of', 'and', 'the', 'for', 'in', 'on', 'to', 'a', 'an', '&', 'at', 'by', 'with']);

function initials(wordsList: string[], keepSmall = false): string {
  return wordsList
    .filter((w) => keepSmall || !SMALL.has(w.toLowerCase()))
    .map((w) => w.split('-').map((p) => p.charAt(0)).join(''))
    .join('')
    .toUpperCase();
}

/** The shortest run of words ending before the acronym whose initials spell it (small words allowed inside). */
function expansionFor(acronym: string, before: string): string | null {
  const letters = acronym.replace(/[^A-Za-z]/g, '').toUpperCase();
  const ws = before.trim().split(/\s+/).slice(-(letters.length + 4));
  for (let n = 1; n <= ws.length; n++) {
    const cand = ws.slice(ws.length - n);
    if (SMALL.has(cand[0]!.toLowerCase())) continue;
    const init = initials(cand);
    // "Freedom of Information (FOI)" spells its small words too.
    if (init === letters || initials(cand, true) === letters) return cand.join(' ').replace(/^[^A-Za-z]+|[^A-Za-z)]+$/g, '');
    // Allow an acronym that takes two letters from one word ("CHIS" from "Covert Human Intelligence Source").
    if (init.length > letters.length) break;
  }
  return null;
}

/** "Words (ACR)": the words (at most 11) and the short form in brackets after them. */
const DEFINITION = /([A-Za-z][A-Za-z'&,-]*(?:\s+[A-Za-z][A-Za-z'&,-]*){0,10})\s+\(([A-Z][A-Za-z&]{1,9})\)$/;
const BRACKETED = /\(([A-Z][A-Za-z&]{1,9})\)/g;
/** Characters a run of words (and the spaces between them) is made of. */
const WORDISH = /[A-Za-z'&,\s-]/;

/**
 * The matches of DEFINITION across a text, left to right, without trying it at every position: each
 * bracketed short form is matched against the run of words just before it (back to the first character
 * no word or space can hold, or the end of the previous definition), which is where any match must start.
 */
function* definitions(text: string): Generator<RegExpExecArray> {
  let done = 0;
  for (const b of text.matchAll(BRACKETED)) {
    if (b.index < done) continue;
    let from = b.index;
    while (from > done && WORDISH.test(text[from - 1]!)) from--;
    const m = DEFINITION.exec(text.slice(from, b.index + b[0].length));
    if (!m) continue;
    done = b.index + b[0].length;
    yield m;
  }
}

/** Mines acronym definitions from document text. */
export function mineGlossary(text: string): Glossary {
  const counts = new Map<string, Map<string, number>>();
  const clean = cleanText(text);
  for (const m of definitions(clean)) {
    // "Key Performance Indicators (KPIs)": the plural s is not a letter of the acronym.
    const acronym = m[2]!.replace(/(?<=[A-Z]{2})s$/, '');
    if (!/[A-Z].*[A-Z]/.test(acronym)) continue;
    const expansion = expansionFor(acronym, m[1]!);
    if (!expansion || expansion.split(/\s+/).length < 2) continue;
    const byForm = counts.get(acronym) ?? new Map<string, number>();
    const key = expansion.replace(/\s+/g, ' ');
    byForm.set(key, (byForm.get(key) ?? 0) + 1);
    counts.set(acronym, byForm);
  }
  const out: Glossary = {};
  for (const [acronym, forms] of counts) {
    out[acronym] = [...forms.entries()].sort((a, b) => b[1] - a[1] || a[0].length - b[0].length)[0]![0];
  }
  // Names used often but never defined ("Grant Thornton" for GT): their initials, unless taken.
  const names = new Map<string, number>();
  for (const m of clean.matchAll(/\b([A-Z][a-z]{2,}(?: [A-Z][a-z]{2,}){1,2})\b/g)) names.set(m[1]!, (names.get(m[1]!) ?? 0) + 1);
  for (const [name, n] of names) {
    const acronym = initials(name.split(' '));
    if (n >= 5 && !out[acronym] && !/^(The|This|That|These|Our|Their|Appendix|Page|Table)\b/.test(name)) out[acronym] = name;
  }
  return out;
}

/** Merges per-file glossaries; the first definition of an acronym wins. */
export function mergeGlossaries(glossaries: readonly Glossary[]): Glossary {
  const out: Glossary = {};
  for (const g of glossaries) for (const [k, v] of Object.entries(g)) out[k] ??= v;
  return out;
}

/** Adds to a query the expansion of each acronym it uses and the acronym of each expansion it spells out. */
const patterns = new WeakMap<Glossary, Array<[RegExp, string, string]>>();

/** Each acronym's pattern, compiled once per glossary. */
function patternsOf(glossary: Glossary): Array<[RegExp, string, string]> {
  let list = patterns.get(glossary);
  if (!list) {
    list = Object.entries(glossary).map(([acronym, expansion]) => [new RegExp(`(^|[^A-Za-z])${acronym.replace(/[&]/g, '\\&')}s?([^A-Za-z]|$)`, acronym.length <= 2 ? '' : 'i'), acronym, expansion]);
    patterns.set(glossary, list);
  }
  return list;
}

export function expandQuery(query: string, glossary: Glossary): string {
  const extra: string[] = [];
  const lower = query.toLowerCase();
  for (const [pattern, acronym, expansion] of patternsOf(glossary)) {
    const usesAcronym = pattern.test(query);
    if (usesAcronym && !lower.includes(expansion.toLowerCase())) extra.push(expansion);
    else if (!usesAcronym && lower.includes(expansion.toLowerCase())) extra.push(acronym);
  }
  return extra.length ? `${query} (${extra.join('; ')})` : query;
}
