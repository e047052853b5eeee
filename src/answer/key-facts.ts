/**
 * The key facts of a sentence (numbers, dates, durations, named entities) and whether a model's
 * claim is backed by its verified quote: every fact the claim states must be found in the quote or in
 * where the quote comes from, and the claim must be about what the quote says. Pure; no council's
 * wording is known here, only the shape of English figures and names.
 */

/** How much of a claim must be found in its quote. */
export const BACKING = {
  /** Share of the claim's content words that must appear in the quote or its place (a claim may paraphrase). */
  minWordOverlap: 0.5,
  /** Words this short carry little meaning on their own. */
  minWordLength: 4,
  /** Words compared by their first letters, so that "kept" matches "keep" and "authorisations" "authorised". */
  stemLength: 5,
} as const;

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, thirty: 30,
  forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100, thousand: 1000, million: 1_000_000,
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10, twelfth: 12,
  half: 0.5, once: 1, twice: 2, single: 1, double: 2, dozen: 12, fortnight: 14,
};
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_SHORT = new Map(MONTHS.map((m, i) => [m.slice(0, 3), i + 1]));

/** Words that open sentences or carry grammar, never a name, however they are capitalised. */
const FUNCTION_WORDS = new Set(
  'a an the and or but if then than that this these those there their they them it its is are was were be been being has have had do does did of in on at to for from by with within without under over into onto as per not no nor so such each every any all some most many much more less least other only also again about after before between during until upon while where when which who whom whose what why how i we you he she our your his her my me us'.split(' '),
);

export interface KeyFacts {
  /** Numbers as digits: "three", "3" and "3rd" are all 3; "£1,200" is 1200. */
  numbers: Set<number>;
  /** Month numbers named ("October", "Oct", "10/2023"). */
  months: Set<number>;
  /** Capitalised names and acronyms not at the start of a sentence, lower-cased ("foi", "chief", "executive"). */
  entities: Set<string>;
  /** Content words' stems, for the overlap check. */
  words: Set<string>;
}

const stem = (w: string): string => w.slice(0, BACKING.stemLength);

/** The key facts of `text`. */
export function keyFacts(text: string): KeyFacts {
  const facts: KeyFacts = { numbers: new Set(), months: new Set(), entities: new Set(), words: new Set() };
  for (const m of text.matchAll(/\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{2,4})\b/g)) {
    facts.numbers.add(Number(m[1]));
    facts.months.add(Number(m[2]));
    facts.numbers.add(Number(m[3]));
  }
  for (const m of text.matchAll(/\d[\d,]*(?:\.\d+)?/g)) {
    const value = Number(m[0].replace(/,(?=\d{3}\b)/g, '').replace(/,/g, ''));
    if (Number.isFinite(value)) facts.numbers.add(value);
  }
  const tokens = [...text.matchAll(/[\p{L}][\p{L}'’-]*/gu)];
  for (const t of tokens) {
    const word = t[0];
    const lower = word.toLowerCase();
    const n = NUMBER_WORDS[lower];
    if (n !== undefined) {
      facts.numbers.add(n);
      continue;
    }
    const month = MONTHS.indexOf(lower) + 1 || MONTH_SHORT.get(lower);
    if (month && (lower.length > 3 || /^[A-Z]/.test(word))) {
      if (lower !== 'may' || /^[A-Z]/.test(word)) facts.months.add(month);
      continue;
    }
    if (FUNCTION_WORDS.has(lower)) continue;
    const before = text.slice(0, t.index).trimEnd();
    const startsSentence = before === '' || /[.!?:;\n"“(]$/.test(before);
    if (/^\p{Lu}/u.test(word) && (!startsSentence || /^\p{Lu}{2,}$/u.test(word))) facts.entities.add(lower);
    if (lower.length >= BACKING.minWordLength) facts.words.add(stem(lower));
  }
  return facts;
}

/** Whether `word` (lower case) is found in the backing text's words or names. */
const found = (backing: KeyFacts, word: string): boolean => backing.words.has(stem(word)) || backing.entities.has(word);

/**
 * Whether a claim is backed: every number, month and name it states is in the quote or in where the
 * quote comes from (`place`: council, committee, meeting date...), names may also come from the
 * question, and at least half its content words are the quote's. A model's figure, date or
 * duration that its quote does not state is never shown.
 */
export function isBacked(claim: string, quote: string, context: { place?: readonly string[]; question?: string } = {}): boolean {
  const c = keyFacts(claim);
  const backing = keyFacts([quote, ...(context.place ?? [])].join('\n'));
  const asked = keyFacts(context.question ?? '');
  for (const n of c.numbers) if (!backing.numbers.has(n)) return false;
  for (const m of c.months) if (!backing.months.has(m)) return false;
  for (const e of c.entities) if (!found(backing, e) && !asked.entities.has(e) && !asked.words.has(stem(e))) return false;
  const words = [...c.words];
  if (!words.length) return c.numbers.size > 0 || c.months.size > 0;
  const shared = words.filter((w) => backing.words.has(w) || asked.words.has(w)).length;
  return shared / words.length >= BACKING.minWordOverlap;
}
