import { letteredTerms } from '../index/tokenize.js';
import { answerType, clausesOf, countedThing, keyPairs, keyTerms, type AnswerType } from '../answer/question-terms.js';
import { namedDates, namedPeriods, type NamedDate, type NamedPeriod } from './question-dates.js';
import { councilOfKind, namesIn, unheldCouncilsIn, type ScopeRegistry } from './scope-registry.js';
import { correctTypos } from './correct-typos.js';
import type { TermStats } from '../retrieve/passage-store.js';
import { COMMON_ACRONYMS } from './common-acronyms.js';
import { monthNumber } from '../parse/find-dates.js';
import type { Glossary } from '../extract/mine-glossary.js';

/** One part of a compound question ("…, and who has the delegation?"). */
export interface ClauseReading {
  text: string;
  terms: string[];
  /** Terms a short part takes from the question's subject (not its own words): they count for less in it. */
  inherited?: string[];
  pairs: string[];
  type: AnswerType;
  counted: string[];
  wantsVote: boolean;
  wantsDecision: boolean;
  /** "…, and what drove it?": this part asks for a reason. */
  wantsReason?: boolean;
  /** Periods this part alone is bounded by (a month it names): "what did the Sept 2024 report reckon…". */
  periods?: NamedPeriod[];
}

/** What a question limits itself to. Empty lists mean "anywhere". */
export interface QuestionScope {
  councils: string[];
  committees: string[];
  dates: NamedDate[];
  periods: NamedPeriod[];
  /** "latest", "current", "now": the newest meeting first. */
  latest: boolean;
}

/** The one reading of a question, made once and passed to every stage (router, skills, search, reader). */
export interface QuestionReading {
  /** As typed. */
  text: string;
  /** The text with the council names of its scope blanked out: what record look-ups match on. */
  content: string;
  /** What the documents are searched with: the text, or for a follow-up the earlier question with this one. */
  query: string;
  /** Content terms (stemmed), without question words and without the council and committee names of the scope. */
  terms: string[];
  pairs: string[];
  type: AnswerType;
  counted: string[];
  /** "why", "what drove", "reason": the answer should give the reason too. */
  wantsReason: boolean;
  /** "was it unanimous?", "what was the vote?", "did it get through?": the answer should give the vote. */
  wantsVote: boolean;
  /** "what did the committee decide / agree / approve?": the answer should give the resolution. */
  wantsDecision: boolean;
  /** "what was the answer to the public question?": the answer should give the response, not the question. */
  wantsResponse: boolean;
  clauses: ClauseReading[];
  scope: QuestionScope;
  followUp: boolean;
  /** Upper-case words typed in the question (acronyms and references). */
  acronyms: string[];
  /** Capitalised words inside a sentence of the question (places, people, bodies), outside its scope's names. */
  names: string[];
  /** Councils the question names that the index holds no papers of ("Eastwick Council"), when it names no council held. */
  unheldCouncils: string[];
}

export interface ReadingContext {
  registry: ScopeRegistry;
  /** COUNCIL_NAME: what "we", "our" and "us" mean in a one-council deployment. */
  ourCouncil?: string | null;
  /** The corpus glossary: abbreviations the papers define are left for the search to expand. */
  glossary?: Glossary;
  /** The reading of the question before this one in the same thread. */
  previous?: QuestionReading | null;
  /** The words the papers use, so that a misspelt word is read as the word meant. */
  vocabulary?: TermStats;
}

const LATEST_RE = /\b(latest|current|currently|most recent|now|at the moment|at present|presently|this year|up to date|newest|since|so far)\b/i;

/** Whether a question asks for the newest information ("latest", "at the moment", "since"). */
export function asksForLatest(question: string): boolean {
  return LATEST_RE.test(question);
}
const REASON_RE = /\bwhy\b|\bwhat (?:drove|caused|explains|is behind|was behind)\b|\breasons?\b|\bdriv(?:en|ers?|ing)\b|\bbecause\b|\bexplain\b/i;

