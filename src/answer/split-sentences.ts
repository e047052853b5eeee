/** A sentence, list item or table row inside a passage: offsets into the passage text. */
export interface Span {
  start: number;
  end: number;
  row: boolean;
}

/** "c. £4m", "ca. 300": circa, in lower case only ("rated C." ends a sentence). */
const CIRCA = /(?<![\p{L}])ca?\.$/u;
const ABBREV = /\b(?:Mr|Mrs|Ms|Dr|St|No|approx|circa|e\.g|i\.e|etc|Cllr|Councillor|Prof|Rev|para|paras|vs|cf|Co|Ltd|Inc|Art|reg|s|ss|Sch)\.$/i;
/** A person's initial ("Cllr. J. Davies", "A. B. Smith"): after a title, or after another initial. */
const INITIAL = /\b(?:Cllr|Councillor|Mr|Mrs|Ms|Miss|Dr|Prof|Sir|Dame|Rev)\.?\s+(?:[A-Z]\.\s*)*[A-Z]\.$|\b[A-Z]\.\s*[A-Z]\.$/;
const LIST_START = /^[ \t]*(?:[-*•]\s|\(?[a-z0-9]{1,3}[.)]\s|\d+(?:\.\d+)+\s)/i;
/** A line at least this long (characters) is a line of prose, not a list's or a table's. */
const PROSE_LINE = 50;
const PAGE_LINE = /^[ \t]*(?:-\s*)?Page\s+\d+(?:\s+of\s+\d+)?[ \t]*$/i;

/**
 * Splits passage text into sentences, list items and table rows, keeping exact offsets. A sentence cut by
 * a page break (a page number, running header or footer: lines `furniture` tells) goes on past it.
 */
export function splitSentences(text: string, furniture: (line: string) => boolean = () => false): Span[] {
  const raw: Span[] = [];
  let start = 0;
  const push = (end: number, row = false): void => {
    raw.push({ start, end, row });
    start = end;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\n') {
      const lineStart = text.lastIndexOf('\n', i - 1) + 1;
      const line = text.slice(lineStart, i);
      const nextEnd = text.indexOf('\n', i + 1);
      const next = text.slice(i + 1, nextEnd < 0 ? text.length : nextEnd);
      const isRow = line.includes('\t');
      // (Prose only: a line of prose is long; a list or flattened table's short lines stop at the break.)
      const resume = !isRow && line.trim().length >= PROSE_LINE && !/[.:;!?]\s*$/.test(line) ? pastPageBreak(text, i + 1, furniture) : -1;
      if (resume > 0) {
        i = resume - 1;
        continue;
      }
      if (isRow || !next.trim() || LIST_START.test(next) || next.includes('\t') || /[.:;!?]\s*$/.test(line) || PAGE_LINE.test(line) || PAGE_LINE.test(next)) {
        push(i, isRow);
      }
      continue;
    }
    if ((ch === '.' || ch === '!' || ch === '?') && /\s/.test(text[i + 1] ?? ' ')) {
      const after = text.slice(i + 1).match(/^\s+(\S)/)?.[1] ?? '';
      const before = text.slice(start, i + 1);
      if ((!after || /[A-Z0-9(£"“‘]/.test(after)) && !ABBREV.test(before) && !INITIAL.test(before) && !CIRCA.test(before)) push(i + 1);
    }
  }
  // (A passage that ends on a table's row ends with that row, not a sentence.)
  if (start < text.length) push(text.length, text.slice(text.lastIndexOf('\n') + 1).includes('\t'));
  const out: Span[] = [];
  for (const s of raw) {
    let a = s.start;
    let b = s.end;
    while (a < b && /[\s\-*•]/.test(text[a]!)) a++;
    while (b > a && /\s/.test(text[b - 1]!)) b--;
    const body = text.slice(a, b);
    if (body.length < 12 || PAGE_LINE.test(body)) continue;
    out.push({ start: a, end: b, row: s.row });
  }
  return out;
}

/**
 * Where the text goes on after a page break that starts at `from` (page number, running lines, blank
 * lines), when it goes on with the same sentence; else -1.
 */
function pastPageBreak(text: string, from: number, furniture: (line: string) => boolean): number {
  let at = from;
  let crossed = false;
  while (at < text.length) {
    const end = text.indexOf('\n', at);
    const line = text.slice(at, end < 0 ? text.length : end);
    if (line.trim() && !PAGE_LINE.test(line) && !furniture(line)) break;
    crossed ||= Boolean(line.trim());
    if (end < 0) return -1;
    at = end + 1;
  }
  if (!crossed || at >= text.length) return -1;
  const next = text.slice(at).split('\n', 1)[0]!;
  return LIST_START.test(next) || next.includes('\t') ? -1 : at;
}
