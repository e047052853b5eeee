import type { Glossary } from '../extract/mine-glossary.js';
import type { Place } from '../types.js';

/** A council or committee the index holds, with the names a question may use for it. */
export interface ScopeName {
  name: string;
  /** Lower-case forms matched as whole words: the name, its distinctive words, initials, glossary acronyms. */
  aliases: string[];
  /** Upper-case short forms matched case-sensitively ("TCPC", "MCA"): too short to match in lower case. */
  acronyms: string[];
  /** A council's: its place name may be written cut short ("Sheffd"). */
  place?: boolean;
}

/** The councils and committees held in an index; built once per index from passage metadata and the glossary. */
export interface ScopeRegistry {
  councils: ScopeName[];
  committees: Array<ScopeName & { councils: string[] }>;
  /** Meeting dates held, ISO, sorted. */
  meetingDates: string[];
  /** The name a council is held under: a Welsh name ("Cyngor Cymuned Llan a Bryn") whose English form is also held is that council. */
  canonicalCouncil(name: string): string;
  /** Every name the passages label a held council with (its Welsh name too), for search filters. */
  labelsOf(council: string): string[];
  /**
   * The council a paper that names none belongs to, from its file name or folder: the one council the index
   * holds whose distinctive words or short form the path spells ("riverton/constitution-part-3.txt"); null
   * when none or several do. For scope only: a citation's label stays what the paper itself says.
   */
  councilOfSource(source: string): string | null;
}

/** Words naming a kind of body rather than which one ("City Council", "Policy Committee"). */
const KIND_WORDS = new Set([
  'county', 'borough', 'district', 'city', 'council', 'royal', 'london', 'metropolitan', 'town', 'parish', 'community',
  'combined', 'authority', 'mayoral', 'unitary', 'committee', 'sub-committee', 'cabinet', 'board', 'panel', 'policy',
  'select', 'scrutiny', 'overview', 'and', 'of', 'the', 'for', 'upon', 'on', 'in', '&',
]);
const SMALL = new Set(['and', 'of', 'the', 'for', 'upon', 'on', 'in', '&', 'a', 'an']);

