import { quarterPeriod } from './find-periods.js';
import type { KpiRecord, Rag } from './kpi-record.js';

/** A period a question names: a financial-year quarter, a financial year or a calendar year. */
export type PeriodFilter =
  | { kind: 'quarter'; label: string; start: string; end: string }
  | { kind: 'financialYear'; label: string; start: string; end: string }
  | { kind: 'year'; label: string; year: string };

/** What a KPI question asks for, read with rules (no model). */
export interface KpiQuestion {
  /** Reference-like codes typed in the question ("FN11", "gl03"), upper-cased. */
  refs: string[];
  rag: Rag | null;
  /** "How many KPIs were red ...?" */
  count: boolean;
  /** "Which (Adult Social Care) KPIs are red?" */
  list: boolean;
  /** "How has ... moved / changed / trended ...?" */
  history: boolean;
  /** Words that make a question a KPI look-up rather than a document question. */
  kpiCue: boolean;
  periods: PeriodFilter[];
}

const REF_RE = /\b([A-Za-z]{1,6}-?\d{1,4}[a-z]?)\b/g;
const QUARTER_RE = /\b(?:Q|Quarter\s*)([1-4])\b[,\s]*(?:of\s+)?(?:FY\s*)?(20\d\d)\s*[/-]\s*(\d{2})\b/gi;
const FY_RE = /\b(20\d\d)\s*[/-]\s*(\d{2})\b/g;
const YEAR_RE = /\b(20\d\d)\b/g;
const KPI_CUE =
  /\b(?:kpis?|key performance|indicators?|performance|dashboard|qpr|rag|red|amber|green|target|floor|latest|current|rate|ytd|year to date|percentage|proportion|figure|score|result|quarter|q[1-4]|how (?:is|are|was|were)\b.*\bdoing|how many|how has|how have)\b|%/i;

function periodFilters(question: string): PeriodFilter[] {
  const out: PeriodFilter[] = [];
  let rest = question;
  for (const m of question.matchAll(QUARTER_RE)) {
    const p = quarterPeriod(Number(m[1]), Number(m[2]));
    out.push({ kind: 'quarter', label: p.label, start: p.start!, end: p.end! });
    rest = rest.replace(m[0], ' ');
  }
  for (const m of rest.matchAll(FY_RE)) {
    const y = Number(m[1]);
    if ((y + 1) % 100 !== Number(m[2])) continue;
    out.push({ kind: 'financialYear', label: `${y}/${m[2]}`, start: `${y}-04-01`, end: `${y + 1}-03-31` });
    rest = rest.replace(m[0], ' ');
  }
  for (const m of rest.matchAll(YEAR_RE)) out.push({ kind: 'year', label: m[1]!, year: m[1]! });
  return out;
}

/** Reads a question for KPI references, RAG, counting/listing/history intent, KPI cues and named periods. */
export function parseKpiQuestion(question: string): KpiQuestion {
  const ragWord = /\b(red|amber|green)\b/i.exec(question)?.[1]?.toUpperCase() as Rag | undefined;
  const refs = [...question.matchAll(REF_RE)].map((m) => m[1]!.toUpperCase()).filter((r) => /[A-Z]/.test(r) && !/^(?:Q[1-4]|20\d\d|FY\d+)$/.test(r));
  const indicatorWord = /\b(?:kpis?|indicators?|measures?|targets?)\b/i;
  return {
    refs,
    rag: ragWord ?? null,
    count: /\bhow many\b/i.test(question) && indicatorWord.test(question) && ragWord !== undefined,
    list: ragWord !== undefined && indicatorWord.test(question) && /\b(?:which|what|list|show|name)\b/i.test(question) && !/\bhow many\b/i.test(question),
    history: /\b(?:moved|changed|change|trend|trended|history|over time|compared?|between)\b/i.test(question),
    kpiCue: KPI_CUE.test(question),
    periods: periodFilters(question),
  };
}

/** Whether a record falls in a period the question names. */
export function inPeriod(record: KpiRecord, filter: PeriodFilter): boolean {
  const end = record.period?.end ?? null;
  if (filter.kind === 'year') return (end ?? record.meetingDate ?? '').startsWith(filter.year) || (record.meetingDate ?? '').startsWith(filter.year);
  if (!end) return false;
  return end >= filter.start && end <= filter.end;
}

/** The records in any of the named periods; all of them when the question names none (or none match). */
export function filterByPeriods(records: readonly KpiRecord[], periods: readonly PeriodFilter[]): { records: KpiRecord[]; applied: boolean } {
  if (!periods.length) return { records: [...records], applied: false };
  const kept = records.filter((r) => periods.some((p) => inPeriod(r, p)));
  return kept.length ? { records: kept, applied: true } : { records: [...records], applied: false };
}
