/**
 * The reader's candidate statements: every sentence of the best passages scored against the question (or one
 * of its parts) by the share of its weighted key terms it holds, the kind of fact it states, and what it is.
 */
import { terms } from '../index/tokenize.js';
import type { SearchHit } from '../retrieve/passage-store.js';
import type { QuestionReading } from '../understand/read-question.js';
import type { NamedPeriod } from '../understand/question-dates.js';
import { sentenceInPeriod } from '../understand/scope-check.js';
import { countsThing, hasAnswerType, matchedTerms, type AnswerType } from './question-terms.js';
import type { Span } from './split-sentences.js';
import { indexTermsOf, readSentences } from './reader-sentences.js';
import { countedIn, termsWithShortForms, withPeriodTerms, type PeriodWords, type ShortForm } from './reader-words.js';
import { READER_WEIGHTS } from './reader-weights.js';

export interface Candidate {
  hit: SearchHit;
  rank: number;
  span: Span;
  text: string;
  clean: string;
  covered: Map<string, number>;
  typed: boolean;
  /** The heading that names who acts, for a "who" question answered by a line under it (terms of reference). */
  actor: string | null;
  reason: boolean;
  vote: boolean;
  score: number;
}

/** Words that name the kind of fact asked for: a sentence holding that kind of fact covers them ("what share" by "83%"). */
const TYPE_WORDS: Partial<Record<AnswerType, ReadonlySet<string>>> = {
  number: new Set(terms('share percentage proportion rate number figure count total level score value')),
  money: new Set(terms('cost costs amount price spend spent value total')),
  duration: new Set(terms('long time period timescale deadline duration')),
  date: new Set(terms('date when period year month time')),
  frequency: new Set(terms('often frequency')),
};

