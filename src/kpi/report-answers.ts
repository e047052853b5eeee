import type { Citation } from '../types.js';
import { longDate, shortRecord, indicatorTitle, sourceOf } from './format-kpi.js';
import { CitationList } from './kpi-citations.js';
import type { KpiRecord } from './kpi-record.js';
import { kpiTerms } from './kpi-terms.js';
import { knownAreas, listKpis } from './list-kpis.js';
import { inPeriod, type KpiQuestion } from './parse-kpi-question.js';

/** Text, citations and structured data of a KPI answer before it is wrapped as an Answer. */
export interface KpiDraft {
  /** Set when the indicator is held, but not for the period asked about: the answer says what is held instead. */
  notInPeriod?: boolean;
  text: string;
  citations: Citation[];
  notes: string[];
  data: unknown;
}

interface Report {
  key: string;
  title: string;
  records: KpiRecord[];
}

function reportsOf(records: readonly KpiRecord[]): Report[] {
  const map = new Map<string, Report>();
  for (const r of records) {
    const key = `${r.place.source}|${r.reportTitle ?? ''}|${r.period?.label ?? ''}`;
    const report = map.get(key) ?? { key, title: r.reportTitle ?? r.place.source, records: [] };
    report.records.push(r);
    map.set(key, report);
  }
  return [...map.values()];
}

function reportEnd(report: Report): string {
  const r = report.records[0]!;
  return `${r.period?.end ?? ''}|${r.meetingDate ?? ''}`;
}

/** The report a question is about: in the period it names, sharing most words with its title, else the latest. */
function chooseReport(question: string, q: KpiQuestion, records: readonly KpiRecord[]): Report | null {
  let reports = reportsOf(records);
  if (q.periods.length) {
    const named = reports.filter((rep) => rep.records.some((r) => q.periods.some((p) => inPeriod(r, p))));
    if (named.length) reports = named;
  }
  const words = new Set(kpiTerms(question));
  const overlap = (rep: Report): number => kpiTerms(rep.title).filter((t) => words.has(t)).length;
  reports.sort((a, b) => overlap(b) - overlap(a) || (reportEnd(b) < reportEnd(a) ? -1 : 1));
  return reports[0] ?? null;
}

/**
 * "How many KPIs were red in ...?": the report's own statement of its RAG totals (preferred, quoted)
 * and the count of its extracted rows with that RAG, each row cited.
 */
export function countDraft(question: string, q: KpiQuestion, records: readonly KpiRecord[]): KpiDraft | null {
  if (!q.count || !q.rag) return null;
  const report = chooseReport(question, q, records.filter((r) => r.kind === 'kpi'));
  if (!report) return null;
  const first = report.records[0]!;
  const rows = report.records.filter((r) => r.rag === q.rag);
  const list = new CitationList();
  const colour = q.rag.charAt(0) + q.rag.slice(1).toLowerCase();
  const where = `the ${report.title} (${[first.period?.label, first.place.committee, longDate(first.meetingDate)].filter(Boolean).join(', ')})`;
  const stated = first.reportCounts ? first.reportCounts[q.rag.toLowerCase() as 'red' | 'amber' | 'green'] : null;
  const notes: string[] = [];
  let text: string;
  if (stated !== null && first.reportCounts) {
    const n = list.add(first, first.reportCounts.quote);
    text = `${stated} KPIs were rated ${colour} in ${where}. The report says: "${first.reportCounts.quote.text}" [${n}]`;
    if (rows.length !== stated) notes.push(`The RAG table rows extracted from the report give ${rows.length} rated ${colour}; the report's own figure is shown.`);
  } else {
    text = `${rows.length} KPIs are rated ${colour} in the RAG tables of ${where}.`;
  }
  if (rows.length) {
    const items = rows.map((r) => `${indicatorTitle(r)} ${list.addRecord(r)}`);
    text += ` ${rows.length === stated || stated === null ? 'They are' : `The ${rows.length} rows rated ${colour} in its tables are`}: ${items.join('; ')}.`;
  }
  return { text, citations: list.citations, notes, data: { report: report.title, rag: q.rag, stated, counted: rows.length, records: rows } };
}

/** The area a question names, from the areas the records are filed under ("Adult Social Care"). */
export function areaInQuestion(question: string, records: readonly KpiRecord[]): string | null {
  const words = new Set(kpiTerms(question));
  return knownAreas(records).find((a) => {
    const terms = kpiTerms(a);
    return terms.length > 0 && terms.every((t) => words.has(t));
  }) ?? null;
}

/** "Which (Adult Social Care) KPIs are red?": each indicator whose latest record has that RAG, cited. */
export function listDraft(question: string, q: KpiQuestion, records: readonly KpiRecord[]): KpiDraft | null {
  if (!q.list || !q.rag) return null;
  const area = areaInQuestion(question, records);
  const found = listKpis({ rag: q.rag, area: area ?? undefined, periods: q.periods }, records);
  const scope = area ? ` in ${area}` : '';
  const list = new CitationList();
  if (!found.length) {
    return { text: `No KPIs${scope} are rated ${q.rag} in their latest report.`, citations: [], notes: [], data: { rag: q.rag, area, records: [] } };
  }
  const items = found.map((r, i) => `${i + 1}) ${indicatorTitle(r)} — ${shortRecord(r)}, ${sourceOf(r)} ${list.addRecord(r)}`);
  const verb = found.length === 1 ? 'KPI is' : 'KPIs are';
  const text = `${found.length} ${verb} rated ${q.rag}${scope} in their latest report: ${items.join('; ')}.`;
  return { text, citations: list.citations, notes: [], data: { rag: q.rag, area, records: found } };
}