/** Whether a question (or a part of one) asks for a reason ("why…?", "what drove it?"). */
export function asksForReason(text: string): boolean {
  return REASON_RE.test(text);
}
const VOTE_RE = /\bunanim\w*|\bvot(?:e|ed|es|ing)\b|\bwas it close\b|\bget through\b|\bgot through\b|\bcarried\b(?! out)|\bpassed\b|\bfell\b/i;
// What was decided: the past tense, the noun, or "did … agree": not "the deadline to approve the scheme".
const DECISION_RE = /\bdecided\b|\bdecisions?\b|\bagreed\b|\bapproved\b|\bapproval\b|\bresolved\b|\bresolutions?\b|\bsign(?:ed)? off\b|\b(?:get|got|go|went) through\b|\b(?:did|does|has|have|will)\b[^?]*\b(?:decide|agree|approve|resolve|sign)\b|\bwhat (?:did|has|have|will)\b[^?]*\bdo(?:ne)?\b/i;
const OUR_RE = /\b(we|our|us|ours)\b/i;
/** Asking for the reply to a question put at a meeting: "what's the CA's answer?", "how did the Mayor respond?". */
const RESPONSE_RE = /\bthe\s+(?:[\p{L}&]+[’']s\s+)?(?:answer|response|reply)\b|\b(?:respond|responded|reply|replied)\b/iu;

/** Whether a question leans on the one before it ("and for 2021-22?", "what about CHIS?"). */
export function isFollowUp(question: string): boolean {
  const words = question.trim().split(/\s+/);
  const q = question.trim();
  return words.length <= 5 || /^(and|what about|how about|also|same for|what if|or)\b/i.test(q) || (/\b(it|that|this|they|those|them)\b/i.test(q) && words.length <= 10);
}

/** A council's name runs on through a kind word or its abbreviation ("Llanfair & Bryn CC", "Northshire County Council"). */
function withKindWords(text: string, span: { start: number; end: number }): { start: number; end: number } {
  const rest = text.slice(span.end);
  const m = /^(?:[’']s)?\s+(?:(?:county|city|borough|district|town|parish|community)\s+)?council\b/i.exec(rest) ?? /^(?:[’']s)?\s+[A-Z]{1,2}C\b/.exec(rest);
  return m ? { start: span.start, end: span.end + m[0].length } : span;
}

/** Replaces common abbreviations that the corpus does not define with their words ("DOIs" -> "declarations of interest"). */
function spellOut(text: string, glossary: Glossary): string {
  return text.replace(/\b([A-Z](?:[A-Z]|&(?=[A-Z])){1,5})(?:'?s)?\b/g, (m, acronym: string) => (glossary[acronym] || !COMMON_ACRONYMS[acronym] ? m : COMMON_ACRONYMS[acronym]!));
}

function blank(text: string, spans: ReadonlyArray<{ start: number; end: number }>): string {
  let out = text;
  for (const s of spans) out = out.slice(0, s.start) + ' '.repeat(s.end - s.start) + out.slice(s.end);
  return out;
}

function clauseOf(text: string): ClauseReading {
  return { text, terms: keyTerms(text), pairs: keyPairs(text), type: answerType(text), counted: countedThing(text), wantsVote: VOTE_RE.test(text), wantsDecision: DECISION_RE.test(text), wantsReason: asksForReason(text) };
}

/** A part too short to name its subject ("and what was the biggest?") is about the question's subject. */
function withSubject(clause: ClauseReading, subject: readonly string[]): ClauseReading {
  // A year or a figure says when or how much, not of what ("how did we do in 2022/23?").
  const own = clause.terms.filter((t) => !NOT_A_SUBJECT.has(t) && !/^\d+$/.test(t));
  return own.length >= 3 ? clause : inheriting(clause, subject);
}

/** A part with words it takes from elsewhere in the question, kept apart as inherited (they count for less). */
function inheriting(clause: ClauseReading, words: readonly string[]): ClauseReading {
  const inherited = [...new Set([...(clause.inherited ?? []), ...words.filter((t) => !clause.terms.includes(t))])];
  return { ...clause, terms: [...new Set([...clause.terms, ...inherited])], inherited };
}

/** A part that asks something (a question word, or a question's opening verb), not a topic heading ("Audit Committee - …"). */
const ASKS = /\b(?:what|how|who|whom|whose|when|where|why|which)\b|^\s*(?:has|have|had|is|are|was|were|did|does|do|can|could|will|should|must)\b|\bor not\b/i;

/**
 * The parts of a compound question, each with its subject. The subject is the topic the question opens
 * with ("Audit Committee - how many members, how many make it quorate?"), else its first part's words.
 */
function clausesIn(content: string): ClauseReading[] {
  const all = clausesOf(content);
  const parts: ClauseReading[] = [];
  for (const c of all) {
    if (ASKS.test(c)) parts.push(clauseOf(c));
    // "How long are minutes kept? and background papers?": the part asks the same as the one before, of another subject.
    // It takes that part's words too, as words of less weight ("keep", "minutes", "available" for "background papers").
    else if (ELLIPTICAL.test(c) && parts.length) parts.push(inheriting({ ...clauseOf(c), type: parts.at(-1)!.type }, parts.at(-1)!.terms));
  }
  if (parts.length < 2) return [];
  const first = all.findIndex((c) => ASKS.test(c));
  const topic = all.slice(0, first).flatMap((c) => keyTerms(c));
  const subject = topic.length ? topic : parts[0]!.terms;
  // "…, and how does that compare with the county average?" asks for the same kind of fact as the part before.
  const typed = parts.map((c, i) => (i > 0 && c.type === 'any' && COMPARES_ASKED.test(c.text) ? { ...c, type: parts[i - 1]!.type } : c));
  return typed.map((c) => withSubject(c, subject));
}

/** A part that asks how something compares with something else. */
const COMPARES_ASKED = /\b(?:compare[sd]?|comparison|versus|vs\.?|against)\b/i;

/** "…in 2022/23, and how does that compare with the year before?": the question asks of the year before too. */
const YEAR_BEFORE = /\b(?:the )?(?:year|period) before\b|\b(?:previous|prior|preceding) year\b|\blast year\b/i;

function withYearBefore(periods: NamedPeriod[], text: string): NamedPeriod[] {
  if (!YEAR_BEFORE.test(text)) return periods;
  const before = periods.flatMap((p) => {
    if (p.kind === 'quarter') return [];
    const y = Number(p.start.slice(0, 4)) - 1;
    return namedPeriods(p.kind === 'financialYear' ? `${y}/${String(y + 1).slice(2)}` : String(y));
  });
  return [...periods, ...before.filter((b) => !periods.some((p) => p.label === b.label))];
}

/**
 * "The caseload back in March 2021": a month that is not a meeting's dates the fact asked for, so its year
 * bounds where to look (unless a period the question names already covers it).
 */
function monthYears(periods: readonly NamedPeriod[], dates: readonly NamedDate[]): NamedPeriod[] {
  const months = dates.filter((d) => d.kind === 'month' && !d.meeting);
  const years = unique(months.map((d) => d.iso.slice(0, 4))).filter((y) => !periods.some((p) => p.start <= `${y}-12-31` && p.end >= `${y}-01-01`));
  // The papers name the year, or the month as the question wrote it ("March 23").
  return years.flatMap((y) => namedPeriods(y).map((p) => ({ ...p, forms: unique([...p.forms, ...months.filter((d) => d.iso.startsWith(y)).map((d) => d.label.toLowerCase())]) })));
}

/** A word that points back at what an earlier part of the question spoke of ("…and how much was that meant to raise?"). */
const POINTS_BACK = /\b(?:that|this|it|its|they|them|those|these)\b/i;

/**
 * In a question in parts, a month bounds the part that names it, and a later part that points back at it
 * ("…in Sept 2024, and how much was that meant to raise?"); another part ("…and how many workplaces have
 * we contacted?") may be of any date.
 */
function withClauseMonths(clauses: ClauseReading[], periods: readonly NamedPeriod[]): ClauseReading[] {
  let before: NamedPeriod[] = [];
  return clauses.map((c, i) => {
    const own = monthYears(periods, namedDates(c.text));
    const months = own.length ? own : i > 0 && POINTS_BACK.test(c.text) ? before : [];
    before = months;
    return months.length ? { ...c, periods: months } : c;
  });
}

/** A question asking which committee or body does something. */
const ASKS_WHICH_BODY = /\bwhich\s+(?:\w+\s+)?(?:committees?|sub-committees?|bod(?:y|ies)|boards?|panels?)\b/i;

/** A part that opens "and …", "or …", "what about …", "compared with …" with no question of its own. */
const ELLIPTICAL = /^\s*(?:and|or|also|plus|(?:what|how) about|(?:is it )?(?:the )?same (?:as|for)|compared (?:with|to)|versus|vs)\b/i;

/** Words that say what is asked of a subject, not which subject ("what did the committee agree?", "when does the current one end?"). */
const NOT_A_SUBJECT = new Set(keyTerms('committee council meeting agree agreed decide decided approve approved vote voted unanimous close happen happened one ones compare compared year years previous last before'));

const unique = <T>(xs: Iterable<T>): T[] => [...new Set(xs)];

/** Days of the week, English and Welsh ("Dydd Llun"): dates, not names, as months are ("Mehefin" is June). */
const DAYS = /^(?:mon|tue|wed|thu|fri|sat|sun)|^dydd$/i;

const LETTERED_NAME = /\b\p{L}+\s+\p{Lu}\b/gu;

/**
 * Proper names the question uses mid-sentence ("What does Swindon charge…"): capitalised words of four
 * letters or more that do not open a sentence and are not months or days.
 */
function namesOf(content: string): string[] {
  // "Band D", "Appendix K": a label and its letter name one thing.
  const out: string[] = [...content.matchAll(LETTERED_NAME)].map((m) => m[0]).filter((n) => letteredTerms(n).length);
  for (const m of content.matchAll(/(?<=[\p{L}\p{N},;)'’]\s+)\p{Lu}\p{Ll}{3,}(?:[’']s)?/gu)) {
    const word = m[0].replace(/[’']s$/, '');
    if (monthNumber(word) === null && !DAYS.test(word)) out.push(word);
  }
  return unique(out);
}

/** Reads a question once: its key terms, the kind of answer wanted, its parts and its scope. */
export function readQuestion(typed: string, context: ReadingContext): QuestionReading {
  const { registry } = context;
  // "25/26" (or "25-26", not "12-13 weeks") is written "2025/26" in the papers: search and match the full form; a common abbreviation
  // the papers never define ("DOIs") is read as its words.
  // "whats", "whos", "hows": typed without the apostrophe, read as written with it; "cttee" is "committee";
  // a contract that "runs out" expires; a body "set up" is established; who "picks up" or "foots" the cost is who it falls on.
  const corrected = context.vocabulary ? correctTypos(typed, context.vocabulary) : typed;
  const text = spellOut(corrected.replace(/\b(what|who|how|where|when)s\b/gi, "$1's").replace(/\b(?:cttee|ctte|cmttee|cmte)(s?)\b/gi, 'committee$1').replace(/\b(run|runs|ran|running) out\b/gi, 'expire').replace(/\b(?:set|sets|setting) up\b/gi, 'establish').replace(/\b(?:picks?|picked|picking)\s+up\s+(?=the\s+(?:costs?|bill|tab)\b)|\b(?:foots?|footed|bears?|shoulders?|shouldered)\s+(?=the\s+(?:costs?|bill|tab)\b)/gi, ''), context.glossary ?? {}).replace(/(?<![\d/-])(\d{2})[/-](\d{2})(?![\d/-])(?!\s*(?:weeks?|days?|months?|years?|hours?|minutes?|members?|people|%))/g, (m, a: string, b: string) => (Number(b) === Number(a) + 1 ? `20${a}/${b}` : m));
  const councilSpans = namesIn(text, registry.councils);
  const committeeSpans = namesIn(text, registry.committees);
  let councils = unique(councilSpans.map((s) => s.name));
  if (!councils.length && context.ourCouncil && OUR_RE.test(text) && registry.councils.some((c) => c.name === context.ourCouncil)) councils = [context.ourCouncil];
  // "the community council's AGM": the one council of that kind the index holds.
  const ofKind = councils.length ? null : councilOfKind(text, registry.councils);
  if (ofKind) councils = [ofKind.name];
  // "Which committee owns air quality - is it T&C?": a committee named as a candidate answer is not where to look.
  const committees = ASKS_WHICH_BODY.test(text) ? [] : unique(committeeSpans.map((s) => s.name));
  // A council's name, a committee's short form and a meeting's date say where to look, not what to find:
  // they are not key terms. A committee's name spelled out stays one, since the papers often speak of the
  // committee itself ("the Cabinet Members' Meeting").
  const dates = namedDates(text);
  const acronymSpans = committeeSpans.filter((s) => /^[A-Z&]+s?$/.test(text.slice(s.start, s.end)));
  const scopeSpans = [...councilSpans.map((s) => withKindWords(text, s)), ...(ofKind ? [ofKind] : []), ...acronymSpans, ...dates.filter((d) => d.meeting)];
  let content = blank(text, scopeSpans);
  // "the 23 Oct 2025 TCPC meeting": once the meeting is named by its date or committee, "meeting" says nothing more.
  if (acronymSpans.length || dates.some((d) => d.meeting)) content = content.replace(/\bmeetings?\b/gi, (m) => ' '.repeat(m.length));
  const periods = withYearBefore(namedPeriods(text), text);
  const clauses = withClauseMonths(clausesIn(content), periods);
  const own: QuestionReading = {
    text: typed,
    content,
    query: text,
    terms: keyTerms(content),
    pairs: keyPairs(content),
    type: answerType(text),
    counted: countedThing(content),
    wantsReason: asksForReason(text),
    wantsVote: VOTE_RE.test(text),
    wantsDecision: DECISION_RE.test(text),
    wantsResponse: RESPONSE_RE.test(text),
    clauses,
    scope: { councils, committees, dates, periods: clauses.length ? periods : [...periods, ...monthYears(periods, dates)], latest: asksForLatest(text) },
    followUp: false,
    acronyms: unique(text.match(/\b[A-Z][A-Z&]{1,5}s?\b/g) ?? []),
    names: namesOf(content),
    unheldCouncils: councils.length ? [] : unheldCouncilsIn(text, registry.councils),
  };
  const previous = context.previous;
  if (!previous || !isFollowUp(text)) return own;
  return inherit(previous, own);
}

/** A follow-up keeps the earlier question's subject and scope, and replaces what it restates. */
function inherit(previous: QuestionReading, own: QuestionReading): QuestionReading {
  let base = previous.query;
  // "and for 2021-22?": the earlier period's words give way to the new one's.
  if (own.scope.periods.length) for (const p of previous.scope.periods) for (const f of p.forms) base = base.split(f).join(' ');
  const pick = <T>(mine: T[], theirs: T[]): T[] => (mine.length ? mine : theirs);
  const oldPeriodTerms = new Set(own.scope.periods.length ? previous.scope.periods.flatMap((p) => keyTerms(p.forms.join(' '))) : []);
  return {
    ...own,
    query: `${base} ${own.text}`.replace(/\s+/g, ' ').trim(),
    terms: unique([...previous.terms.filter((t) => !oldPeriodTerms.has(t)), ...own.terms]),
    pairs: unique([...previous.pairs, ...own.pairs]),
    type: own.type === 'any' ? previous.type : own.type,
    counted: own.counted.length ? own.counted : previous.counted,
    wantsReason: own.wantsReason || previous.wantsReason,
    wantsVote: own.wantsVote || previous.wantsVote,
    wantsDecision: own.wantsDecision || previous.wantsDecision,
    wantsResponse: own.wantsResponse || previous.wantsResponse,
    clauses: own.clauses,
    names: unique([...previous.names, ...own.names]),
    unheldCouncils: own.scope.councils.length ? [] : unique([...previous.unheldCouncils, ...own.unheldCouncils]),
    scope: {
      // "and Eastwick Council?": a follow-up that turns to a council not held is not about the earlier one.
      councils: own.unheldCouncils.length ? own.scope.councils : pick(own.scope.councils, previous.scope.councils),
      committees: pick(own.scope.committees, previous.scope.committees),
      dates: pick(own.scope.dates, previous.scope.dates),
      periods: pick(own.scope.periods, previous.scope.periods),
      latest: own.scope.latest || previous.scope.latest,
    },
    followUp: true,
  };
}
