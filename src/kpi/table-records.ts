import { classifyColumns, continuesHeader, looksLikeHeader, mergeHeader, type ColumnRole } from './classify-columns.js';
import type { KpiRecord } from './kpi-record.js';
import type { TableRow, TextTable } from './read-tables.js';
import {
  cellText,
  figureNumber,
  readDirection,
  readFigure,
  readNote,
  readPolarity,
  readRag,
  polarityFromThresholds,
  polarityOfTarget,
} from './read-cells.js';

/** A table read as a KPI table: its header, the role of each column, and its data rows. */
export interface KpiTable {
  header: string[];
  roles: Array<ColumnRole | null>;
  rows: TableRow[];
  /** First header cell of a summary table whose first column holds the names ("Finance", "Customer Services KPIs"). */
  group: string | null;
  /** Only RAG and direction: a summary, or a report whose figures were lost with its charts. */
  ragOnly: boolean;
}

/** The fields of a record that come from the row itself. */
export type RowFields = Pick<
  KpiRecord,
  | 'ref' | 'name' | 'value' | 'valueNumber' | 'valueSource' | 'valueLabel' | 'rag' | 'direction' | 'directionRaw' | 'ytd' | 'ytdRag'
  | 'target' | 'floor' | 'previous' | 'previousLabel' | 'expectedUpper' | 'expectedLower' | 'inExpectedRange' | 'polarity' | 'notes'
>;

const DATA_ROLES: ColumnRole[] = ['value', 'period', 'rag', 'ytd', 'target', 'floor', 'upper', 'lower'];
const FIGURE_ROLES: ColumnRole[] = ['value', 'period', 'ytd', 'target', 'floor', 'upper', 'lower', 'previous'];
/** "GL02", "CS07", "FN01b", "CFT-02", "ASCOF 1C"... */
const REF_RE = /^[A-Z]{1,6}[- ]?\d{1,4}[a-z]?$/;
/** A cell that is a figure ("95%", "1,778", "£28.3m", "< 15%", "368 days"), not a date or words with a number. */
const NUMERIC = /^(?:[<>≤≥~]|below|above|at least)?\s*[-+]?[£$]?\d[\d,]*(?:\.\d+)?\s*(?:%|m|k|bn|p|pts?|days?|weeks?|hours?|mins?|minutes?|tonnes?|per [\d,]+)?\*?$/i;
const LEADING_REF_RE = /^([A-Z]{1,6}-?\d{1,4}[a-z]?)\s*[-–—:.)]?\s+(\S.*)$/;

