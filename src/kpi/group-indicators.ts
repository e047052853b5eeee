import type { KpiRecord } from './kpi-record.js';
import { dice, kpiTerms } from './kpi-terms.js';

/** One indicator across reports: its records oldest first, and the latest of them. */
export interface KpiIndicator {
  /** Stable key: the latest reference code, else the latest name. */
  key: string;
  ref: string | null;
  name: string;
  area: string | null;
  kind: KpiRecord['kind'];
  /** Oldest first, by period and then meeting date. */
  records: KpiRecord[];
  latest: KpiRecord;
}

/** Names this alike are the same indicator reworded between reports ("Percentage of ..." / "% of ..."). */
const SAME_NAME = 0.6;

function periodKey(r: KpiRecord): string {
  return `${r.period?.end ?? r.meetingDate ?? ''}|${r.meetingDate ?? ''}`;
}

/** Orders records oldest first: by the end of the period they report, then by meeting date. */
export function byPeriod(a: KpiRecord, b: KpiRecord): number {
  const ka = periodKey(a);
  const kb = periodKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

function reportOf(r: KpiRecord): string {
  return `${r.place.source}|${r.reportTitle ?? ''}|${r.period?.label ?? ''}`;
}

interface Cluster {
  records: KpiRecord[];
  reports: Set<string>;
  refs: Set<string>;
  terms: string[][];
}

function conflicts(a: Cluster, b: Cluster): boolean {
  if (a.records[0]!.kind !== b.records[0]!.kind) return true;
  for (const r of a.reports) if (b.reports.has(r)) return true;
  return a.refs.size > 0 && b.refs.size > 0 && ![...a.refs].some((r) => b.refs.has(r));
}

/**
 * Groups records into indicators: the same reference code (within a council), or names alike enough
 * across reports. Two rows of one report are never the same indicator, so "calls answered" and "calls
 * answered in 40 seconds" stay apart; the most alike names are joined first.
 */
export function groupIndicators(records: readonly KpiRecord[]): KpiIndicator[] {
  // Grouping is the costly part of a KPI look-up: done once per record list (the index's), not per question.
  let grouped = groupedLists.get(records);
  if (!grouped) groupedLists.set(records, (grouped = groupAll(records)));
  return grouped;
}

const groupedLists = new WeakMap<readonly KpiRecord[], KpiIndicator[]>();

function groupAll(records: readonly KpiRecord[]): KpiIndicator[] {
  const unique = [...new Map(records.map((r) => [r.id, r])).values()];
  const byRef = new Map<string, Cluster>();
  const clusters: Cluster[] = [];
  for (const r of unique) {
    const refKey = r.ref ? `${r.place.council ?? ''}|${r.kind}|${r.ref.toUpperCase()}` : null;
    const existing = refKey ? byRef.get(refKey) : undefined;
    if (existing && !existing.reports.has(reportOf(r))) {
      existing.records.push(r);
      existing.reports.add(reportOf(r));
      existing.terms.push(kpiTerms(r.name));
      continue;
    }
    const cluster: Cluster = { records: [r], reports: new Set([reportOf(r)]), refs: new Set(r.ref ? [r.ref.toUpperCase()] : []), terms: [kpiTerms(r.name)] };
    clusters.push(cluster);
    if (refKey && !existing) byRef.set(refKey, cluster);
  }
  const pairs: Array<{ a: Cluster; b: Cluster; score: number }> = [];
  for (let i = 0; i < clusters.length; i++) {
    for (let j = i + 1; j < clusters.length; j++) {
      const a = clusters[i]!;
      const b = clusters[j]!;
      const score = Math.max(...a.terms.flatMap((ta) => b.terms.map((tb) => dice(ta, tb))));
      if (score >= SAME_NAME) pairs.push({ a, b, score });
    }
  }
  pairs.sort((x, y) => y.score - x.score);
  const parent = new Map<Cluster, Cluster>();
  const root = (c: Cluster): Cluster => {
    let r = c;
    while (parent.has(r)) r = parent.get(r)!;
    return r;
  };
  for (const { a, b } of pairs) {
    const ra = root(a);
    const rb = root(b);
    if (ra === rb || conflicts(ra, rb)) continue;
    ra.records.push(...rb.records);
    rb.reports.forEach((r) => ra.reports.add(r));
    rb.refs.forEach((r) => ra.refs.add(r));
    ra.terms.push(...rb.terms);
    parent.set(rb, ra);
  }
  const seen = new Set<string>();
  return clusters
    .filter((c) => !parent.has(c))
    .map((c) => {
      const sorted = [...c.records].sort(byPeriod);
      const latest = sorted.at(-1)!;
      const ref = latest.ref ?? sorted.findLast((r) => r.ref)?.ref ?? null;
      let key = ref ?? latest.name;
      if (seen.has(key)) key = `${key} (${latest.place.source})`;
      seen.add(key);
      return { key, ref, name: latest.name, area: latest.area ?? latest.group, kind: latest.kind, records: sorted, latest };
    });
}
