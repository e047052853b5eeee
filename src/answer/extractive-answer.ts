import { cleanText } from '../parse/clean-text.js';
import { terms } from '../index/tokenize.js';
import type { SearchHit } from '../retrieve/passage-store.js';
import type { QuestionReading } from '../understand/read-question.js';
import type { NamedPeriod } from '../understand/question-dates.js';
import { sentenceInPeriod } from '../understand/scope-check.js';
import type { Citation } from '../types.js';
import { citationFor } from './citations.js';
import { countsThing, hasAnswerType, matchedTerms, type AnswerType } from './question-terms.js';
import type { Glossary } from '../extract/mine-glossary.js';
import type { Span } from './split-sentences.js';
import { DECISION_SENTENCE, indexTermsOf, readSentences, sentencesOf } from './reader-sentences.js';
import { countedIn, periodTermsOf, shortFormsOf, spells, termsWithShortForms, withPeriodTerms, type PeriodWords, type ShortForm } from './reader-words.js';

export interface DraftAnswer {
  kind: 'answer' | 'not_found';
  answer: string;
  citations: Citation[];
  /** How much of the question the best passages cover (0..1), for the log and tuning. */
  evidence: number;
  /** Why the reader declined, for the log and tuning. */
  declined?: 'little evidence' | 'no statement' | 'key entity absent' | 'short question not covered' | 'statements cover little of the question';
}