const wordsOf = (name: string): string[] => name.toLowerCase().replace(/[’']s\b/g, '').split(/[^\p{L}\p{N}&-]+/u).filter(Boolean);

/** "Transport and Connectivity Policy Committee" -> "TCPC". */
export function initialsOf(name: string): string {
  return wordsOf(name).filter((w) => !SMALL.has(w)).map((w) => w.charAt(0)).join('').toUpperCase();
}

/** Whether every distinctive word of a glossary expansion is a word of the name ("West of England Combined Authority" for a longer name). */
function expansionNames(expansion: string, name: string): boolean {
  const have = wordsOf(name).filter((w) => !SMALL.has(w));
  const want = new Set(wordsOf(expansion).filter((w) => !SMALL.has(w)));
  // Every distinctive word of the name must be there ("Audit Committee" is not "Governance and Audit Committee").
  return want.size >= 2 && [...want].every((w) => have.includes(w)) && have.filter((w) => !KIND_WORDS.has(w)).every((w) => want.has(w));
}

/** Short forms shorter than this are too ambiguous to name a body ("AC", "NC"). */
const MIN_ACRONYM = 3;

function scopeName(name: string, glossary: Glossary, kindWordsAreNames: boolean): ScopeName {
  const words = wordsOf(name);
  const distinctive = words.filter((w) => !KIND_WORDS.has(w));
  const aliases = new Set<string>([name.toLowerCase()]);
  // "Riverton" alone names Riverton City Council; a committee's distinctive words only together ("harbour").
  if (kindWordsAreNames && distinctive.length) aliases.add(distinctive.join(' '));
  if (!kindWordsAreNames && distinctive.length) aliases.add(`${distinctive.join(' ')} committee`);
  const acronyms = new Set<string>();
  const init = initialsOf(name);
  if (init.length >= MIN_ACRONYM) acronyms.add(init);
  for (const [acronym, expansion] of Object.entries(glossary)) if (acronym.length >= MIN_ACRONYM && expansionNames(expansion, name)) acronyms.add(acronym);
  // "G&A" for the Governance and Audit Committee, "P&R" for Policy and Resources: the words either side of "and".
  const and = words.findIndex((w, i) => (w === 'and' || w === '&') && i > 0 && i < words.length - 1);
  if (and > 0 && !kindWordsAreNames && !SMALL.has(words[and - 1]!) && !SMALL.has(words[and + 1]!)) acronyms.add(`${words[and - 1]![0]}&${words[and + 1]![0]}`.toUpperCase());
  // A council's short form is typed in lower case as often as not ("rcc's complaints"): it names the council either way.
  if (kindWordsAreNames) for (const a of acronyms) aliases.add(a.toLowerCase());
  return { name, aliases: [...aliases].filter((a) => a.length >= 3), acronyms: [...acronyms], ...(kindWordsAreNames ? { place: true } : {}) };
}

/** Single bodies a council has one of ("Cabinet", "Executive"), named without distinctive words. */
const SOLE_BODIES = new Set(['cabinet', 'executive']);

/** Whether a committee label names one body: it has distinctive words, or it is the council's cabinet or executive. */
function namesABody(name: string): boolean {
  const words = wordsOf(name);
  return words.some((w) => !KIND_WORDS.has(w)) || (words.length === 1 && SOLE_BODIES.has(words[0]!));
}

/** Builds the registry from the passages' places and the corpus glossary. */
export function buildScopeRegistry(places: Iterable<Place>, glossary: Glossary): ScopeRegistry {
  const councils = new Set<string>();
  const committees = new Map<string, Set<string>>();
  const dates = new Set<string>();
  for (const p of places) {
    if (p.council) councils.add(p.council);
    if (p.committee) {
      const set = committees.get(p.committee) ?? new Set<string>();
      if (p.council) set.add(p.council);
      committees.set(p.committee, set);
    }
    if (p.meetingDate) dates.add(p.meetingDate);
  }
  // A community or town council's minutes in Welsh name it in Welsh: the same council as its English name.
  const canonical = new Map<string, string>();
  for (const c of councils) {
    const english = englishFormOf(c);
    if (english && english !== c && councils.has(english)) canonical.set(c, english);
  }
  const councilNames = [...councils].filter((c) => !canonical.has(c)).sort().map((c) => {
    const entry = scopeName(c, glossary, true);
    const welsh = [...canonical].filter(([, e]) => e === c).map(([w]) => w.toLowerCase());
    return welsh.length ? { ...entry, aliases: [...entry.aliases, ...welsh] } : entry;
  });
  const bySource = new Map<string, string | null>();
  return {
    councils: councilNames,
    canonicalCouncil: (name) => canonical.get(name) ?? name,
    labelsOf: (council) => [council, ...[...canonical].filter(([, e]) => e === council).map(([w]) => w)],
    committees: [...committees].filter(([c]) => namesABody(c)).sort(([a], [b]) => a.localeCompare(b)).map(([c, owners]) => ({ ...scopeName(c, glossary, false), councils: [...owners] })),
    meetingDates: [...dates].sort(),
    councilOfSource(source) {
      if (!bySource.has(source)) bySource.set(source, councilOfPath(source, councilNames));
      return bySource.get(source)!;
    },
  };
}

/** Welsh kinds of council and their English names. */
const WELSH_KINDS: ReadonlyArray<[RegExp, string]> = [
  [/^Cyngor Cymuned (.+)$/, 'Community Council'],
  [/^Cyngor Tref (.+)$/, 'Town Council'],
];

/**
 * The English form of a Welsh community or town council's name ("Cyngor Cymuned Llan a Bryn" -> "Llan and
 * Bryn Community Council"), whose place names the two languages share; null for any other name (a county's
 * or a city's Welsh name is not its English one: "Cyngor Sir Gâr" is Carmarthenshire).
 */
function englishFormOf(name: string): string | null {
  for (const [re, kind] of WELSH_KINDS) {
    const m = re.exec(name);
    if (m) return `${m[1]!.replace(/ ac? /g, ' and ')} ${kind}`;
  }
  return null;
}

/** The one council whose distinctive words (all of them) or short form are words of a file path. */
function councilOfPath(path: string, councils: readonly ScopeName[]): string | null {
  const words = new Set(path.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean));
  const named = councils.filter((c) => {
    const distinctive = wordsOf(c.name).filter((w) => !KIND_WORDS.has(w));
    return (distinctive.length > 0 && distinctive.every((w) => words.has(w))) || c.acronyms.some((a) => words.has(a.toLowerCase()));
  });
  return named.length === 1 ? named[0]!.name : null;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface Word {
  word: string;
  start: number;
  end: number;
}

/**
 * Whether a word is a place name's opening letters (three or more) closed by its last one or two, or by an
 * "s" as counties are written: "sheffd" for "sheffield", "worcs" for "worcester".
 */
function cutShort(word: string, place: string): boolean {
  if (word.length < 4 || word.length > 6 || place.length < 7 || !/^[a-z]+$/.test(word)) return false;
  for (let tail = 1; tail <= 2; tail++) {
    const head = word.slice(0, -tail);
    const end = word.slice(-tail);
    if (head.length >= 3 && place.startsWith(head) && (place.endsWith(end) || end === 's') && place.length > word.length + 1) return true;
  }
  return false;
}

/** The question's words without small words ("Llanfair & Bryn" and "Llanfair and Bryn" read alike). */
function contentWords(text: string): Word[] {
  const out: Word[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}-]*/gu)) {
    const word = m[0].toLowerCase().replace(/[’']s$/, '');
    if (!SMALL.has(word)) out.push({ word, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** The spans of a question where a registry name is used: for scope, and to keep names out of the key terms. */
export function namesIn(question: string, entries: readonly ScopeName[]): Array<{ name: string; start: number; end: number }> {
  const out: Array<{ name: string; start: number; end: number }> = [];
  // (A possessive is blanked, not cut, so that the words keep their places in the question.)
  const qw = contentWords(question.replace(/[’']s\b/g, '  '));
  for (const e of entries) {
    for (const alias of e.aliases) {
      const aw = wordsOf(alias).filter((w) => !SMALL.has(w));
      if (!aw.length) continue;
      // "Sheffd" for Sheffield: a place's name cut short and closed with its last letters, as officers write it.
      if (e.place && aw.length === 1) for (const w of qw) if (cutShort(w.word, aw[0]!)) out.push({ name: e.name, start: w.start, end: w.end });
      for (let i = 0; i + aw.length <= qw.length; i++) {
        if (!aw.every((w, j) => qw[i + j]!.word === w)) continue;
        const end = qw[i + aw.length - 1]!.end;
        // A one-word body ("Cabinet") followed by a capitalised word names something else ("Cabinet Members' Meeting").
        if (aw.length === 1 && /^\s+[A-Z]/.test(question.slice(end))) continue;
        out.push({ name: e.name, start: qw[i]!.start, end });
      }
    }
    for (const acronym of e.acronyms) {
      for (const m of question.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])${escape(acronym)}s?(?![\\p{L}\\p{N}])`, 'gu'))) out.push({ name: e.name, start: m.index, end: m.index + m[0].length });
    }
  }
  return out;
}

/** "Eastwick Council", "Northshire County Council", "Vale of Ash Borough Council": a council named by its place and the word Council. */
const COUNCIL_NAMED = /(?<![\p{L}\p{N}])(\p{Lu}[\p{L}’'-]*(?:\s+(?:of|and|&|upon|on|\p{Lu}[\p{L}’'-]*))*)\s+Council\b/gu;
/** Capitalised words that open a question or say which kind of council, not which place ("What did", "the Full Council"). */
const NOT_A_PLACE = new Set(['the', 'full', 'our', 'this', 'that', 'each', 'every', 'which', 'what', 'whole', 'a', 'an', 'did', 'does', 'do', 'has', 'have', 'is', 'was', 'how', 'why', 'when', 'who', 'where', 'will', 'can', 'should']);

/**
 * The councils a question names by place that the index does not hold ("What did Eastwick Council…", with
 * none of Eastwick's papers indexed): the papers hold nothing that answers for them.
 */
export function unheldCouncilsIn(question: string, councils: readonly ScopeName[]): string[] {
  const out: string[] = [];
  for (const m of question.matchAll(COUNCIL_NAMED)) {
    const words = m[1]!.split(/\s+/);
    // The place follows any question words: "Did Eastwick Council" is Eastwick's; "the Full Council" names none.
    while (words.length && (NOT_A_PLACE.has(words[0]!.toLowerCase()) || SMALL.has(words[0]!.toLowerCase()))) words.shift();
    if (!words.length || words.every((w) => KIND_WORDS.has(w.toLowerCase()) || SMALL.has(w.toLowerCase()))) continue;
    const name = `${words.join(' ')} Council`;
    if (!namesIn(name, councils).length) out.push(name);
  }
  return [...new Set(out)];
}

/** Kinds of council a question may name one by ("the community council", "the CA"). */
const COUNCIL_KINDS = ['community council', 'town council', 'parish council', 'county council', 'city council', 'borough council', 'district council', 'combined authority'];
const KIND_RE = new RegExp(`(?:\\bthe\\s+|^\\s*)(${COUNCIL_KINDS.join('|')})\\b|\\bthe\\s+([A-Z]{2})(?:[’']s)?\\b`, 'gi');

/**
 * The council a question names by its kind alone ("the community council's AGM", "the CA's answer") when
 * the index holds exactly one council of that kind; null when it holds none or several.
 */
export function councilOfKind(question: string, councils: readonly ScopeName[]): { name: string; start: number; end: number } | null {
  for (const m of question.matchAll(KIND_RE)) {
    const kinds = m[1] ? [m[1].toLowerCase().replace(/\s+/g, ' ')] : COUNCIL_KINDS.filter((k) => initialsOf(k) === m[2]);
    if (!kinds.length || (m[2] && m[2] !== m[2].toUpperCase())) continue;
    const held = councils.filter((c) => kinds.some((k) => c.name.toLowerCase().includes(k)));
    if (held.length === 1) return { name: held[0]!.name, start: m.index, end: m.index + m[0].length };
  }
  return null;
}