/** Question words an aspect of the answer covers: a sentence giving the vote covers "unanimous", one giving the resolution "decide". */
export const ASPECT_WORDS = {
  reason: new Set(terms('why reason reasons drove driven drive cause caused explain')),
  vote: new Set(terms('vote voted voting unanimous unanimously close')),
  decision: new Set(terms('decide decided decision agree agreed approve approved resolved sign')),
  comparison: new Set(terms('compare compared comparison')),
};
/** A sentence that compares one figure with another ("a decrease of £66,696 from 2021/22", "up 4% on last year"). */
const COMPARES = /\b(?:increase|decrease|rise|fall|reduction|higher|lower|more|fewer|less|up|down)\b[^.]{0,40}\b(?:of|by|from|than|on)\b|\bcompared? (?:with|to)\b/i;
const DETAILS = /\b[\w.+-]+@[\w-]+\.[\w.]+\b|\b(?:Tel|Telephone|Email|E-mail|Contact Officer|Appendices|Background papers|Ward|Report author)\s*:/i;
/** A copyright line or a firm's legal notice: printed on a consultant's report, never an answer. */
const LEGAL_NOTICE = /©|\bcopyright\b|\ball rights reserved\b|\bregistered in England\b|\bregistered office\b|\bauthorised and regulated by\b|\blimited liability partnership\b|\bmember firms?\b/i;
/** A line heading a question put at a meeting ("Question 3 – A. Resident", "Public question 2"). */
const QUESTION_HEADING = /^[ \t]*(?:public\s+|supplementary\s+)?question\s*(?:\d+|[A-Z])\b[^\n.?]{0,60}$/gim;
/** A line heading its reply ("Mayor's Response", "Response:", "Answer", "Reply from the Chair"). */
const REPLY_HEADING = /^[ \t]*(?:[^\n.?]{0,40}[’']s\s+)?(?:response|answer|reply)(?:\s+(?:from|by)\s+[^\n.?]{0,40})?:?[ \t]*$/gim;

/** Where, in a paper of questions and replies, each question and each reply starts. */
function exchangeTurns(text: string): Array<{ at: number; turn: 'question' | 'reply' }> {
  const out = [
    ...[...text.matchAll(QUESTION_HEADING)].map((m) => ({ at: m.index, turn: 'question' as const })),
    ...[...text.matchAll(REPLY_HEADING)].map((m) => ({ at: m.index, turn: 'reply' as const })),
  ];
  return out.sort((a, b) => a.at - b.at);
}

/** A sentence that opens by pointing back at the one before ("This pressure…", "These delays…", "It is…"). */
const POINTS_BACK = /^\s*(?:this|these|that|those|it|such)\b/i;
export const ANNOUNCES = /\b(?:below|as follows|the following|set out (?:in|below)|summarised (?:in|below)|detailed (?:in|below)|are listed|shown in (?:the )?(?:table|appendix|figure))\b/i;

export type Weigh = (t: string) => number;

/**
 * Key-term weights: rarer terms count more. A word the corpus never uses is the heart of a question the
 * papers cannot answer ("mayor's salary"), so it weighs more than the question's other words; an unknown
 * acronym may just be undefined in the papers, so it weighs less.
 */
export function weigher(idf: (t: string) => number, known: (t: string) => boolean, reading: QuestionReading): Weigh {
  const acronyms = new Set(reading.acronyms.map((a) => a.toLowerCase().replace(/s$/, '')));
  const knownWeights = reading.terms.filter(known).map((t) => Math.min(READER_WEIGHTS.maxTermWeight, idf(t)));
  const base = knownWeights.length ? knownWeights.reduce((a, b) => a + b, 0) / knownWeights.length : 3;
  return (t) => (known(t) ? Math.min(READER_WEIGHTS.maxTermWeight, idf(t)) : acronyms.has(t) ? 0.5 * base : 1.5 * base);
}

export function weight(termsList: Iterable<string> | Map<string, number>, w: Weigh): number {
  let sum = 0;
  if (termsList instanceof Map) for (const [t, f] of termsList) sum += f * w(t);
  else for (const t of termsList) sum += w(t);
  return sum;
}

function phraseBonus(pairs: readonly string[], ts: readonly string[]): number {
  if (!pairs.length) return 0;
  const have = new Set(ts.slice(1).map((t, i) => `${ts[i]} ${t}`));
  return Math.min(READER_WEIGHTS.phraseMax, READER_WEIGHTS.phrase * pairs.filter((p) => have.has(p)).length);
}

export interface Want {
  /** Periods the question names: a sentence about another period never answers. */
  periods: readonly NamedPeriod[];
  terms: readonly string[];
  pairs: readonly string[];
  type: AnswerType;
  counted: readonly string[];
  reason: boolean;
  vote?: boolean;
  decision?: boolean;
  /** The question asks for the reply to a question put at a meeting. */
  response?: boolean;
  latest?: boolean;
  /** Short forms the question types, matched where a text spells them out. */
  forms: readonly ShortForm[];
  period: PeriodWords;
  /** Committees the question names. */
  committees: readonly string[];
}

/**
 * The words of a passage's council and committee, where the question names that committee: "who chairs
 * the Audit Committee?" is answered by the committee's own minutes. Otherwise a committee's name ("Policy
 * and Resources") says nothing of what its papers are about.
 */
function placeTermsOf(chunk: SearchHit['chunk'], want: Want): string[] {
  const committee = chunk.place.committee && want.committees.includes(chunk.place.committee) ? chunk.place.committee : '';
  return terms(`${chunk.place.council ?? ''} ${committee}`);
}

/** The share of the question's weighted key terms a passage holds. */
export function passageCover(hit: SearchHit, want: Want, w: Weigh): number {
  const total = weight(want.terms, w) || 1;
  const own = withPeriodTerms(termsWithShortForms(hit.chunk.indexText, want.forms, READER_WEIGHTS.minInitials, indexTermsOf(hit.chunk)), hit.chunk.indexText, want.period);
  return weight(matchedTerms(want.terms, new Set([...own, ...placeTermsOf(hit.chunk, want)])), w) / total;
}

export function candidates(hits: readonly SearchHit[], want: Want, w: Weigh): Candidate[] {
  const W = READER_WEIGHTS;
  const total = weight(want.terms, w) || 1;
  const out: Candidate[] = [];
  const coverOf = (hit: SearchHit): number => passageCover(hit, want, w);
  // "Latest": the newest meeting among the passages that cover the question.
  const newest = want.latest
    ? hits.slice(0, W.topPassages).filter((h) => coverOf(h) >= W.minEvidence).reduce((d, h) => ((h.chunk.place.meetingDate ?? '') > d ? h.chunk.place.meetingDate! : d), '')
    : '';
  hits.slice(0, W.topPassages).forEach((hit, rank) => {
    const chunk = hit.chunk;
    const placeTerms = placeTermsOf(chunk, want);
    const chunkCover = coverOf(hit);
    const rowContext = terms(`${chunk.tableHeader ?? ''} ${chunk.place.section ?? ''} ${chunk.place.item ?? ''}`);
    // A sentence stands under its passage's headings (its section, and its opening line when that is a heading).
    const sectionTerms = new Set([...terms(headingsOf(chunk)), ...placeTerms]);
    let previous: ReadonlySet<string> = new Set<string>();
    let previousText = '';
    // The sentence introducing the list the sentences after it are items of ("…for six years after a meeting:").
    let lead: { text: string; set: ReadonlySet<string>; start: number } | null = null;
    const turns = want.response ? exchangeTurns(chunk.text) : [];
    for (const sentence of readSentences(chunk)) {
      const { span, text, reason, vote, decision } = sentence;
      const isItem = listItemAt(chunk.text, span.start);
      const itemOf = lead && isItem && span.start - lead.start <= W.listLeadChars ? lead : null;
      if (/:\s*$/.test(text)) lead = { text, set: sentence.set, start: span.start };
      else if (!isItem) lead = null;
      if (want.periods.length && !want.periods.some((p) => sentenceInPeriod(text, chunk, p))) continue;
      // Text addressed to an AI is never quoted as an answer, whatever its letters; nor is a table's header row.
      // A question printed in the papers (an interview's, a member's) asks; it does not answer.
      if (sentence.skip || text.length > W.maxSentenceChars || LEGAL_NOTICE.test(text) || /\?["'”’)]?\s*$/.test(text)) continue;
      const own = withPeriodTerms(termsWithShortForms(text, want.forms, READER_WEIGHTS.minInitials, sentence.set), text, want.period);
      if (span.row) for (const t of rowContext) own.add(t);
      const matched = matchedTerms(want.terms, own);
      for (const [aspect, has] of [['reason', want.reason && reason], ['vote', want.vote && vote], ['decision', want.decision && decision], ['comparison', COMPARES.test(text)]] as const) {
        if (has) for (const t of want.terms) if (ASPECT_WORDS[aspect].has(t)) matched.set(t, 1);
      }
      const typeWords = TYPE_WORDS[want.type];
      // A yes/no question is answered by any statement of the fact; one that says yes or no plainly is better.
      // A list item is given with its lead-in, and states what the lead-in says of it ("(i) the minutes" under "…for six years:").
      const sentenceTyped = want.type === 'any' || want.type === 'yesno' || hasAnswerType(text, want.type) || (itemOf !== null && hasAnswerType(itemOf.text, want.type));
      // "Who reviews X?": a line of terms of reference or a delegation scheme states what a body does; the
      // heading it stands under names the body.
      const actor = !sentenceTyped && want.type === 'person' && chunk.place.section && hasAnswerType(chunk.place.section, 'person') ? chunk.place.section : null;
      const isTyped = sentenceTyped || actor !== null;
      if (typeWords && isTyped) for (const t of want.terms) if (typeWords.has(t)) matched.set(t, 1);
      const context = new Set([...sectionTerms, ...previous, ...(itemOf?.set ?? [])]);
      for (const [t, f] of matchedTerms(want.terms, context)) if (!matched.has(t)) matched.set(t, f * W.contextCredit);
      // "This pressure is caused by…": a reason that opens by pointing back gives the cause of what the sentence before it states.
      if (want.reason && reason && POINTS_BACK.test(text)) for (const [t, f] of matchedTerms(want.terms, previous)) matched.set(t, Math.max(matched.get(t) ?? 0, f));
      previous = sentence.set;
      // A count may name the thing in other words when the sentence before names it ("…set out in Table 1. There are 29 documents in this table.").
      const typed = isTyped && (want.type !== 'number' || countsThing(text, countedIn(text, want.counted, want.forms, READER_WEIGHTS.minInitials), span.row ? `${chunk.tableHeader ?? ''}` : previousText));
      previousText = text;
      let score = weight(matched, w) / total + W.passageCover * chunkCover - W.rankPenalty * rank + phraseBonus(want.pairs, sentence.list);
      if (want.type === 'yesno') score += hasAnswerType(text, 'yesno') ? W.typedBonus / 2 : 0;
      else if (want.type !== 'any') score += typed ? W.typedBonus : -W.typedBonus;
      // A cause stated outright answers "why" better than a purpose or a "since".
      if (want.reason && reason) score += sentence.cause ? W.reasonBonus : W.reasonBonus / 2;
      if (want.vote && vote) score += W.voteBonus;
      if (want.decision && decision) score += W.decisionBonus;
      // Of a question put at a meeting and its reply, the reply answers: "Question 1 – …" asks, "Mayor's Response" answers.
      const turn = turns.findLast((t) => t.at <= span.start)?.turn;
      if (turn) score += turn === 'reply' ? W.responseBonus : -W.responseBonus;
      if (newest && chunk.place.meetingDate === newest) score += W.latestBonus;
      if (text.length > 450) score -= W.longPenalty;
      if (headingLike(chunk.text, span, text)) score -= W.headingPenalty;
      // Contact and document details ("Email: … Tel: … Appendices: …") are not statements.
      if (DETAILS.test(text)) score -= W.detailsPenalty;
      if (ANNOUNCES.test(text) && !/:\s*$/.test(text) && !/\d/.test(text.replace(/\b(?:19|20)\d\d\b/g, ''))) score -= W.announcePenalty;
      out.push({ hit, rank, span, text, clean: sentence.clean, covered: matched, typed, actor, reason, vote, score });
    }
  });
  return out.sort((a, b) => b.score - a.score);
}

/**
 * The candidates for each part of a compound question, best first. A short part's own words ("when does
 * it end?") say what it asks; the subject it takes from the question only says of what.
 */
export function clauseCandidates(reading: QuestionReading, hits: readonly SearchHit[], w: Weigh, words: Pick<Want, 'forms' | 'period'>): Candidate[][] {
  const W = READER_WEIGHTS;
  const perClause = reading.clauses.map((c) => {
    const inherited = new Set(c.inherited ?? []);
    const cw: Weigh = inherited.size ? (t) => (inherited.has(t) ? W.inheritedShare * w(t) : w(t)) : w;
    const found = candidates(hits, { periods: [...reading.scope.periods, ...(c.periods ?? [])], terms: c.terms, pairs: c.pairs, type: c.type, counted: c.counted, reason: c.wantsReason ?? false, vote: c.wantsVote, decision: c.wantsDecision, response: reading.wantsResponse, ...words, committees: reading.scope.committees }, cw);
    // …and a statement for it must be about the subject and hold one of the part's own words (unless none
    // does: "how big is it?" asks for a size no paper calls big).
    if (!inherited.size) return found;
    const own = c.terms.filter((t) => !inherited.has(t));
    // (A statement that holds every one of the part's own words, two or more, speaks of it whatever its subject: "who is the s151 officer?")
    const about = found.filter((x) => [...inherited].some((t) => x.covered.has(t)) || (own.length > 1 && own.every((t) => (x.covered.get(t) ?? 0) >= 1)));
    const speaking = about.filter((x) => own.some((t) => (x.covered.get(t) ?? 0) >= W.ownTermMatch));
    return speaking.length ? speaking : about;
  });
  // A short part about the question's subject ("…, and what drove it?") is answered in the paper that
  // answers the first part, when that paper says it: its statements there come first.
  const firstPaper = perClause[0]?.[0]?.hit.chunk.source;
  perClause.forEach((found, i) => {
    if (i === 0 || !firstPaper || !reading.clauses[i]!.inherited?.length) return;
    for (const x of found) if (x.hit.chunk.source === firstPaper) x.score += W.samePaper;
    found.sort((a, b) => b.score - a.score);
  });
  return perClause;
}

/** An amount, a figure with thousands or a percentage: a short line holding one states a value ("March 23 £5,964,399"). */
const VALUE = /[£$€]\s?(?!000[’']?s\b)\d|\d{1,3}(?:,\d{3})+|\d(?:\.\d+)?\s?%/;

/** A heading or caption: a short line, not a table row or list item, without closing punctuation or a value. */
export function headingLike(text: string, span: Span, sentence: string): boolean {
  // (A line of capitalised words may run longer: a table's header row, "Balance Balance Movement 2024/25 £000s".)
  // (A tab-separated line holding a figure is a table's row: "CRR0042 ⇥ Border fluidity ⇥ High (25)".)
  if (span.row || sentence.length >= (titleCase(sentence) ? 200 : 110) || /[.:;!?]["')]?\s*$/.test(sentence) || VALUE.test(sentence) || TAB_ROW.test(sentence)) return false;
  // A numbered line in title case is a heading ("140. Election of Vice-Chair (Item 5)"), not a list item.
  return !listItemAt(text, span.start) || (numberedAt(text, span.start) && titleCase(sentence));
}

const TAB_ROW = /\t[^\t\n]*\d/;

/** Whether a span's line opens with a paragraph or minute number ("140. ", "3.2 "). */
function numberedAt(text: string, start: number): boolean {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  return /^[ \t]*\d{1,3}(?:\.\d{1,2})*\.?[ \t]*$/.test(text.slice(lineStart, start));
}

/** Whether most of a line's longer words open with a capital, as a title's do. */
function titleCase(line: string): boolean {
  const long = line.split(/[^\p{L}-]+/u).filter((w) => w.length >= 4);
  return long.length > 0 && long.filter((w) => /^\p{Lu}/u.test(w)).length / long.length >= 0.6;
}

/** Whether a span starts a list item: a bullet or item number opens its line, or the span itself ("(ii) a summary…"). */
export function listItemAt(text: string, start: number): boolean {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  return /^[ \t]*(?:[-*•▪◦]|\(?[a-z0-9]{1,3}[.)])[ \t]*$/i.test(text.slice(lineStart, start)) || ITEM_MARK.test(text.slice(start, start + 8));
}

/** A list item's mark opening a span: "(i) ", "a) ", "• " (not "1. ", which opens numbered paragraphs as often as items). */
const ITEM_MARK = /^(?:[-*•▪◦]|\((?:[a-z]|[ivx]{1,4}|\d{1,2})\)|(?:[a-z]|[ivx]{1,4})\))\s/i;

/** A passage's item and section titles, and its opening line when that is a heading. */
export function headingsOf(chunk: SearchHit['chunk']): string {
  const first = chunk.text.split('\n', 1)[0]!.trim();
  const heading = first.length < 110 && !/[.;!?]$/.test(first) ? first : '';
  return `${chunk.place.item ?? ''} ${chunk.place.section ?? ''} ${heading}`;
}
