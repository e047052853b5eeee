import { InputError } from '../errors.js';
import { aboutIndicator } from './about-indicator.js';
import type { Citation } from '../types.js';
import { CitationList } from './kpi-citations.js';
import type { KpiRecord } from './kpi-record.js';
import { groupIndicators, type KpiIndicator } from './group-indicators.js';
import { kpiGlossary, kpiTerms, termWeights } from './kpi-terms.js';
import { parseKpiQuestion } from './parse-kpi-question.js';

/** An indicator that matches a query, with its latest record, its history and citations for both. */
export interface KpiMatch {
  key: string;
  ref: string | null;
  name: string;
  area: string | null;
  kind: KpiRecord['kind'];
  /** 0..1 for words; references score above 1. */
  score: number;
  latest: KpiRecord;
  /** Every record of the indicator, oldest first. */
  history: KpiRecord[];
  citations: Citation[];
}

/** A query that matches no indicator; `suggestions` names the nearest ones. */
export class KpiNotFoundError extends InputError {
  readonly suggestions: string[];

  constructor(query: string, suggestions: string[]) {
    const hint = suggestions.length ? ` Nearest indicators: ${suggestions.join('; ')}.` : '';
    super('KPI_NOT_FOUND', `No KPI matches "${query}".${hint}`);
    this.name = 'KpiNotFoundError';
    this.suggestions = suggestions;
  }
}

/** A word match at least this good counts as a match. */
export const MATCH_SCORE = 0.5;
/** What a query's preferred kind of indicator (KPI or activity count) adds to its score. */
const KIND_EDGE = 0.08;
/** Candidates within this share of the best one are returned with it, ranked. */
const AMBIGUITY = 0.75;

interface Scored {
  indicator: KpiIndicator;
  score: number;
}

function trigrams(text: string): Set<string> {
  const t = ` ${text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim()} `;
  const out = new Set<string>();
  for (let i = 0; i + 3 <= t.length; i++) out.add(t.slice(i, i + 3));
  return out;
}

function trigramSimilarity(a: string, b: string): number {
  const ta = trigrams(a);
  const tb = trigrams(b);
  let shared = 0;
  for (const t of ta) if (tb.has(t)) shared++;
  return shared / Math.max(1, Math.min(ta.size, tb.size));
}

/** The terms of an indicator's names and areas, made once per indicator rather than once per question. */
interface Features {
  names: Set<string>;
  areas: Set<string>;
  namePairs: Set<string>;
  latestTerms: Set<string>;
}

const featureCache = new WeakMap<KpiIndicator, Features>();

function featuresOf(ind: KpiIndicator, glossary: ReturnType<typeof kpiGlossary>): Features {
  let f = featureCache.get(ind);
  if (!f) {
    f = {
      names: new Set(ind.records.flatMap((r) => kpiTerms(r.name, glossary))),
      areas: new Set(ind.records.flatMap((r) => kpiTerms(`${r.area ?? ''} ${r.group ?? ''}`, glossary))),
      namePairs: new Set(ind.records.flatMap((r) => {
        const t = kpiTerms(r.name, glossary);
        return t.slice(1).map((w, i) => `${t[i]} ${w}`);
      })),
      latestTerms: new Set(kpiTerms(ind.latest.name, glossary)),
    };
    featureCache.set(ind, f);
  }
  return f;
}

/**
 * Scores every indicator against a query: a reference code typed in the query scores 2; words score
 * the weighted share of the query's known words found in the indicator's names (words of its service
 * area count half), plus a little for how much of the name the query covers.
 */
