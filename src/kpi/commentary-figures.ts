import { splitSentences } from '../answer/split-sentences.js';
import type { Glossary } from '../extract/mine-glossary.js';
import { coverage, documentFrequency, kpiTerms, termWeights } from './kpi-terms.js';
import { sentenceFigures, type SentenceFigures } from './sentence-figures.js';

/** An indicator whose table lost its figures: the commentary may state them. */
export interface CommentaryIndicator {
  key: number;
  name: string;
}

/** The sentence of the commentary that states an indicator's figures. */
export interface CommentaryMatch {
  key: number;
  figures: SentenceFigures;
  start: number;
  end: number;
}

interface Sentence {
  start: number;
  end: number;
  text: string;
  terms: Set<string>;
  paragraph: Set<string>;
}

/** A sentence must share this much of an indicator's name (weighted) to speak for it on its own. */
const OWN_MATCH = 0.4;
/** A sentence of a paragraph about the indicator may state its value with a weaker match ("at 97% for this quarter"). */
const PARAGRAPH_MATCH = 0.3;
const TARGET_ONLY_MATCH = 0.6;

function sentencesOf(text: string, from: number, to: number, glossary: Glossary): Sentence[] {
  const out: Sentence[] = [];
  let pos = from;
  while (pos < to) {
    let lineEnd = text.indexOf('\n', pos);
    if (lineEnd < 0 || lineEnd > to) lineEnd = to;
    const line = text.slice(pos, lineEnd);
    if (!line.includes('\t') && !/^\s*[|#]/.test(line) && line.trim().length >= 40) {
      const paragraph = new Set(kpiTerms(line, glossary));
      for (const s of splitSentences(line)) {
        const body = line.slice(s.start, s.end);
        out.push({ start: pos + s.start, end: pos + s.end, text: body, terms: new Set(kpiTerms(body, glossary)), paragraph });
      }
    }
    pos = lineEnd + 1;
  }
  return out;
}

/**
 * A figure for a rolling-12-month indicator read from a sentence about one quarter or one month is a
 * different measure ("5,610 checks delivered in Quarter 2"), so it is not the indicator's value.
 */
function periodClash(name: string, sentence: string): boolean {
  if (!/rolling|12 months|12-month|annual/i.test(name)) return false;
  const mentionsShort = /\b(?:in|during|for|this|the) (?:the )?quarter\b|\bsingle month\b|\bthis month\b|\bin (?:january|february|march|april|may|june|july|august|september|october|november|december)\b/i.test(sentence);
  const mentionsLong = /12.month|rolling|last (?:12 months|year)|annual|over the (?:last|past) year/i.test(sentence);
  return mentionsShort && !mentionsLong;
}

/**
 * Links indicators whose tables kept only a RAG rating to the sentences of the commentary that state
 * their figures. Each sentence speaks for one indicator at most (the best-matching); a figure is taken
 * only when printed in that sentence, so an indicator the commentary gives no figure for keeps none.
 */
export function matchCommentary(
  text: string,
  from: number,
  to: number,
  indicators: readonly CommentaryIndicator[],
  glossary: Glossary,
): Map<number, CommentaryMatch> {
  const sentences = sentencesOf(text, from, to, glossary);
  const names = indicators.map((i) => kpiTerms(i.name, glossary));
  const weight = termWeights(names);
  const df = documentFrequency(names);
  const own = names.map((terms) => sentences.map((sent) => coverage(terms, sent.terms, weight)));
  const candidates: Array<{ i: number; s: number; score: number; figures: SentenceFigures }> = [];
  indicators.forEach((ind, i) => {
    const terms = names[i]!;
    sentences.forEach((sent, s) => {
      const mine = own[i]![s]!;
      const sharedTerms = new Set(terms.filter((t) => sent.terms.has(t)));
      const shared = sharedTerms.size;
      if (!shared) return;
      // A weakly matching sentence must at least share a word few indicators use ("clients", not "people").
      const distinctive = [...sharedTerms].some((t) => (df.get(t) ?? 0) <= 2 && !/^\d+$/.test(t));
      const para = coverage(terms, sent.paragraph, weight);
      const figures = sentenceFigures(sent.text, ind.name);
      if (figures.value && periodClash(ind.name, sent.text)) figures.value = null;
      // A count ("Number of homes ...") is taken only when the sentence says it is the result ("was 279").
      if (figures.value && !figures.valueStated && !/%|percent|proportion|\brate\b/i.test(ind.name)) figures.value = null;
      const strong = mine >= OWN_MATCH && shared >= 2;
      const viaParagraph = para >= PARAGRAPH_MATCH && distinctive && figures.value !== null && figures.valueStated;
      if (!strong && !viaParagraph) return;
      if (!figures.value && !figures.target && !figures.floor) return;
      // Without a value, a target is taken only from a sentence plainly about this indicator.
      if (!figures.value && mine < TARGET_ONLY_MATCH) return;
      // A sentence that matches another indicator as well (a summary naming two) speaks less clearly for this one.
      const rival = Math.max(0, ...own.map((row, j) => (j === i ? 0 : row[s]!)));
      candidates.push({ i, s, score: mine - 0.5 * rival + 0.3 * para + (figures.value ? 2 : 0), figures });
    });
  });
  candidates.sort((a, b) => b.score - a.score || a.s - b.s);
  const out = new Map<number, CommentaryMatch>();
  const used = new Set<number>();
  for (const c of candidates) {
    const key = indicators[c.i]!.key;
    if (out.has(key) || used.has(c.s)) continue;
    used.add(c.s);
    const sent = sentences[c.s]!;
    out.set(key, { key, figures: c.figures, start: sent.start, end: sent.end });
  }
  return out;
}