interface Candidate {
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

/**
 * The reader's tunable numbers, all in one place. Tuned on dev.jsonl and dev-councils.jsonl together
 * (on one mixed corpus) and checked on questions of our own.
 */
export const READER_WEIGHTS = {
  /** Below this share of the question's (idf-weighted) key terms in the best passages, the papers do not answer it. */
  minEvidence: 0.55,
  /** Passages looked at for evidence. */
  evidencePassages: 5,
  /** Evidence spread over several passages of one paper counts for this share of evidence in one passage. */
  acrossPassages: 0.9,
  /** A long question (six key terms or more) may leave a little more uncovered. */
  longQuestionSlack: 0.1,
  /** A question of at most this many key terms is short: its statements must cover nearly all of it. */
  shortQuestion: 5,
  /** The share of a short question's weighted key terms its statements must cover… */
  minStatementCover: 0.7,
  /** …and how many of its words they may leave out. */
  maxMissingTerms: 1,
  /** The share of any question's weighted key terms its statements (with their headings) must cover. */
  minAnyCover: 0.4,
  /** Passages read for statements. */
  topPassages: 10,
  /** A vote line this close (characters) to a chosen decision in its passage is given with it. */
  voteNearChars: 600,
  /** Sentences tried for each part of a compound question. */
  clauseOptions: 3,
  /** In a short part of the question, the words it takes from the question's subject weigh this share of its own. */
  inheritedShare: 0.4,
  /** …and a statement for it must hold one of its own words at least this well (a soft match counts; heading credit does not). */
  ownTermMatch: 0.6,
  /** A sentence given for a second part of the question counts for this share of its score there. */
  sharedPick: 0.5,
  /** Vote lines given from the passage on the question's subject (a recommendation and its amendment). */
  subjectVotes: 2,
  /** Statements in an answer: one per part of the question, and never more than this. */
  maxStatements: 4,
  /** Cap on one term's weight, so that one rare word does not decide alone. */
  maxTermWeight: 6,
  /** A sentence inherits this share of credit for terms its heading or the sentence before it has. */
  contextCredit: 0.5,
  /** Credit for the passage as a whole covering the question. */
  passageCover: 0.35,
  /** Lower-ranked passages give way a little. */
  rankPenalty: 0.04,
  /** Holding the kind of fact asked for (a number, a person, a date…), or not. */
  typedBonus: 0.2,
  /** Giving a reason when the question asks why; the vote when it asks whether a decision was carried. */
  reasonBonus: 0.2,
  voteBonus: 0.3,
  decisionBonus: 0.3,
  /** Headings and captions state nothing. */
  headingPenalty: 0.2,
  /** A sentence that announces what follows ("the findings are set out below") without stating it. */
  announcePenalty: 0.3,
  /** For "latest" questions, a sentence from the newest meeting among the passages. */
  latestBonus: 0.2,
  /** Contact details and document fields. */
  detailsPenalty: 0.5,
  /** A short form the question types must be in the answer's passages, when it is at least this rare. */
  keyEntityWeight: 4,
  /** A passage this close (characters) in the same paper that names the question's short form speaks for the passage chosen. */
  entityNearChars: 4000,
  /** A short form of at least this many letters is matched by the initials of words in a row ("Civil Enforcement Officers"). */
  minInitials: 3,
  /** Very long sentences bury their point… */
  longPenalty: 0.1,
  /** …and a run this long without a full stop is a flattened table or page, not a statement. */
  maxSentenceChars: 900,
  /** Phrase (adjacent key terms) matches, each and at most. */
  phrase: 0.15,
  phraseMax: 0.3,
  /** A statement beyond the first must score at least this share of the best one. */
  keepShare: 0.5,
  /** The best typed sentence may trail the best sentence by at most this much. */
  typedTrail: 0.6,
  /** How far back up a list an item looks for the sentence that introduces the list. */
  listLeadChars: 600,
  /** A statement may run on through its paragraph up to this many characters. */
  paragraphChars: 420,
  /** A statement that announces a list ("a number of risks") may run on through the list up to this many. */
  listChars: 900,
  /** The sentence right after a chosen one may score this much lower and still finish the answer. */
  continueShare: 0.25,
  /** A further statement must add at least this share of the question's weight, unless it continues a chosen one. */
  minGain: 0.08,
} as const;

export const NOT_FOUND_TEXT =
  "I can't find this in the committee papers I have indexed. Democratic Services, or the officer named on the relevant report, may be able to help.";

/** Words that name the kind of fact asked for: a sentence holding that kind of fact covers them ("what share" by "83%"). */
const TYPE_WORDS: Partial<Record<AnswerType, ReadonlySet<string>>> = {
  number: new Set(terms('share percentage proportion rate number figure count total level score value')),
  money: new Set(terms('cost costs amount price spend spent value total')),
  duration: new Set(terms('long time period timescale deadline duration')),
  date: new Set(terms('date when period year month time')),
  frequency: new Set(terms('often frequency')),
};

/** Question words an aspect of the answer covers: a sentence giving the vote covers "unanimous", one giving the resolution "decide". */
const ASPECT_WORDS = {
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
const ANNOUNCES = /\b(?:below|as follows|the following|set out (?:in|below)|summarised (?:in|below)|detailed (?:in|below)|are listed|shown in (?:the )?(?:table|appendix|figure))\b/i;

function display(text: string, header: string | null, row: boolean): string {
  const clean = cleanText(text).replace(/\s+\n/g, '\n');
  if (!row) return clean.replace(/\s+/g, ' ').trim();
  const cells = clean.split('\t').map((c) => c.trim()).filter(Boolean);
  const heads = header?.split(' | ') ?? [];
  if (heads.length === cells.length) return cells.map((c, i) => `${heads[i]}: ${c}`).join('; ');
  return cells.join(' | ');
}

type Weigh = (t: string) => number;

/**
 * Key-term weights: rarer terms count more. A word the corpus never uses is the heart of a question the
 * papers cannot answer ("mayor's salary"), so it weighs more than the question's other words; an unknown
 * acronym may just be undefined in the papers, so it weighs less.
 */
function weigher(idf: (t: string) => number, known: (t: string) => boolean, reading: QuestionReading): Weigh {
  const acronyms = new Set(reading.acronyms.map((a) => a.toLowerCase().replace(/s$/, '')));
  const knownWeights = reading.terms.filter(known).map((t) => Math.min(READER_WEIGHTS.maxTermWeight, idf(t)));
  const base = knownWeights.length ? knownWeights.reduce((a, b) => a + b, 0) / knownWeights.length : 3;
  return (t) => (known(t) ? Math.min(READER_WEIGHTS.maxTermWeight, idf(t)) : acronyms.has(t) ? 0.5 * base : 1.5 * base);
}

function weight(termsList: Iterable<string> | Map<string, number>, w: Weigh): number {
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

/** The share of the question's weighted key terms that the best passages contain. */
function evidenceFor(key: readonly string[], hits: readonly SearchHit[], w: Weigh, forms: readonly ShortForm[], period: PeriodWords): number {
  if (!key.length) return hits.length ? 1 : 0;
  const total = weight(key, w);
  let best = 0;
  const top = hits.slice(0, READER_WEIGHTS.evidencePassages);
  const termsOf = (hit: SearchHit): Set<string> => withPeriodTerms(termsWithShortForms(hit.chunk.indexText, forms, READER_WEIGHTS.minInitials, indexTermsOf(hit.chunk)), hit.chunk.indexText, period);
  for (const hit of top) best = Math.max(best, weight(matchedTerms(key, termsOf(hit)), w) / total);
  // A question about one paper may be answered across its passages (a decision in one, its vote in the next).
  const bySource = new Map<string, Set<string>>();
  for (const hit of top) {
    const set = bySource.get(hit.chunk.source) ?? new Set<string>();
    for (const t of termsOf(hit)) set.add(t);
    bySource.set(hit.chunk.source, set);
  }
  for (const set of bySource.values()) best = Math.max(best, READER_WEIGHTS.acrossPassages * (weight(matchedTerms(key, set), w) / total));
  return best;
}

interface Want {
  /** Periods the question names: a sentence about another period never answers. */
  periods: readonly NamedPeriod[];
  terms: readonly string[];
  pairs: readonly string[];
  type: AnswerType;
  counted: readonly string[];
  reason: boolean;
  vote?: boolean;
  decision?: boolean;
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
function passageCover(hit: SearchHit, want: Want, w: Weigh): number {
  const total = weight(want.terms, w) || 1;
  const own = withPeriodTerms(termsWithShortForms(hit.chunk.indexText, want.forms, READER_WEIGHTS.minInitials, indexTermsOf(hit.chunk)), hit.chunk.indexText, want.period);
  return weight(matchedTerms(want.terms, new Set([...own, ...placeTermsOf(hit.chunk, want)])), w) / total;
}

function candidates(hits: readonly SearchHit[], want: Want, w: Weigh): Candidate[] {
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
    for (const sentence of readSentences(chunk)) {
      const { span, text, reason, vote, decision } = sentence;
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
      const sentenceTyped = want.type === 'any' || want.type === 'yesno' || hasAnswerType(text, want.type);
      // "Who reviews X?": a line of terms of reference or a delegation scheme states what a body does; the
      // heading it stands under names the body.
      const actor = !sentenceTyped && want.type === 'person' && chunk.place.section && hasAnswerType(chunk.place.section, 'person') ? chunk.place.section : null;
      const isTyped = sentenceTyped || actor !== null;
      if (typeWords && isTyped) for (const t of want.terms) if (typeWords.has(t)) matched.set(t, 1);
      const context = new Set([...sectionTerms, ...previous]);
      for (const [t, f] of matchedTerms(want.terms, context)) if (!matched.has(t)) matched.set(t, f * W.contextCredit);
      previous = sentence.set;
      const typed = isTyped && (want.type !== 'number' || countsThing(text, countedIn(text, want.counted, want.forms, READER_WEIGHTS.minInitials), span.row ? `${chunk.tableHeader ?? ''}` : ''));
      let score = weight(matched, w) / total + W.passageCover * chunkCover - W.rankPenalty * rank + phraseBonus(want.pairs, sentence.list);
      if (want.type === 'yesno') score += hasAnswerType(text, 'yesno') ? W.typedBonus / 2 : 0;
      else if (want.type !== 'any') score += typed ? W.typedBonus : -W.typedBonus;
      if (want.reason && reason) score += W.reasonBonus;
      if (want.vote && vote) score += W.voteBonus;
      if (want.decision && decision) score += W.decisionBonus;
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
 * A sentence that ends with a colon introduces the list after it: take the list too. A list item
 * means little without the sentence that introduces it: take that sentence too.
 */
function withListContext(c: Candidate): Span {
  const spans = sentencesOf(c.hit.chunk);
  const i = spans.findIndex((s) => s.start === c.span.start);
  const lead = spans[i - 1];
  const text = c.hit.chunk.text;
  if (lead && /:\s*$/.test(text.slice(lead.start, lead.end)) && c.span.start - lead.end < 40) return { ...c.span, start: lead.start };
  // An item further down a list still needs its lead-in ("…will be responsible for the following functions:").
  if (listItemAt(text, c.span.start)) {
    for (let j = i - 1; j >= 0 && c.span.start - spans[j]!.start <= READER_WEIGHTS.listLeadChars; j--) {
      const s = spans[j]!;
      if (/:\s*$/.test(text.slice(s.start, s.end))) return { ...c.span, start: s.start };
      if (!listItemAt(text, s.start)) break;
    }
  }
  if (!introduces(c.text)) return c.span;
  let end = c.span.end;
  for (const s of spans.slice(i + 1, i + 6)) {
    if (s.start - end > 40 || s.end - c.span.start > 700) break;
    end = s.end;
  }
  return { ...c.span, end };
}

/**
 * A statement runs on through the rest of its paragraph while the next sentence carries a fact (a
 * figure, an amount, a name) or a key term, up to a length: the second half of an answer often sits
 * in the sentence after the one that matched ("…an actual loss of £83,898… The majority of the loss, £62,916, was…").
 */
function withParagraph(c: Candidate, span: Span, key: readonly string[]): Span {
  if (span.row) return span;
  const text = c.hit.chunk.text;
  // "There are a number of identified risks…": the sentences after it that speak of them are its list.
  const announces = ANNOUNCES.test(c.text) || MANY.test(c.text);
  let end = span.end;
  let off = 0;
  for (const s of sentencesOf(c.hit.chunk)) {
    if (s.start < end || s.row) continue;
    const gap = text.slice(end, s.start);
    const next = text.slice(s.start, s.end);
    const ts = new Set(terms(next));
    const sharesKey = key.some((k) => ts.has(k));
    if (s.end - span.start > (announces ? READER_WEIGHTS.listChars : READER_WEIGHTS.paragraphChars)) break;
    if (announces) {
      // The list's items may have a sentence of mitigation between them; two such in a row end it.
      if (!sharesKey) {
        if (++off > 2) break;
        continue;
      }
      off = 0;
    } else {
      // A blank line, a new numbered paragraph or a list item ends the paragraph.
      if (/\n\s*\n/.test(gap) || /^\(?(?:\d+(?:\.\d+)*|[a-z])[.)]\s/.test(next)) break;
      if (!(hasAnswerType(next, 'number') || hasAnswerType(next, 'person') || sharesKey)) break;
    }
    end = s.end;
  }
  return { ...span, end };
}

/**
 * The start of the next passage of the same paper, when a statement announcing a list ("There are a number
 * of identified risks…") ran to the end of its own passage: the list's further items that speak of the question.
 */
function listRunOn(c: Candidate, span: Span, hits: readonly SearchHit[], key: readonly string[]): { c: Candidate; span: Span } | null {
  const chunk = c.hit.chunk;
  if (!(ANNOUNCES.test(c.text) || MANY.test(c.text) || introduces(c.text))) return null;
  // Only when the list reached its passage's end: what follows it there says nothing more of the question.
  const rest = sentencesOf(chunk).filter((s) => s.start >= span.end);
  if (rest.length > 2 || rest.some((s) => terms(chunk.text.slice(s.start, s.end)).some((t) => key.includes(t)))) return null;
  const next = hits.find((h) => h.chunk.source === chunk.source && h.chunk.start >= chunk.end && h.chunk.start - chunk.end < 200);
  if (!next) return null;
  const sentences = sentencesOf(next.chunk).filter((s) => !s.row);
  let end = -1;
  let off = 0;
  for (const s of sentences) {
    if (s.end - (sentences[0]?.start ?? 0) > READER_WEIGHTS.listChars) break;
    const ts = new Set(terms(next.chunk.text.slice(s.start, s.end)));
    if (!key.some((k) => ts.has(k))) {
      // Mitigation between the items is read with them; two such in a row end the list.
      if (++off > 2) break;
      continue;
    }
    off = 0;
    end = s.end;
  }
  if (end < 0 || !sentences[0]) return null;
  const first = sentences[0];
  const runOn: Span = { ...first, end };
  return { c: { ...c, hit: next, span: runOn, text: next.chunk.text.slice(first.start, end) }, span: runOn };
}

const MANY = /\b(?:a number of|several|various|two|three|four|five|key|main)\s+(?:\w+\s+){0,2}(?:risks|issues|findings|recommendations|concerns|reasons|options|changes|points|areas|actions)\b/i;

/** Statements whose spans overlap in one passage (an item taken with its lead-in, a paragraph run on into the next statement) are said once, as their union. */
function mergeOverlaps(spans: Array<{ c: Candidate; span: Span }>): Array<{ c: Candidate; span: Span }> {
  const out: Array<{ c: Candidate; span: Span }> = [];
  for (const s of spans) {
    const into = out.find((o) => o.c.hit.chunk.id === s.c.hit.chunk.id && o.span.start < s.span.end && s.span.start < o.span.end);
    if (into) into.span = { ...into.span, start: Math.min(into.span.start, s.span.start), end: Math.max(into.span.end, s.span.end) };
    else out.push({ c: s.c, span: { ...s.span } });
  }
  return out;
}

function placeLabel(c: Citation): string {
  const date = c.meetingDate
    ? new Date(`${c.meetingDate}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
    : null;
  return [c.council, c.committee, date].filter(Boolean).join(', ');
}

/** A sentence that introduces what follows: a colon, or a resolution's "It was RESOLVED that;". */
const introduces = (text: string): boolean => /:\s*$/.test(text) || /\b(?:that|as follows)\s*[;,:–—-]?\s*$/i.test(text);

/**
 * The vote lines on the question's subject: in the passage with vote lines that best covers the subject
 * (its words other than the vote), the first ones after the statement chosen from it (or its best
 * sentence): minutes record the vote below the discussion.
 */
function subjectVotes(ranked: readonly Candidate[], chosen: readonly Candidate[], want: Want, w: Weigh): Candidate[] {
  const subject: Want = { ...want, terms: want.terms.filter((t) => !ASPECT_WORDS.vote.has(t)) };
  let best: { hit: SearchHit; value: number } | null = null;
  const seen = new Set<string>();
  for (const c of ranked) {
    if (!c.vote || seen.has(c.hit.chunk.id)) continue;
    seen.add(c.hit.chunk.id);
    const value = passageCover(c.hit, subject, w) - READER_WEIGHTS.rankPenalty * c.rank;
    if (!best || value > best.value) best = { hit: c.hit, value };
  }
  if (!best) return [];
  const id = best.hit.chunk.id;
  const anchor = chosen.find((c) => c.hit.chunk.id === id && !c.vote) ?? ranked.find((c) => c.hit.chunk.id === id && !c.vote);
  const votes = ranked.filter((c) => c.vote && c.hit.chunk.id === id);
  const at = anchor?.span.start ?? 0;
  const after = votes.filter((c) => c.span.start > at).sort((a, b) => a.span.start - b.span.start);
  const before = votes.filter((c) => c.span.start <= at).sort((a, b) => b.span.start - a.span.start);
  const inOrder = [...after, ...before];
  // Minutes may name the recommendation a vote was on only by its number ("recommendation 3 FELL"): the vote
  // on the subject is the one whose numbered recommendation in the same paper speaks of it best.
  const subjectTerms = new Set(subject.terms);
  const coverOf = new Map<string, number>();
  for (const c of ranked) {
    const n = c.vote || c.hit.chunk.source !== best.hit.chunk.source ? null : recommendationNumber(c);
    if (!n) continue;
    const value = weight([...c.covered.keys()].filter((t) => subjectTerms.has(t)), w);
    coverOf.set(n, Math.max(coverOf.get(n) ?? 0, value));
  }
  const onSubject = (c: Candidate): number => coverOf.get(/\brecommendations?\s+(\d+[a-z]?)\b/i.exec(c.text)?.[1]?.toLowerCase() ?? '') ?? -1;
  const top = Math.max(-1, ...inOrder.map(onSubject));
  // The votes on that recommendation (and on an amendment to it), not those on the other numbered ones.
  const own = top > 0 ? inOrder.filter((c) => onSubject(c) === top || (onSubject(c) < 0 && /\bamendment\b/i.test(c.text))) : inOrder;
  return own.slice(0, READER_WEIGHTS.subjectVotes);
}

/** The number of the recommendation a sentence is ("3. Authorise the Executive Director…", "Recommendation 5 - …"), or null. */
function recommendationNumber(c: Candidate): string | null {
  const text = c.hit.chunk.text;
  const lineStart = text.lastIndexOf('\n', c.span.start - 1) + 1;
  const marker = /^[ \t]*\(?(\d{1,2}[a-z]?)[.)][ \t]*$/i.exec(text.slice(lineStart, c.span.start)) ?? /^\s*(\d{1,2}[a-z]?)[.)]\s/i.exec(c.text);
  const named = /^\s*recommendations?\s+(\d{1,2}[a-z]?)\b/i.exec(c.text);
  return (marker?.[1] ?? named?.[1])?.toLowerCase() ?? null;
}

const usable = (c: Candidate): boolean => c.typed || introduces(c.text);

/** A heading or caption names a topic without stating anything. */
const isHeading = (c: Candidate): boolean => headingLike(c.hit.chunk.text, c.span, c.text);

/** An amount, a figure with thousands or a percentage: a short line holding one states a value ("March 23 £5,964,399"). */
const VALUE = /[£$€]\s?\d|\d{1,3}(?:,\d{3})+|\d(?:\.\d+)?\s?%/;

/** A heading or caption: a short line, not a table row or list item, without closing punctuation or a value. */
function headingLike(text: string, span: Span, sentence: string): boolean {
  return !span.row && !listItemAt(text, span.start) && sentence.length < 110 && !/[.:;!?]["')]?\s*$/.test(sentence) && !VALUE.test(sentence);
}

/** Whether a span starts a list item: a bullet or item number opens its line. */
function listItemAt(text: string, start: number): boolean {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  return /^[ \t]*(?:[-*•▪◦]|\(?[a-z0-9]{1,3}[.)])[ \t]*$/i.test(text.slice(lineStart, start));
}

/**
 * One statement per part of a compound question, so that the parts together are best answered: each
 * part's few best sentences are tried, and a sentence given for two parts counts only partly for the
 * second ("how many members, and how many make it quorate?" wants two sentences, not one twice).
 */
function clausePicks(perClause: readonly Candidate[][], same: (a: Candidate, b: Candidate) => boolean): Candidate[] {
  const W = READER_WEIGHTS;
  const options = perClause.map((ranked) => {
    const top = ranked[0]?.score ?? 0;
    const out: Candidate[] = [];
    for (const c of ranked) {
      if (out.length >= W.clauseOptions) break;
      if (usable(c) && c.score >= top - W.typedTrail && !out.some((o) => same(o, c))) out.push(c);
    }
    return out;
  });
  let best: { picks: Candidate[]; value: number } = { picks: [], value: -Infinity };
  const walk = (i: number, picks: Candidate[], value: number): void => {
    if (i === options.length) {
      if (value > best.value) best = { picks: [...picks], value };
      return;
    }
    if (!options[i]!.length) return walk(i + 1, picks, value);
    for (const c of options[i]!) {
      const shared = picks.some((p) => same(p, c));
      picks.push(c);
      walk(i + 1, picks, value + (shared ? W.sharedPick * c.score : c.score));
      picks.pop();
    }
  };
  walk(0, [], 0);
  return best.picks;
}

/**
 * Picks the statements so that the question is covered: the best sentence of the kind wanted, the best
 * for each part of a compound question, then sentences that add key terms not yet covered (or continue
 * a chosen sentence), and the reason when the question asks why.
 */
function choose(ranked: readonly Candidate[], perClause: readonly Candidate[][], want: Want, w: Weigh): Candidate[] {
  const W = READER_WEIGHTS;
  const top = ranked[0];
  const typedBest = ranked.find((c) => usable(c) && !isHeading(c)) ?? ranked.find(usable);
  // No statement of the kind asked for near the best: only a question in parts, whose parts choose their own, goes on.
  const typedNear = typedBest !== undefined && top !== undefined && typedBest.score >= top.score - W.typedTrail;
  if (!top || (!typedNear && !perClause.length)) return [];
  const chosen: Candidate[] = typedNear ? [typedBest] : [];
  const same = (a: Candidate, b: Candidate): boolean => (a.hit.chunk.id === b.hit.chunk.id && a.span.start < b.span.end && b.span.start < a.span.end) || a.clean === b.clean;
  const taken = (c: Candidate): boolean => chosen.some((x) => same(x, c));
  for (const pick of clausePicks(perClause, same)) if (!taken(pick) && chosen.length < W.maxStatements) chosen.push(pick);
  const best = chosen[0];
  if (!best) return [];
  const total = weight(want.terms, w) || 1;
  const covered = new Map<string, number>();
  const cover = (c: Candidate): void => {
    for (const [t, f] of c.covered) covered.set(t, Math.max(covered.get(t) ?? 0, f));
  };
  chosen.forEach(cover);
  const gainOf = (c: Candidate): number => {
    let g = 0;
    for (const [t, f] of c.covered) g += Math.max(0, f - (covered.get(t) ?? 0)) * w(t);
    return g / total;
  };
  const continues = (c: Candidate): boolean => chosen.some((x) => x.hit.chunk.id === c.hit.chunk.id && c.span.start >= x.span.end && c.span.start - x.span.end < 4);
  while (chosen.length < W.maxStatements) {
    let pick: Candidate | null = null;
    let pickValue = 0;
    for (const c of ranked) {
      if (taken(c) || isHeading(c)) continue;
      const follows = continues(c) && (c.typed || want.type === 'any');
      if (c.score < best.score * (follows ? W.continueShare : W.keepShare)) continue;
      const gain = gainOf(c);
      if (!c.typed && !follows && !perClause.length) continue;
      if (gain < W.minGain && !follows) continue;
      const value = gain + (follows ? W.minGain : 0) + 0.1 * c.score;
      if (value > pickValue) {
        pick = c;
        pickValue = value;
      }
    }
    if (!pick) break;
    chosen.push(pick);
    cover(pick);
  }
  if (want.vote) {
    // The vote that answers is the one on the question's subject: the vote lines of the passage that
    // best covers the subject replace any vote taken on another item.
    const own = subjectVotes(ranked, chosen, want, w);
    if (own.length) {
      const kept = chosen.filter((c) => !c.vote || own.includes(c));
      chosen.length = 0;
      chosen.push(...kept.slice(0, W.maxStatements - own.filter((c) => !kept.includes(c)).length), ...own.filter((c) => !kept.includes(c)));
    }
  }
  if (want.vote && !chosen.some((c) => c.vote)) {
    // The vote on a decision is recorded under it: in the same passage, else the same item, else the same paper.
    const near = (c: Candidate, x: Candidate): number =>
      x.hit.chunk.id === c.hit.chunk.id ? 3 : x.hit.chunk.source === c.hit.chunk.source && x.hit.chunk.place.item === c.hit.chunk.place.item ? 2 : x.hit.chunk.source === c.hit.chunk.source ? 1 : 0;
    const closeness = (c: Candidate): number => Math.max(...chosen.map((x) => near(c, x)));
    const votes = ranked.filter((c) => c.vote && !taken(c) && closeness(c) > 0);
    const vote = votes.sort((a, b) => closeness(b) - closeness(a))[0];
    if (vote) chosen.length >= W.maxStatements ? (chosen[chosen.length - 1] = vote) : chosen.push(vote);
  }
  if (want.decision && !want.vote && !chosen.some((c) => c.vote)) {
    // A decision is reported with the vote that carried it, when the minutes record it beside the decision.
    const decided = chosen.filter((c) => DECISION_SENTENCE.test(c.text));
    const vote = ranked
      .filter((c) => c.vote && !taken(c) && decided.some((d) => d.hit.chunk.id === c.hit.chunk.id && Math.abs(d.span.start - c.span.start) <= W.voteNearChars))
      .sort((a, b) => Math.min(...decided.map((d) => Math.abs(d.span.start - a.span.start))) - Math.min(...decided.map((d) => Math.abs(d.span.start - b.span.start))))[0];
    if (vote && chosen.length < W.maxStatements) chosen.push(vote);
  }
  if (want.reason && !chosen.some((c) => c.reason)) {
    const reason = ranked.find((c) => c.reason && !taken(c) && chosen.some((x) => x.hit.chunk.source === c.hit.chunk.source) && c.score >= best.score * W.keepShare);
    if (reason) chosen.length >= W.maxStatements ? (chosen[chosen.length - 1] = reason) : chosen.push(reason);
  }
  return chosen;
}

/**
 * The thing a question names by its short form ("SIRO", "REACT", "LCTS"): a typed acronym the papers
 * use. Passages that mention neither it nor its spelled-out form are about something else.
 */
function keyEntity(forms: readonly ShortForm[], w: Weigh, known: (t: string) => boolean): ShortForm | null {
  let best: ShortForm | null = null;
  for (const f of forms) {
    if (!known(f.term) || w(f.term) < READER_WEIGHTS.keyEntityWeight) continue;
    if (!best || w(f.term) > w(best.term)) best = f;
  }
  return best;
}

function mentions(hit: SearchHit, entity: ShortForm): boolean {
  const ts = indexTermsOf(hit.chunk);
  // Whether a passage is about the thing at all: two initials in a row ("Grant Thornton" for GT) will do.
  return matchedTerms([entity.term], ts).size > 0 || spells(hit.chunk.indexText, ts, entity, 2);
}

/** The share of the question's weighted key terms that the chosen statements (with their headings) cover. */
function statementCover(chosen: readonly Candidate[], key: readonly string[], w: Weigh): { cover: number; missing: number } {
  const total = weight(key, w) || 1;
  const covered = new Map<string, number>();
  for (const c of chosen) {
    for (const [t, f] of c.covered) covered.set(t, Math.max(covered.get(t) ?? 0, f));
    // A statement stands under its headings: what they name, it is about.
    for (const t of matchedTerms(key, new Set(terms(headingsOf(c.hit.chunk))))) covered.set(t[0], Math.max(covered.get(t[0]) ?? 0, t[1]));
    // A sentence that introduces a list is given with the list: what its items name, it covers.
    if (introduces(c.text)) {
      const span = withListContext(c);
      for (const [t, f] of matchedTerms(key, new Set(terms(c.hit.chunk.text.slice(span.start, span.end))))) covered.set(t, Math.max(covered.get(t) ?? 0, f));
    }
  }
  return { cover: weight(covered, w) / total, missing: key.filter((t) => (covered.get(t) ?? 0) < 0.5).length };
}

/** A passage's item and section titles, and its opening line when that is a heading. */
function headingsOf(chunk: SearchHit['chunk']): string {
  const first = chunk.text.split('\n', 1)[0]!.trim();
  const heading = first.length < 110 && !/[.;!?]$/.test(first) ? first : '';
  return `${chunk.place.item ?? ''} ${chunk.place.section ?? ''} ${heading}`;
}

export interface ReaderInput {
  reading: QuestionReading;
  hits: readonly SearchHit[];
  idf: (t: string) => number;
  known: (t: string) => boolean;
  /** The corpus glossary, so that a short form in the question is found spelled out in the papers. */
  glossary?: Glossary;
}

/**
 * Composes a short answer from the sentences of the top passages that answer the question, each
 * followed by its citation number; "not found" when the passages do not cover the question.
 */
export function extractiveAnswer({ reading, hits, idf, known, glossary = {} }: ReaderInput): DraftAnswer {
  const W = READER_WEIGHTS;
  const key = reading.terms;
  const w = weigher(idf, known, reading);
  const forms = shortFormsOf(reading, glossary);
  const period = periodTermsOf(reading.scope.periods);
  const evidence = evidenceFor(key, hits, w, forms, period);
  const enough = evidence >= W.minEvidence || (key.length >= 6 && evidence >= W.minEvidence - W.longQuestionSlack);
  const want: Want = { periods: reading.scope.periods, terms: key, pairs: reading.pairs, type: reading.type, counted: reading.counted, reason: reading.wantsReason, vote: reading.wantsVote, decision: reading.wantsDecision, latest: reading.scope.latest, forms, period, committees: reading.scope.committees };
  const perClause = reading.clauses.map((c) => {
    // A short part's own words ("when does it end?") say what it asks; the subject it takes only says of what.
    const inherited = new Set(c.inherited ?? []);
    const cw: Weigh = inherited.size ? (t) => (inherited.has(t) ? W.inheritedShare * w(t) : w(t)) : w;
    const found = candidates(hits, { periods: reading.scope.periods, terms: c.terms, pairs: c.pairs, type: c.type, counted: c.counted, reason: false, vote: c.wantsVote, decision: c.wantsDecision, forms, period, committees: reading.scope.committees }, cw);
    // …and a statement for it must be about the subject and hold one of the part's own words (unless none
    // does: "how big is it?" asks for a size no paper calls big).
    if (!inherited.size) return found;
    const own = c.terms.filter((t) => !inherited.has(t));
    const about = found.filter((x) => [...inherited].some((t) => x.covered.has(t)));
    const speaking = about.filter((x) => own.some((t) => (x.covered.get(t) ?? 0) >= W.ownTermMatch));
    return speaking.length ? speaking : about;
  });
  const decline = (declined: DraftAnswer['declined']): DraftAnswer => ({ kind: 'not_found', answer: NOT_FOUND_TEXT, citations: [], evidence, declined });
  if (!enough) return decline('little evidence');
  const chosen = choose(candidates(hits, want, w), perClause, want, w);
  if (!chosen.length) return decline('no statement');
  // The question's most specific word names what it is about: passages without it answer something else.
  // A proper name the question uses ("the Values and Ethics Sub-Committee") names its subject as a short form does.
  const names: ShortForm[] = reading.names.flatMap((n) => terms(n).filter((t) => key.includes(t)).map((t) => ({ term: t, letters: '', spelled: [] })));
  const entity = keyEntity([...forms, ...names], w, known);
  // A passage inside a paper about the thing need not repeat its short form: a passage close by in the same
  // paper may name it. A name the question spells out must be in the passage (its text or headings).
  const about = (c: Candidate): boolean => entity!.letters !== '' && hits.some((h) => h.chunk.source === c.hit.chunk.source && Math.abs(h.chunk.start - c.hit.chunk.start) <= READER_WEIGHTS.entityNearChars && mentions(h, entity!));
  if (entity && !chosen.some((c) => mentions(c.hit, entity) || about(c))) return decline('key entity absent');
  const { cover, missing } = statementCover(chosen, key, w);
  // A short question is about all of its words: statements that leave one of them out answer another question.
  // (A question in parts asks a little of each: its parts' own statements are checked by the cover of any question.)
  if (key.length <= W.shortQuestion && reading.clauses.length < 2 && (cover < W.minStatementCover || missing > W.maxMissingTerms)) return decline('short question not covered');
  // Any question: statements that speak of little of it answer something else.
  if (cover < W.minAnyCover) return decline('statements cover little of the question');
  // Statements read in the papers' order within a passage, passages in rank order.
  chosen.sort((a, b) => a.rank - b.rank || a.span.start - b.span.start);
  const kept = mergeOverlaps(chosen.map((c) => ({ c, span: withParagraph(c, withListContext(c), key) })));
  // A list that a statement announces and that runs on past the end of its passage goes on in the next one.
  for (const k of [...kept]) {
    const more = listRunOn(k.c, k.span, hits, key);
    if (more && !kept.some((o) => o.c.hit.chunk.id === more.c.hit.chunk.id)) kept.splice(kept.indexOf(k) + 1, 0, more);
  }
  const citations: Citation[] = [];
  const statements = kept.map(({ c, span }) => {
    const citation = citationFor(c.hit.chunk, span.start, span.end, citations.length + 1);
    citations.push(citation);
    const text = display(c.hit.chunk.text.slice(span.start, span.end), c.hit.chunk.tableHeader, span.row);
    return { text: c.actor ? `${cleanText(c.actor)}: ${text}` : text, citation };
  });
  const sources = new Set(citations.map((c) => `${c.council}|${c.meetingDate?.slice(0, 4)}`));
  const lines = statements.map(({ text, citation }) => (sources.size > 1 && placeLabel(citation) ? `${placeLabel(citation)}: ${text} [${citation.n}]` : `${text} [${citation.n}]`));
  let answer = lines.join('\n');
  if (reading.scope.latest && sources.size === 1 && placeLabel(citations[0]!)) answer = `Latest papers (${placeLabel(citations[0]!)}): ${answer}`;
  // What a meeting decided or voted is said with the meeting it was: "Cabinet, 1 December 2022: RESOLVED…".
  else if ((reading.wantsDecision || reading.wantsVote) && sources.size === 1 && citations[0]!.meetingDate && placeLabel(citations[0]!)) answer = `${placeLabel(citations[0]!)}: ${answer}`;
  return { kind: 'answer', answer, citations, evidence };
}
