import { STOPWORDS, stem } from '../index/tokenize.js';
import type { TermStats } from '../retrieve/passage-store.js';

/** Words shorter than this are left alone: too many short words lie one letter from another. */
const MIN_LETTERS = 5;
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** Spellings one edit from a word, likeliest slips first: two letters swapped, one dropped, one wrong, one extra. */
function oneEditAway(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < word.length; i++) out.push(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  for (let i = 0; i < word.length; i++) for (const c of LETTERS) if (c !== word[i]) out.push(word.slice(0, i) + c + word.slice(i + 1));
  for (let i = 0; i <= word.length; i++) for (const c of LETTERS) out.push(word.slice(0, i) + c + word.slice(i));
  return out;
}

/**
 * Welsh mutates a word's first letters after some words ("ym Mhenybanc" is "in Penybanc", "y ddau" is
 * "the two"): the forms a mutated word may stand for, longest change first.
 */
const UNMUTATE: ReadonlyArray<[string, readonly string[]]> = [
  ['ngh', ['c']], ['mh', ['p']], ['nh', ['t']], ['ng', ['g']], ['ph', ['p']], ['th', ['t']], ['ch', ['c']], ['dd', ['d']],
  ['f', ['b', 'm']], ['g', ['c']], ['b', ['p']], ['d', ['t']], ['l', ['ll']], ['r', ['rh']], ['m', ['b']], ['n', ['d']],
];
/**
 * Welsh words after which a one-letter change is a mutation: English has words one letter from others
 * ("Ferry", "berry"), so a one-letter change is undone only after one of these.
 */
const TRIGGERS = new Set(['y', 'yr', 'ym', 'yn', 'yng', 'ei', 'dy', 'fy', 'gan', 'dros', 'trwy', 'drwy', 'wrth', 'heb', 'dau', 'dwy']);

function unmutated(word: string, previous: string): string[] {
  const lower = word.toLowerCase();
  const afterTrigger = TRIGGERS.has(previous.toLowerCase());
  const out: string[] = [];
  for (const [from, tos] of UNMUTATE) if (lower.startsWith(from) && (from.length > 1 || afterTrigger)) for (const to of tos) out.push(to + lower.slice(from.length));
  if (afterTrigger && /^[aeiouwyâêîôûŵŷ]/.test(lower)) out.push(`g${lower}`);
  return out;
}

/** The most used of some spellings the papers have, or null. */
function mostUsed(candidates: readonly string[], vocabulary: TermStats): string | null {
  let best: { word: string; idf: number } | null = null;
  for (const candidate of candidates) {
    const t = stem(candidate);
    if (STOPWORDS.has(candidate) || !vocabulary.known(t)) continue;
    const idf = vocabulary.idf(t);
    if (!best || idf < best.idf) best = { word: candidate, idf };
  }
  return best?.word ?? null;
}

/**
 * A question with its misspelt and mutated words put right ("parking reveiw" -> "parking review", "ym
 * Mhenybanc" -> "ym Penybanc"). A lower-case word of five letters or more that no paper uses becomes the
 * spelling one edit away that the papers use most. Capitalised words are names, left as typed (a place
 * no paper mentions is not a misspelling of one that some paper does), unless they are Welsh mutations.
 */
export function correctTypos(question: string, vocabulary: TermStats): string {
  return question.replace(/(?<![\p{L}\p{N}'’-])\p{L}+(?![\p{L}\p{N}'’-])/gu, (word, at: number) => {
    const lower = word.toLowerCase();
    if (STOPWORDS.has(lower) || vocabulary.known(stem(lower))) return word;
    // A mutated Welsh word, a name too, is the word the papers write unmutated.
    const previous = /(\p{L}+)\s+$/u.exec(question.slice(0, at))?.[1] ?? '';
    const plain = word.length >= 3 ? mostUsed(unmutated(word, previous), vocabulary) : null;
    if (plain) return word[0] === word[0]!.toUpperCase() ? plain[0]!.toUpperCase() + plain.slice(1) : plain;
    if (word !== lower || word.length < MIN_LETTERS || !/^[a-z]+$/.test(word)) return word;
    return mostUsed(oneEditAway(word), vocabulary) ?? word;
  });
}
