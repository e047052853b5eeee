import { mineGlossary } from '../extract/mine-glossary.js';
import type { Extractor } from '../index/build-index.js';
import type { Part } from '../parse/find-parts.js';
import { pageOf, type ParsedDocument } from '../parse/parse-document.js';
import { matchCommentary } from './commentary-figures.js';
import { findRagCounts } from './find-rag-counts.js';
import { reportPeriod, sectionPeriod } from './find-periods.js';
import type { KpiPeriod, KpiRecord } from './kpi-record.js';
import { dice, kpiGlossary, kpiTerms } from './kpi-terms.js';
import { cellText, figureNumber, polarityOfTarget } from './read-cells.js';
import { readTables, type TextTable } from './read-tables.js';
import { readKpiTable, rowFields, type KpiTable } from './table-records.js';

interface Marker<T> {
  at: number;
  value: T;
}

/** A table that names the service area of what follows ("Service Area | Director | Cabinet Member"). */
function areaOf(table: TextTable): string | null {
  const [first, second] = table.rows;
  if (!first || !second) return null;
  const head = first.cells.map((c) => cellText(c));
  if (/^(?:service area|directorate|division|portfolio)$/i.test(head[0] ?? '') && head.slice(1).some((c) => /director|cabinet member|lead|head of/i.test(c))) {
    return cellText(second.cells[0]) || null;
  }
  // A directorate block: its name alone on a row, then "Cabinet Member ..." / "Corporate Director ...".
  if (head.filter(Boolean).length === 1 && head[0] && /^(?:cabinet members?|corporate director|director)\b/i.test(cellText(second.cells[0]))) {
    return head[0];
  }
  return null;
}

function latestBefore<T>(markers: ReadonlyArray<Marker<T>>, at: number): Marker<T> | null {
  let found: Marker<T> | null = null;
  for (const m of markers) if (m.at < at) found = m;
  return found;
}

/** Activity indicators are headed so, or are tracked against an expected range rather than a target. */
function kindOf(text: string, table: TextTable, model: KpiTable): KpiRecord['kind'] {
  const before = text.slice(Math.max(0, table.start - 300), table.start).trimEnd();
  const heading = before.slice(before.lastIndexOf('\n') + 1);
  if (/activity indicators?/i.test(heading)) return 'activity';
  if (/key performance indicators?|\bKPIs?\b/i.test(heading)) return 'kpi';
  const roles = model.roles;
  if (roles.includes('inRange') || roles.includes('upper') || roles.includes('lower')) return 'activity';
  return roles.includes('rag') || roles.includes('target') || roles.includes('floor') ? 'kpi' : 'activity';
}

/** Markdown headings naming a service ("## Housing Services"), the fallback area of the tables below them. */
function headingAreas(text: string, part: Part): Array<Marker<string>> {
  const out: Array<Marker<string>> = [];
  const re = /^#{1,6}[ \t]+(.+)$/gm;
  re.lastIndex = part.start;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) && m.index < part.end) {
    const heading = cellText(m[1]);
    if (heading && heading.length <= 80 && !/performance|indicator|\bkpis?\b|summary|appendix|dashboard|activity|contents|report\b/i.test(heading)) {
      out.push({ at: m.index, value: heading });
    }
  }
  return out;
}

/** Period headings ("Results to June") with the offsets they apply from. */
function sectionPeriods(text: string, part: Part, context: KpiPeriod | null): Array<Marker<KpiPeriod>> {
  const out: Array<Marker<KpiPeriod>> = [];
  let pos = part.start;
  while (pos < part.end) {
    let end = text.indexOf('\n', pos);
    if (end < 0 || end > part.end) end = part.end;
    const period = sectionPeriod(text.slice(pos, end), context);
    if (period) out.push({ at: pos, value: period });
    pos = end + 1;
  }
  return out;
}