export function scoreIndicators(query: string, indicators: readonly KpiIndicator[]): Scored[] {
  const refs = new Set(parseKpiQuestion(query).refs);
  // A KPI edges out its activity counterpart ("Freedom of Information requests" received) unless a count is asked for.
  const preferred: KpiRecord['kind'] = /\b(?:how many|number of|volume|count)\b/i.test(query) ? 'activity' : 'kpi';
  const glossary = kpiGlossary();
  const features = indicators.map((ind) => featuresOf(ind, glossary));
  const names = features.map((f) => f.names);
  const areas = features.map((f) => f.areas);
  const weight = termWeights(names.map((n) => [...n]));
  const vocabulary = new Set(names.flatMap((n) => [...n]));
  // Periods ("Q2 2022/23", "2017") say when, not which indicator.
  const what = query.replace(/\b(?:Q|Quarter\s*)[1-4]\b|\b(?:19|20)\d\d(?:\s*[/-]\s*\d{2,4})?\b/gi, ' ');
  const sequence = kpiTerms(what, glossary);
  const words = [...new Set(sequence)].filter((t) => vocabulary.has(t));
  const total = words.reduce((s, t) => s + weight(t), 0);
  // Words in the same order as a name ("contact point") beat the same words apart ("point of contact").
  const pairs = sequence.slice(1).map((t, i) => `${sequence[i]} ${t}`);
  const namePairs = features.map((f) => f.namePairs);
  return indicators.map((indicator, i) => {
    if (indicator.records.some((r) => r.ref && refs.has(r.ref.toUpperCase()))) return { indicator, score: 2 };
    if (!total) return { indicator, score: 0 };
    let found = 0;
    for (const t of words) found += names[i]!.has(t) ? weight(t) : areas[i]!.has(t) ? weight(t) / 2 : 0;
    const latestTerms = features[i]!.latestTerms;
    const covered = [...latestTerms].filter((t) => words.includes(t)).reduce((s, t) => s + weight(t), 0);
    const nameTotal = [...latestTerms].reduce((s, t) => s + weight(t), 0) || 1;
    const inOrder = pairs.length ? pairs.filter((p) => namePairs[i]!.has(p)).length / pairs.length : 0;
    return { indicator, score: 0.85 * (found / total) + 0.15 * (covered / nameTotal) + 0.1 * inOrder + (indicator.kind === preferred ? KIND_EDGE : 0) };
  });
}

/** The indicators a query matches, best first: the best and any close to it. Empty when none matches. */
export function rankIndicators(query: string, indicators: readonly KpiIndicator[]): Scored[] {
  const scored = scoreIndicators(query, indicators).sort((a, b) => b.score - a.score || Number(a.indicator.kind !== 'kpi') - Number(b.indicator.kind !== 'kpi'));
  const best = scored[0]?.score ?? 0;
  if (best < MATCH_SCORE) return [];
  return scored.filter((s) => s.score >= Math.max(MATCH_SCORE, best * AMBIGUITY)).slice(0, 10);
}

/** The nearest indicators to a query that matched none: partial word matches, then similar spelling. */
export function suggestIndicators(query: string, indicators: readonly KpiIndicator[], limit = 5): string[] {
  const words = scoreIndicators(query, indicators);
  return words
    .map((s) => ({ s, score: s.score + 0.5 * trigramSimilarity(query, `${s.indicator.ref ?? ''} ${s.indicator.name}`) }))
    .sort((a, b) => b.score - a.score)
    .slice(0, limit)
    .map(({ s }) => (s.indicator.ref ? `${s.indicator.ref} ${s.indicator.name}` : s.indicator.name));
}

/** A match with its latest record, its history and the citations of every record in it. */
export function toMatch(indicator: KpiIndicator, score: number): KpiMatch {
  const list = new CitationList();
  for (const r of indicator.records) list.addRecord(r);
  return {
    key: indicator.key,
    ref: indicator.ref,
    name: indicator.name,
    area: indicator.area,
    kind: indicator.kind,
    score: Number(score.toFixed(3)),
    latest: indicator.latest,
    history: indicator.records,
    citations: list.citations,
  };
}

/**
 * Looks up indicators by reference ("GL02") or words ("freedom of information", "FOI", "potholes"):
 * each match has its latest record (by period, then meeting date), its history across reports and
 * citations. Ambiguous words give the candidates ranked. Throws KpiNotFoundError, with the nearest
 * indicators as suggestions, when nothing matches, or when the words that match are only a few of the query's.
 */
export function findKpis(query: string, records: readonly KpiRecord[]): KpiMatch[] {
  const indicators = groupIndicators(records);
  // A code names its indicator; words must be mostly the indicator's own ("staff car parking" is not
  // "working hours where email is available to staff", however well "staff" alone scores).
  const ranked = rankIndicators(query, indicators).filter((s) => s.score >= 2 || aboutIndicator(query, s.indicator));
  if (!ranked.length) throw new KpiNotFoundError(query.trim(), suggestIndicators(query, indicators));
  return ranked.map((s) => toMatch(s.indicator, s.score));
}
