import { cleanText } from '../parse/clean-text.js';
import type { Direction, Polarity, Rag } from './kpi-record.js';

/** A cell as text, without markdown, HTML or LaTeX debris. */
export function cellText(cell: string | undefined): string {
  return cleanText(cell ?? '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** RAG from a cell: GREEN / AMBER / RED in any case, single letters, or coloured circles. */
export function readRag(cell: string | undefined): Rag | null {
  const t = cellText(cell);
  if (/^[🟢✅]/u.test(t)) return 'GREEN';
  if (/^[🟠🟡]/u.test(t)) return 'AMBER';
  if (/^[🔴❌]/u.test(t)) return 'RED';
  const m = /^\W*(green|amber|red|g|a|r)\b/i.exec(t);
  if (!m) return null;
  const w = m[1]!.toLowerCase();
  if (w === 'g' || w === 'green') return 'GREEN';
  if (w === 'a' || w === 'amber') return 'AMBER';
  return 'RED';
}

/** Whether a cell states a figure (contains a digit), not a placeholder such as "N/a" or "New". */
export function readFigure(cell: string | undefined): string | null {
  const t = cellText(cell);
  return /\d/.test(t) ? t : null;
}

/** A figure as a number ("1,778" -> 1778, "99.5%" -> 99.5, "£28.285m" -> 28.285), or null. */
export function figureNumber(figure: string | null): number | null {
  if (!figure) return null;
  const m = /[-+]?\d[\d,]*(?:\.\d+)?/.exec(figure);
  if (!m) return null;
  const n = Number(m[0].replace(/,/g, ''));
  return Number.isFinite(n) ? n : null;
}

const PLACEHOLDER = /^(?:n\/?a|na|-+|–|—|tbc|new|nil|none|\s*)$/i;

/** A cell that is neither a figure nor a placeholder, kept as a note ("Snapshot data"). */
export function readNote(cell: string | undefined): string | null {
  const t = cellText(cell);
  if (!t || /\d/.test(t) || PLACEHOLDER.test(t)) return null;
  return t;
}

/**
 * Direction of travel from a cell. Arrows (also as LaTeX debris such as `$\uparrow$`) and words are read
 * with the usual legend (up = improved, down = fallen, sideways = unchanged); debris that no longer
 * shows an arrow (a stray "4" or "$") gives null, never a guess.
 */
export function readDirection(cell: string | undefined): Direction | null {
  const t = cellText(cell).toLowerCase();
  if (!t) return null;
  if (/^new\b/.test(t)) return 'new';
  if (/^[↑⇑⬆▲↗⇧]|^(?:up|improv|better)/u.test(t)) return 'improving';
  if (/^[↓⇓⬇▼↘⇩]|^(?:down|wors|deteriorat|declin|fall)/u.test(t)) return 'worsening';
  if (/^[↔⇔→⇒⬌◄►]|^(?:stable|same|unchanged|no change|static|level|steady|no clear trend)/u.test(t)) return 'stable';
  return null;
}

/** Polarity from a polarity cell ("High", "Lower is better", "↑"). */
export function readPolarity(cell: string | undefined): Polarity | null {
  const t = cellText(cell).toLowerCase();
  if (/^(?:[↑⬆▲]|high|up|increase|bigger|more|maxim)/u.test(t)) return 'higher';
  if (/^(?:[↓⬇▼]|low|down|decrease|smaller|less|minim)/u.test(t)) return 'lower';
  return null;
}

/** Polarity implied by a target written with a comparison ("below 15%", "<= 5", "at least 90%"). */
export function polarityOfTarget(target: string | null): Polarity | null {
  if (!target) return null;
  if (/^(?:<|≤|below|under|less than|no more than|at most|maximum)/i.test(target)) return 'lower';
  if (/^(?:>|≥|above|over|more than|at least|minimum)/i.test(target)) return 'higher';
  return null;
}

/**
 * Polarity from target and floor: a floor above its target means lower is better (rent arrears,
 * old debt); below it, higher is better. Null when either is missing or they are equal.
 */
export function polarityFromThresholds(target: string | null, floor: string | null): Polarity | null {
  const t = figureNumber(target);
  const f = figureNumber(floor);
  if (t === null || f === null || t === f) return polarityOfTarget(target);
  return f > t ? 'lower' : 'higher';
}
