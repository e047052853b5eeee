import type { KpiRecord } from './kpi-record.js';
import { kpiTerms } from './kpi-terms.js';

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

/** dice() on term sets made once per name. */
function diceOfSets(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (!a.size || !b.size) return 0;
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  return (2 * shared) / (a.size + b.size);
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
  // Grouping is the costly part of a KPI look-up (pairs of names): done once for the index's records. A
  // question's narrower list (a council, a period) takes the same indicators, holding only its records.
  let grouped = groupedLists.get(records);
  if (!grouped) {
    grouped = narrowed(records) ?? groupAll(records);
    groupedLists.set(records, grouped);
    remember(records, grouped);
  }
  return grouped;
}

const groupedLists = new WeakMap<readonly KpiRecord[], KpiIndicator[]>();

/** One grouping of a whole record list: which indicator each record belongs to, and the indicators' order. */
interface Grouping {
  size: number;
  indicatorOf: Map<KpiRecord, KpiIndicator>;
  order: Map<KpiIndicator, number>;
}

/** The grouping of the largest list each record was grouped in. */
const groupingOf = new WeakMap<KpiRecord, Grouping>();

function remember(records: readonly KpiRecord[], indicators: readonly KpiIndicator[]): void {
  const grouping: Grouping = { size: records.length, indicatorOf: new Map(), order: new Map() };
  indicators.forEach((ind, i) => {
    grouping.order.set(ind, i);
    for (const r of ind.records) grouping.indicatorOf.set(r, ind);
  });
  for (const r of records) if ((groupingOf.get(r)?.size ?? -1) < grouping.size) groupingOf.set(r, grouping);
}

/** The indicators of a larger list already grouped, narrowed to these records; null when there is none. */
function narrowed(records: readonly KpiRecord[]): KpiIndicator[] | null {
  const grouping = records.length ? groupingOf.get(records[0]!) : undefined;
  if (!grouping || grouping.size <= records.length) return null;
  const kept = new Map<KpiIndicator, KpiRecord[]>();
  for (const r of records) {
    const ind = grouping.indicatorOf.get(r);
    if (!ind || groupingOf.get(r) !== grouping) return null;
    const list = kept.get(ind) ?? [];
    list.push(r);
    kept.set(ind, list);
  }
  return [...kept]
    .sort(([a], [b]) => grouping.order.get(a)! - grouping.order.get(b)!)
    .map(([ind, list]) => {
      // An indicator all of whose records are kept stays the same object.
      if (list.length === ind.records.length) return ind;
      const keep = new Set(list);
      const sorted = ind.records.filter((r) => keep.has(r));
      const latest = sorted.at(-1)!;
      const ref = latest.ref ?? sorted.findLast((r) => r.ref)?.ref ?? null;
      return { ...ind, ref, name: latest.name, area: latest.area ?? latest.group, kind: latest.kind, records: sorted, latest };
    });
}

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
  // Only clusters whose names share a term can be alike (dice of disjoint names is 0): the candidates
  // come from an index of name terms, in the same order as a loop over every pair would meet them.
  const byTerm = new Map<string, number[]>();
  clusters.forEach((c, i) => {
    for (const t of new Set(c.terms.flat())) {
      const list = byTerm.get(t) ?? [];
      list.push(i);
      byTerm.set(t, list);
    }
  });
  const marked = new Int32Array(clusters.length).fill(-1);
  const nameSets = clusters.map((c) => c.terms.map((t) => new Set(t)));
  for (let i = 0; i < clusters.length; i++) {
    const a = clusters[i]!;
    const candidates: number[] = [];
    for (const t of new Set(a.terms.flat())) {
      for (const j of byTerm.get(t)!) {
        if (j > i && marked[j] !== i) {
          marked[j] = i;
          candidates.push(j);
        }
      }
    }
    candidates.sort((x, y) => x - y);
    for (const j of candidates) {
      const b = clusters[j]!;
      let score = 0;
      for (const sa of nameSets[i]!) for (const sb of nameSets[j]!) score = Math.max(score, diceOfSets(sa, sb));
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
