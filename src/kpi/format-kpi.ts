import type { KpiRecord } from './kpi-record.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2017-09-15" -> "15 September 2017". */
export function longDate(iso: string | null): string | null {
  if (!iso) return null;
  const [y, m, d] = iso.split('-').map(Number);
  return y && m && d ? `${d} ${MONTHS[m - 1]} ${y}` : iso;
}

/** "FN11 Percentage of financial assessments ..."; a row printed without its code takes the indicator's. */
export function indicatorTitle(record: KpiRecord, ref: string | null = null): string {
  const code = record.ref ?? ref;
  return code ? `${code} ${record.name}` : record.name;
}

/** Where a record comes from: report, meeting and date ("Strategic ... Dashboard, Policy and Resources Cabinet Committee, 15 September 2017"). */
export function sourceOf(record: KpiRecord): string {
  const meeting = [record.place.committee, longDate(record.meetingDate)].filter(Boolean).join(' on ');
  return [record.reportTitle, meeting || null, record.place.page ? `page ${record.place.page}` : null].filter(Boolean).join(', ') || record.place.source;
}

/** How the RAG reads against the thresholds ("RED: below the floor standard of 85%"). */
export function ragPhrase(rag: KpiRecord['rag'], target: string | null, floor: string | null): string | null {
  if (!rag) return null;
  const t = target ? `the target of ${target}` : 'the target';
  const f = floor ? `the floor standard of ${floor}` : 'the floor standard';
  if (rag === 'GREEN') return `GREEN (meets ${t})`;
  if (rag === 'AMBER') return `AMBER (short of ${t} but not below ${f})`;
  return `RED (below ${f}${target ? `; target ${target}` : ''})`;
}

/** The record's figures as one sentence, stating only what the report states. */
export function describeRecord(record: KpiRecord, ref: string | null = null): string {
  const parts: string[] = [];
  const period = record.period?.label ?? 'period not stated';
  const label = (record.valueLabel ?? 'result').toLowerCase();
  if (record.value) {
    const from = record.valueSource === 'commentary' ? ' (stated in the report commentary; its chart was not kept)' : '';
    parts.push(`${label} ${record.value}${from}`);
  } else if (record.kind === 'kpi' && !record.ytd) {
    parts.push('no figure is given in the report, only its RAG rating');
  }
  const rag = ragPhrase(record.rag, record.target, record.floor);
  if (rag) parts.push(`RAG ${rag}`);
  else if (record.target || record.floor) parts.push([record.target && `target ${record.target}`, record.floor && `floor standard ${record.floor}`].filter(Boolean).join(', '));
  if (record.ytd) parts.push(`year to date ${record.ytd}${record.ytdRag ? ` (${record.ytdRag})` : ''}`);
  if (record.expectedUpper || record.expectedLower) {
    parts.push(`expected range ${record.expectedLower ?? '?'} to ${record.expectedUpper ?? '?'}${record.inExpectedRange ? ` (in range: ${record.inExpectedRange})` : ''}`);
  }
  if (record.direction) parts.push(`direction of travel ${record.direction}`);
  if (record.previous) parts.push(`${(record.previousLabel ?? 'previous').toLowerCase()} ${record.previous}`);
  if (record.polarity === 'lower') parts.push('lower is better');
  parts.push(...record.notes);
  return `${indicatorTitle(record, ref)} — ${period}: ${parts.join('; ')}. Source: ${sourceOf(record)}.`;
}

/** A short line for lists and histories: "Quarter 2 2022/23: 96% (AMBER)". */
export function shortRecord(record: KpiRecord): string {
  const value = record.value ?? (record.ytd ? `${record.ytd} year to date` : 'no figure stated');
  const rag = record.rag ? ` (${record.rag})` : '';
  return `${record.period?.label ?? longDate(record.meetingDate) ?? 'undated'}: ${value}${rag}`;
}
