/**
 * A stored passage as readable text for "Show source": the Markdown that text conversion leaves in
 * papers (`**20 working days**`, `*Item 2*`, `[Local Government Ombudsman](#)`, `## Heading`) shown as
 * the plain words, and table rows (tab-separated cells) as columns aligned in monospace. Pure; the
 * caller escapes for mrkdwn.
 */

/** How wide a table cell may be before it is shortened, so that a row of long names stays readable. */
const TABLE_LAYOUT = {
  /** Characters in one cell at most (indicator names run to ~100). */
  maxCellChars: 48,
  /** Spaces between columns. */
  gapChars: 2,
} as const;

const EMPHASIS: ReadonlyArray<RegExp> = [
  /\*\*(?=\S)([^\n]*?\S)\*\*/g,
  /__(?=\S)([^\n]*?\S)__/g,
  /(?<![\w*])\*(?=[^\s*])([^*\n]*?[^\s*])\*(?![\w*])/g,
  /(?<![\w_])_(?=[^\s_])([^_\n]*?[^\s_])_(?![\w_])/g,
];

/** Conversion Markdown as plain words: emphasis marks, links (their label) and heading marks removed. */
export function plainWords(text: string): string {
  let out = text.replace(/\[([^\]\n]+)\]\([^)\s]*\)/g, '$1').replace(/^#{1,6}[ \t]+/gm, '');
  for (const pattern of EMPHASIS) out = out.replace(pattern, '$1');
  return out;
}

/** A stretch of a passage: prose, or table rows (lines with tab-separated cells). */
export interface PassageSegment {
  kind: 'prose' | 'table';
  start: number;
  end: number;
}

/** Splits a passage into prose and table stretches, by line; offsets are into `text`. */
export function passageSegments(text: string): PassageSegment[] {
  const segments: PassageSegment[] = [];
  let offset = 0;
  for (const line of text.split(/(?<=\n)/)) {
    const kind = line.includes('\t') ? 'table' : 'prose';
    const last = segments.at(-1);
    if (last && last.kind === kind) last.end = offset + line.length;
    else segments.push({ kind, start: offset, end: offset + line.length });
    offset += line.length;
  }
  return segments;
}

const cell = (text: string): string => {
  const t = plainWords(text).replace(/\s+/g, ' ').trim();
  return t.length > TABLE_LAYOUT.maxCellChars ? `${t.slice(0, TABLE_LAYOUT.maxCellChars - 1)}…` : t;
};

/**
 * Table rows with their cells padded into columns. `marked[i]` puts "▶" before row i (the quoted
 * rows); when no row is marked, no marker column is added.
 */
export function alignRows(rows: readonly string[], marked: readonly boolean[] = []): string {
  const cells = rows.map((row) => row.replace(/\n$/, '').split('\t').map(cell));
  const widths: number[] = [];
  for (const row of cells) row.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, c.length)));
  const gap = ' '.repeat(TABLE_LAYOUT.gapChars);
  const anyMarked = marked.some(Boolean);
  return cells
    .map((row, r) => {
      const line = row.map((c, i) => (i === row.length - 1 ? c : c.padEnd(widths[i]!))).join(gap).trimEnd();
      return anyMarked ? `${marked[r] ? '▶' : ' '} ${line}` : line;
    })
    .join('\n');
}

/** A table row or a quote shown on one line: cells joined by a bar. */
export function inlineCells(text: string): string {
  return plainWords(text).replace(/[ ]*\t[ \t]*/g, ' │ ');
}