/** The detailed row printing the same indicator as a summary row (most similar name, if similar enough). */
function mostSimilar(detailed: readonly KpiRecord[], name: string): KpiRecord | undefined {
  const terms = kpiTerms(name);
  let best: KpiRecord | undefined;
  let bestScore = 0.75;
  for (const d of detailed) {
    const score = dice(kpiTerms(d.name), terms);
    if (score >= bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

function extractPart(doc: ParsedDocument, part: Part): KpiRecord[] {
  const { text } = doc;
  const tables = readTables(text, part.start, part.end);
  const title = part.itemTitle ?? doc.title;
  const period = reportPeriod(title, text, part.start, part.end);
  const periods = sectionPeriods(text, part, period);
  const areas: Array<Marker<string>> = [];
  const headings = headingAreas(text, part);
  const counts = findRagCounts(text, part.start, part.end);
  const records: KpiRecord[] = [];
  const ragOnly = new Set<KpiRecord>();
  let previous: { model: KpiTable; end: number } | null = null;
  for (const table of tables) {
    const area = areaOf(table);
    if (area) {
      areas.push({ at: table.start, value: area });
      previous = null;
      continue;
    }
    // Only a table right after another (a page break between them) may continue its header.
    const adjacent = previous && /^(?:\s|(?:-\s*)?Page\s+\d+(?:\s+of\s+\d+)?)*$/i.test(text.slice(previous.end, table.start));
    const model = readKpiTable(table, adjacent ? previous!.model : null);
    if (!model) {
      previous = null;
      continue;
    }
    previous = { model, end: table.end };
    const kind = kindOf(text, table, model);
    const areaMark = latestBefore(areas, table.start);
    const headingMark = areaMark ? null : latestBefore(headings, table.start);
    const heading = latestBefore(periods, table.start);
    const tablePeriod = heading && (!areaMark || heading.at > areaMark.at) ? heading.value : period;
    for (const row of model.rows) {
      const fields = rowFields(model, row);
      const section = model.group ?? areaMark?.value ?? headingMark?.value ?? null;
      const record: KpiRecord = {
        id: `${doc.source}#${row.start}`,
        kind,
        ...fields,
        area: section,
        group: null,
        period: tablePeriod,
        meetingDate: doc.meetingDate,
        reportTitle: title,
        place: {
          source: doc.source,
          council: doc.council,
          committee: doc.committee,
          meetingDate: doc.meetingDate,
          item: title,
          itemNumber: part.itemNumber,
          page: pageOf(doc, row.start, part),
          paragraph: null,
          section,
          docType: part.kind,
          url: null,
        },
        row: { text: text.slice(row.start, row.end), start: row.start, end: row.end },
        commentary: null,
        reportCounts: counts,
      };
      records.push(record);
      if (model.ragOnly) ragOnly.add(record);
    }
  }
  const kept = mergeSummaries(records, ragOnly);
  addCommentary(doc, part, kept, ragOnly);
  return kept;
}

/** Drops summary rows whose indicator has a detailed row in the same report, keeping the summary's heading as its group. */
function mergeSummaries(records: KpiRecord[], ragOnly: ReadonlySet<KpiRecord>): KpiRecord[] {
  const detailed = records.filter((r) => !ragOnly.has(r));
  return records.filter((r) => {
    if (!ragOnly.has(r)) return true;
    const twin = detailed.find((d) => d.ref !== null && d.ref === r.ref) ?? mostSimilar(detailed, r.name);
    if (!twin) return true;
    if (r.area && r.area !== twin.area) twin.group ??= r.area;
    return false;
  });
}

/**
 * Commentary: figures for rows that kept only a RAG rating (from the sentence that states them), and
 * the note a report prints under its table for a reference ("GL03 – Most delays are due to ...").
 */
function addCommentary(doc: ParsedDocument, part: Part, records: KpiRecord[], ragOnly: ReadonlySet<KpiRecord>): void {
  const { text } = doc;
  const lost = records.filter((r) => ragOnly.has(r) && r.value === null);
  if (lost.length) {
    const glossary = kpiGlossary(mineGlossary(text.slice(part.start, part.end)));
    const found = matchCommentary(text, part.start, part.end, lost.map((r, key) => ({ key, name: r.name })), glossary);
    lost.forEach((record, key) => {
      const match = found.get(key);
      if (!match) return;
      const { value, target, floor } = match.figures;
      record.value = value;
      record.valueNumber = figureNumber(value);
      record.valueSource = value ? 'commentary' : null;
      record.target ??= target;
      record.floor ??= floor;
      record.polarity ??= polarityOfTarget(record.target);
      record.commentary = { text: text.slice(match.start, match.end), start: match.start, end: match.end };
    });
  }
  for (const record of records) {
    if (!record.ref || record.commentary) continue;
    const re = new RegExp(`^[ \\t]*${record.ref.replace(/[-\s]/g, '[-\\s]?')}[ \\t]*[-–—:][ \\t]*\\S[^\\n]*`, 'm');
    const after = text.slice(record.row.end, Math.min(part.end, record.row.end + 6000));
    const m = re.exec(after);
    if (!m) continue;
    const start = record.row.end + m.index + (m[0].length - m[0].trimStart().length);
    const end = record.row.end + m.index + m[0].trimEnd().length;
    record.commentary = { text: text.slice(start, end), start, end };
  }
}

/**
 * Every KPI and activity-indicator row of a parsed document as a record, with its period, service
 * area, meeting date and verbatim source span. Tables are recognised by their header words (any
 * column order; tab-separated or pipe tables); rows of a report whose charts were lost keep their
 * RAG and take only figures the commentary states.
 */
export function extractKpis(doc: ParsedDocument): KpiRecord[] {
  return doc.parts.filter((p) => p.kind !== 'agenda').flatMap((part) => extractPart(doc, part));
}

/** The ingest extractor for KPI records (stored under the name "kpi"). */
export const kpiExtractor: Extractor = {
  name: 'kpi',
  extract: (doc) => extractKpis(doc),
  from: { module: import.meta.url, export: 'kpiExtractor' },
};