/** Strips "KPIs", "(continued)" and similar from a summary table's first header cell. */
export function groupName(cell: string): string {
  return cellText(cell)
    .replace(/\((?:cont(?:inued|'d)?\.?)\)/i, '')
    .replace(/\b(?:KPIs?|Key Performance Indicators|Performance Indicators|Indicators)\b/gi, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function column(roles: ReadonlyArray<ColumnRole | null>, role: ColumnRole): number {
  return roles.indexOf(role);
}

/**
 * Reads a table as a KPI table from its header words, wherever the columns sit. `previous` is the
 * table just before, whose header a headerless continuation (a table split by a page break) reuses.
 * Null when the table is not a KPI or activity-indicator table.
 */
export function readKpiTable(table: TextTable, previous: KpiTable | null): KpiTable | null {
  const h = table.rows.slice(0, 2).findIndex((r) => looksLikeHeader(r.cells));
  let header: string[];
  let body: TableRow[];
  if (h < 0) {
    if (!previous || table.rows[0]!.cells.length !== previous.header.length) return null;
    header = previous.header;
    body = table.rows;
  } else {
    header = table.rows[h]!.cells;
    body = table.rows.slice(h + 1);
    if (body[0] && continuesHeader(body[0].cells)) {
      header = mergeHeader(header, body[0].cells);
      body = body.slice(1);
    }
  }
  const roles = classifyColumns(header);
  let group: string | null = null;
  if (!roles.includes('name') && roles[0] === null && roles.some((r) => r === 'rag' || r === 'value' || r === 'ytd')) {
    roles[0] = 'name';
    group = groupName(header[0]!) || null;
  } else if (roles[0] === 'name' && /\bKPIs?\b/.test(header[0]!) && groupName(header[0]!)) {
    group = groupName(header[0]!);
  }
  const nameCol = column(roles, 'name');
  if (nameCol < 0 || !roles.some((r) => r !== null && DATA_ROLES.includes(r))) return null;
  const rows = body.filter((r) => cellText(r.cells[nameCol]).length > 2);
  if (!rows.length || !plausible(rows, roles)) return null;
  const ragOnly = !roles.some((r) => r !== null && FIGURE_ROLES.includes(r));
  return { header, roles, rows, group, ragOnly };
}

/** Whether the rows hold what the header promises: RAG words under RAG, figures under figures. */
function plausible(rows: readonly TableRow[], roles: ReadonlyArray<ColumnRole | null>): boolean {
  const ragCol = column(roles, 'rag');
  if (ragCol >= 0) {
    const filled = rows.filter((r) => cellText(r.cells[ragCol]));
    const valid = filled.filter((r) => readRag(r.cells[ragCol]) !== null);
    if (filled.length && valid.length * 2 >= filled.length) return true;
  }
  const figureCols = roles.flatMap((r, i) => (r === 'value' || r === 'period' || r === 'ytd' || r === 'target' ? [i] : []));
  const withFigures = rows.filter((r) => figureCols.some((i) => NUMERIC.test(cellText(r.cells[i]))));
  return figureCols.length > 0 && withFigures.length * 2 >= rows.length;
}

function refAndName(cells: readonly string[], roles: ReadonlyArray<ColumnRole | null>): { ref: string | null; name: string } {
  const refCol = column(roles, 'ref');
  const name = cellText(cells[column(roles, 'name')]);
  const ref = refCol >= 0 ? cellText(cells[refCol]) : '';
  if (REF_RE.test(ref)) return { ref, name };
  const lead = LEADING_REF_RE.exec(name);
  if (lead && /\d/.test(lead[1]!)) return { ref: lead[1]!, name: lead[2]! };
  return { ref: null, name };
}

/** The fields a table row states, each figure as printed; empty or placeholder cells stay null. */
export function rowFields(table: KpiTable, row: TableRow): RowFields {
  const { roles, header } = table;
  const cells = row.cells;
  const at = (role: ColumnRole): string | undefined => {
    const i = column(roles, role);
    return i >= 0 ? cells[i] : undefined;
  };
  const label = (role: ColumnRole): string | null => {
    const i = column(roles, role);
    return i >= 0 ? cellText(header[i]) || null : null;
  };
  let value = readFigure(at('value'));
  let valueLabel = value ? label('value') : null;
  let previous = readFigure(at('previous'));
  let previousLabel = previous ? label('previous') : null;
  const periodCols = roles.flatMap((r, i) => (r === 'period' && readFigure(cells[i]) ? [i] : []));
  if (!value && periodCols.length) {
    const last = periodCols.at(-1)!;
    value = readFigure(cells[last]);
    valueLabel = cellText(header[last]);
    if (!previous && periodCols.length > 1) {
      previous = readFigure(cells[periodCols.at(-2)!]);
      previousLabel = cellText(header[periodCols.at(-2)!]);
    }
  }
  const target = readFigure(at('target'));
  const floor = readFigure(at('floor'));
  const notes: string[] = [];
  roles.forEach((role, i) => {
    if (role === 'note' && cellText(cells[i])) notes.push(cellText(cells[i]));
    else if (role && FIGURE_ROLES.includes(role)) {
      const note = readNote(cells[i]);
      if (note) notes.push(`${cellText(header[i])}: ${note}`);
    }
  });
  const directionRaw = at('direction')?.trim() || null;
  const inRange = cellText(at('inRange'));
  return {
    ...refAndName(cells, roles),
    value,
    valueNumber: figureNumber(value),
    valueSource: value ? 'table' : null,
    valueLabel,
    rag: readRag(at('rag')),
    direction: readDirection(at('direction')),
    directionRaw,
    ytd: readFigure(at('ytd')),
    ytdRag: readRag(at('ytdRag')),
    target,
    floor,
    previous,
    previousLabel,
    expectedUpper: readFigure(at('upper')),
    expectedLower: readFigure(at('lower')),
    inExpectedRange: inRange && !/^n\/?a$/i.test(inRange) ? inRange : null,
    polarity: readPolarity(at('polarity')) ?? polarityFromThresholds(target, floor) ?? polarityOfTarget(target),
    notes,
  };
}
