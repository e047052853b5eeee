/** One line of a table: its verbatim span and its cells (trimmed, as printed). */
export interface TableRow {
  start: number;
  end: number;
  cells: string[];
}

/** A block of consecutive table lines (tab-separated or markdown pipe rows). */
export interface TextTable {
  start: number;
  end: number;
  layout: 'tab' | 'pipe';
  rows: TableRow[];
}

const PAGE_LINE = /^[ \t]*(?:-\s*)?Page\s+\d{1,4}(?:\s+of\s+\d{1,4})?[ \t]*$/i;
const PAGE_CELL = /^(?:-\s*)?Page\s+\d{1,4}(?:\s+of\s+\d{1,4})?$/i;
const PIPE_RULE = /^\|?(?:\s*:?-{2,}:?\s*\|)+\s*:?-*:?\s*\|?$/;

function pipeCells(line: string): string[] | null {
  const t = line.trim();
  if (!t.startsWith('|') || t.split('|').length < 3) return null;
  const inner = t.replace(/^\|/, '').replace(/\|$/, '');
  return inner.split(/(?<!\\)\|/).map((c) => c.replace(/\\\|/g, '|').trim());
}

function tabCells(line: string): string[] | null {
  if (!line.includes('\t')) return null;
  const cells = line.split('\t').map((c) => c.trim());
  // A page footer that interrupts a row ("Page 25\tCFT-02 ...") is not a cell of the row.
  if (cells.length > 2 && PAGE_CELL.test(cells[0]!)) cells.shift();
  return cells.filter((c) => c).length >= 2 || cells.length >= 3 ? cells : null;
}

/**
 * Finds the tables in text[from, to): runs of tab-separated or pipe-delimited lines. A blank line
 * ends a table; a bare page footer inside one is skipped. Pipe-table rule lines (|---|) are dropped.
 */
export function readTables(text: string, from = 0, to = text.length): TextTable[] {
  const tables: TextTable[] = [];
  let current: TextTable | null = null;
  let pos = from;
  while (pos < to) {
    let lineEnd = text.indexOf('\n', pos);
    if (lineEnd < 0 || lineEnd > to) lineEnd = to;
    const end = text[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd;
    const line = text.slice(pos, end);
    const pipe = pipeCells(line);
    const cells = pipe ?? tabCells(line);
    if (cells) {
      const layout = pipe ? 'pipe' : 'tab';
      if (!current || current.layout !== layout) {
        if (current) tables.push(current);
        current = { start: pos, end, layout, rows: [] };
      }
      if (!(layout === 'pipe' && PIPE_RULE.test(line.trim()))) current.rows.push({ start: pos, end, cells });
      current.end = end;
    } else if (current && !(PAGE_LINE.test(line) && line.trim())) {
      tables.push(current);
      current = null;
    }
    pos = lineEnd + 1;
  }
  if (current) tables.push(current);
  return tables.filter((t) => t.rows.length > 0);
}
