import type { Answer } from '../types.js';
import { percentile, type EvalItem } from './score-answer.js';

/** One scored question. */
export interface EvalRow {
  item: EvalItem;
  answer: Answer;
  rank: number | null;
  correct: boolean;
  cited: boolean | null;
  verbatim: boolean;
}

/** The skill that gave an answer, from its kind. */
export function skillOf(answer: Answer): string {
  return answer.kind === 'answer' || answer.kind === 'not_found' || answer.kind === 'error' ? 'documents' : answer.kind;
}

/**
 * The skills that may rightly answer an item, from its category: a KPI item with a structured gold
 * record is the KPI skill's; RIPA and audit questions may be the rules' or the papers'; the rest are the papers'.
 */
export function expectedSkills(item: EvalItem): string[] {
  if (item.category === 'kpi') return item.kpi ? ['kpi'] : ['kpi', 'documents'];
  if (item.category === 'ripa') return ['ripa', 'documents'];
  if (item.category === 'audit') return ['audit', 'documents'];
  if (item.category === 'deadline') return ['deadline'];
  return ['documents'];
}

const share = (n: number, d: number): number | null => (d ? n / d : null);

/** Each stage measured on its own: routing, retrieval, composition given retrieval, declining; and the whole. */
export function evalMetrics(rows: readonly EvalRow[]) {
  const answerable = rows.filter((r) => r.item.sources.length);
  const unanswerable = rows.filter((r) => !r.item.sources.length);
  const recall = (k: number) => share(answerable.filter((r) => r.rank !== null && r.rank <= k).length, answerable.length);
  const found = answerable.filter((r) => r.rank !== null && r.rank <= 10);
  const otherCouncil = rows.flatMap((r) => r.answer.citations.filter((c) => r.item.council && c.council && c.council !== r.item.council));
  const latencies = rows.map((r) => r.answer.timings.totalMs);
  return {
    questions: rows.length,
    routingAccuracy: share(rows.filter((r) => expectedSkills(r.item).includes(skillOf(r.answer))).length, rows.length),
    'recall@1': recall(1),
    'recall@5': recall(5),
    'recall@10': recall(10),
    mrr: share(answerable.reduce((s, r) => s + (r.rank ? 1 / r.rank : 0), 0), answerable.length),
    answerAccuracy: share(rows.filter((r) => r.correct).length, rows.length),
    answerableAccuracy: share(answerable.filter((r) => r.correct).length, answerable.length),
    compositionGivenRetrieval: share(found.filter((r) => r.correct).length, found.length),
    answerableDeclined: share(answerable.filter((r) => r.answer.kind === 'not_found').length, answerable.length),
    unanswerableDeclined: share(unanswerable.filter((r) => r.correct).length, unanswerable.length),
    citationAccuracy: share(answerable.filter((r) => r.cited).length, answerable.length),
    citationsOtherCouncil: otherCouncil.length,
    nonVerbatimCitations: rows.filter((r) => !r.verbatim).length,
    latencyP50Ms: percentile(latencies, 50),
    latencyP95Ms: percentile(latencies, 95),
  };
}

/** The metrics overall and for each council named by the items. */
export function metricsByCouncil(rows: readonly EvalRow[]) {
  const councils = [...new Set(rows.map((r) => r.item.council ?? 'unknown'))].sort();
  return { overall: evalMetrics(rows), councils: Object.fromEntries(councils.map((c) => [c, evalMetrics(rows.filter((r) => (r.item.council ?? 'unknown') === c))])) };
}
