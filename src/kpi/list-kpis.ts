import type { KpiRecord, Rag } from './kpi-record.js';
import { groupIndicators } from './group-indicators.js';
import { kpiTerms } from './kpi-terms.js';
import { filterByPeriods, type PeriodFilter } from './parse-kpi-question.js';

/** Which indicators to list: by RAG, by service area or directorate (words, any case), by kind, by period. */
export interface KpiListFilter {
  rag?: Rag;
  area?: string;
  kind?: KpiRecord['kind'];
  periods?: PeriodFilter[];
}

/** Whether a record is filed under an area: every word of the area is in its area or group heading. */
export function inArea(record: KpiRecord, area: string): boolean {
  const wanted = kpiTerms(area);
  if (!wanted.length) return true;
  const have = new Set(kpiTerms(`${record.area ?? ''} ${record.group ?? ''}`));
  return wanted.every((t) => have.has(t));
}

/**
 * Lists indicators by their latest record (within the periods, when given), keeping those whose
 * latest record has the RAG and sits in the area asked for. Ordered by area, then reference and name.
 */
export function listKpis(filter: KpiListFilter, records: readonly KpiRecord[]): KpiRecord[] {
  const { records: inScope } = filterByPeriods(records, filter.periods ?? []);
  const kinds = filter.kind ?? (filter.rag ? 'kpi' : undefined);
  return groupIndicators(inScope)
    .map((i) => i.latest)
    .filter((r) => (!kinds || r.kind === kinds) && (!filter.rag || r.rag === filter.rag) && (!filter.area || inArea(r, filter.area)))
    .sort((a, b) => (a.area ?? '').localeCompare(b.area ?? '') || (a.ref ?? '').localeCompare(b.ref ?? '') || a.name.localeCompare(b.name));
}

/** The areas and group headings the records are filed under, longest first (for finding one named in a question). */
export function knownAreas(records: readonly KpiRecord[]): string[] {
  const names = new Set<string>();
  for (const r of records) for (const a of [r.area, r.group]) if (a) names.add(a);
  return [...names].sort((a, b) => b.length - a.length);
}
