import { cleanText } from '../parse/clean-text.js';

/** What a table column holds, read from its header words rather than its position. */
export type ColumnRole =
  | 'ref'
  | 'name'
  | 'value'
  | 'period'
  | 'rag'
  | 'direction'
  | 'ytd'
  | 'ytdRag'
  | 'target'
  | 'floor'
  | 'previous'
  | 'upper'
  | 'lower'
  | 'inRange'
  | 'polarity'
  | 'note';

const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*';

/** Header words for each role, tried in this order: the first match wins ("YTD RAG" is ytdRag, not ytd). */
const RULES: Array<[ColumnRole, RegExp]> = [
  ['ytdRag', /\b(?:ytd|year to date)\b.*\b(?:rag|status|rating)\b|\b(?:rag|status|rating)\b.*\b(?:ytd|year to date)\b/],
  ['polarity', /polarity|better|\bgood is\b|direction of improvement/],
  ['inRange', /expected range|\bin range|within range/],
  ['upper', /\bupper\b|\bmax(?:imum)?\b|\bhigh threshold/],
  ['lower', /\blower\b|\bmin(?:imum)?\b(?! standard)|\blow threshold/],
  ['previous', /previous|\bprev\b|last (?:year|quarter|month|period)|same (?:month|period|quarter)|prior|baseline|comparator/],
  ['ytd', /\bytd\b|year to date|cumulative/],
  ['rag', /\brag\b|status|rating|colour|\balert\b/],
  ['direction', /\bdot\b|direction|travel|trend|arrow/],
  ['target', /target|\baim\b|ambition/],
  ['floor', /floor|minimum standard|tolerance/],
  ['ref', /^(?:ref|reference|kpi ref|pi ref|indicator ref|code|id|no|#|kpi no|kpi code)$/],
  ['name', /indicator|description|measure|\bkpis?\b|metric|^name$|^title$|^(?:performance )?(?:indicator|measure)s?\b/],
  ['note', /comment|narrative|^notes?$|explanation|remarks/],
  ['value', /latest|current|actual|value|result|outturn|performance|figure|score|achieved|position|^month$|^quarter$|^this (?:month|quarter|period|year)/],
  ['period', new RegExp(`^(?:q[1-4]|quarter [1-4])\\b|^${MONTH}[\\s-]*'?\\d{2,4}$|^\\d{4}[/-]\\d{2}$|^(?:fy\\s*)?\\d{4}[/-]\\d{2,4}$`)],
];

/** Normalised header text: debris removed, lower case, single spaces, no trailing punctuation. */
export function headerText(cell: string): string {
  return cleanText(cell)
    .toLowerCase()
    .replace(/[.?:*]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The role of a header cell, or null when its words say nothing we use. */
export function roleOf(header: string): ColumnRole | null {
  const h = headerText(header);
  if (!h) return null;
  for (const [role, re] of RULES) if (re.test(h)) return role;
  return null;
}

/** Whether a row reads as a header: at least two recognised roles, or an indicator/name column. */
export function looksLikeHeader(cells: readonly string[]): boolean {
  if (cells.some((c) => c.length > 80 || /[£$]|<ul|<li/.test(c))) return false;
  const roles = cells.filter((c) => c.length <= 50).map(roleOf).filter((r): r is ColumnRole => r !== null);
  const dataLike = cells.filter((c) => /^[-+]?[£$]?\d[\d,.]*%?$/.test(c.trim()) || /^(green|amber|red)$/i.test(c.trim())).length;
  return dataLike === 0 && (roles.length >= 2 || (roles.includes('name') && cells.length >= 2));
}

/**
 * Whether `next` continues a two-line header (a sub-header such as "Upper | Lower" under
 * "Expected Activity"): first cell empty, no figures or RAG words, at least one word.
 */
export function continuesHeader(next: readonly string[]): boolean {
  if (next[0]?.trim()) return false;
  const filled = next.filter((c) => c.trim());
  if (!filled.length) return false;
  return filled.every((c) => !/\d/.test(c) && !/^(green|amber|red|yes|no|n\/a)$/i.test(c.trim()));
}

/** Joins a header and its sub-header cell by cell; a sub-header under an empty cell takes the header to its left. */
export function mergeHeader(first: readonly string[], second: readonly string[]): string[] {
  const n = Math.max(first.length, second.length);
  const out: string[] = [];
  let left = '';
  for (let i = 0; i < n; i++) {
    const top = first[i]?.trim() ?? '';
    const sub = second[i]?.trim() ?? '';
    if (top) left = top;
    const head = top || (sub ? left : '');
    out.push([head, sub].filter(Boolean).join(' '));
  }
  return out;
}

/** Roles of each column; each role is given to one column only (the first), except period columns. */
export function classifyColumns(header: readonly string[]): Array<ColumnRole | null> {
  const seen = new Set<ColumnRole>();
  return header.map((cell) => {
    const role = roleOf(cell);
    if (!role) return null;
    if (role !== 'period' && seen.has(role)) return role === 'value' ? 'period' : null;
    seen.add(role);
    return role;
  });
}
