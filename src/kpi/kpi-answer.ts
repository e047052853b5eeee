import type { Answer } from '../types.js';
import { aboutIndicator } from './about-indicator.js';
import { rankIndicators, toMatch } from './find-kpis.js';
import { describeRecord, indicatorTitle, shortRecord, sourceOf } from './format-kpi.js';
import { groupIndicators, type KpiIndicator } from './group-indicators.js';
import { CitationList } from './kpi-citations.js';
import type { KpiRecord } from './kpi-record.js';
import { filterByPeriods, parseKpiQuestion, type KpiQuestion } from './parse-kpi-question.js';
import { countDraft, listDraft, type KpiDraft } from './report-answers.js';
import { asksForReason } from '../understand/read-question.js';

/** A question naming no reference must match an indicator's name at least this well to be a KPI look-up. */
const WORD_MATCH = 0.6;

/** The indicators a question asks about: those whose reference it types, else the best name match. */
function chosenIndicators(question: string, q: KpiQuestion, indicators: readonly KpiIndicator[]): Array<{ indicator: KpiIndicator; score: number }> {
  const refs = new Set(q.refs);
  const byRef = indicators.filter((i) => i.records.some((r) => r.ref && refs.has(r.ref.toUpperCase())));
  if (byRef.length) {
    // A typed code names the indicator; among its rows, a KPI before its activity counterpart.
    return byRef.sort((a, b) => Number(a.kind !== 'kpi') - Number(b.kind !== 'kpi')).map((indicator) => ({ indicator, score: 2 }));
  }
  if (!q.kpiCue) return [];
  const ranked = rankIndicators(question, indicators);
  if (!ranked.length || ranked[0]!.score < WORD_MATCH || !aboutIndicator(question, ranked[0]!.indicator)) return [];
  // Activity counts have no target or RAG: unless the question asks for a count, a KPI that matches nearly as well comes first.
  if (ranked[0]!.indicator.kind === 'activity' && !/\b(?:how many|number of|volume|count)\b/i.test(question)) {
    const kpi = ranked.find((r) => r.indicator.kind === 'kpi' && r.score >= 0.85 * ranked[0]!.score);
    if (kpi) return [kpi, ...ranked.filter((r) => r !== kpi)];
  }
  return ranked;
}

function historyText(indicator: KpiIndicator, records: readonly KpiRecord[], list: CitationList): string {
  const lines = records.map((r) => `${shortRecord(r)} — ${sourceOf(r)} ${list.addRecord(r)}`);
  const withValue = records.filter((r) => r.value);
  const first = withValue[0];
  const last = withValue.at(-1);
  let lead = `${indicator.ref ? `${indicator.ref} ` : ''}${indicator.name}`;
  if (first && last && first !== last) {
    lead += ` moved from ${first.value} (${first.period?.label ?? 'earlier'}) to ${last.value} (${last.period?.label ?? 'later'})`;
  }
  const names = [...new Set(records.map((r) => r.name))];
  const reworded = names.length > 1 ? ` The reports word it differently: ${names.map((n) => `"${n}"`).join(' / ')}.` : '';
  return `${lead}. History across reports: ${lines.join('; ')}.${reworded}`;
}

function lookupDraft(question: string, q: KpiQuestion, records: readonly KpiRecord[]): KpiDraft | null {
  const indicators = groupIndicators(records);
  const chosen = chosenIndicators(question, q, indicators);
  if (!chosen.length) return null;
  const list = new CitationList();
  const notes: string[] = [];
  const shown = q.refs.length > 1 ? chosen : chosen.slice(0, 1);
  const texts: string[] = [];
  for (const { indicator } of shown) {
    if (q.history || q.periods.length > 1) {
      texts.push(historyText(indicator, indicator.records, list));
      continue;
    }
    const { records: scoped, applied } = filterByPeriods(indicator.records, q.periods);
    if (q.periods.length && !applied) {
      // Another period's figure is not an answer: say which periods the papers hold.
      const held = [...new Set(indicator.records.map((r) => r.period?.label).filter(Boolean))].slice(-4).join(', ');
      const asked = q.periods.map((p) => p.label).join(' or ');
      return { notInPeriod: true, text: `The papers I hold give ${indicatorTitle(indicator.latest, indicator.ref)} for ${held || 'other periods'}, not for ${asked}.`, citations: [], notes, data: { matches: [] } };
    }
    const record = scoped.at(-1)!;
    let text = `${describeRecord(record, indicator.ref)} ${list.addRecord(record)}`;
    // "Why is it red?": the report's commentary on the indicator gives the reason.
    if (asksForReason(question) && record.commentary && record.valueSource !== 'commentary') text += ` The report says: “${record.commentary.text.replace(/\s+/g, ' ').trim()}” [${list.add(record, record.commentary)}]`;
    if (!record.value && !record.ytd) {
      const earlier = indicator.records.filter((r) => r.value && r !== record).at(-1);
      if (earlier) {
        const bounds = [earlier.target && `target ${earlier.target}`, earlier.floor && `floor standard ${earlier.floor}`].filter(Boolean).join(', ');
        text += ` The last figure stated was ${shortRecord(earlier)}${bounds ? ` against a ${bounds}` : ''} (${earlier.reportTitle ?? earlier.place.source}) ${list.addRecord(earlier)}.`;
      }
    }
    const later = indicator.records.filter((r) => r !== record && indicator.records.indexOf(r) > indicator.records.indexOf(record));
    if (applied && later.length) notes.push(`A later result exists: ${shortRecord(later.at(-1)!)}.`);
    texts.push(text);
  }
  if (shown.length === 1 && chosen.length > 1 && chosen[1]!.score >= 0.9 * chosen[0]!.score && chosen[0]!.score <= 1) {
    notes.push(`Other indicators also match: ${chosen.slice(1, 4).map((c) => indicatorTitle(c.indicator.latest, c.indicator.ref)).join('; ')}.`);
  }
  return { text: texts.join(' '), citations: list.citations, notes, data: { matches: chosen.slice(0, 5).map((c) => toMatch(c.indicator, c.score)) } };
}

/**
 * Answers a question that asks for a KPI from the extracted KPI records: a reference ("how is GL03
 * doing?") or an indicator's name with KPI words ("latest", "rate", "target", "Q2 2022/23"), a count
 * of KPIs by RAG in a report, or a list of KPIs by RAG and service area. Returns null when the question
 * is not a KPI look-up, so that the document search answers it.
 */
export function kpiAnswer(question: string, records: KpiRecord[]): Answer | null {
  const started = performance.now();
  const q = parseKpiQuestion(question);
  const draft = countDraft(question, q, records) ?? listDraft(question, q, records) ?? lookupDraft(question, q, records);
  if (!draft) return null;
  return {
    question,
    kind: draft.notInPeriod ? 'not_found' : 'kpi',
    answer: draft.text,
    citations: draft.citations,
    retrieved: [],
    notes: draft.notes,
    data: draft.data,
    timings: { totalMs: Math.round((performance.now() - started) * 100) / 100 },
  };
}
