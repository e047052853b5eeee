import type { RagCounts } from './kpi-record.js';

const WORD_NUMBERS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
};

const NUM = '(\\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)';
const COLOUR = '(green|amber|red)';
/** "17 achieved target (Green)", "7 KPIs did not meet the floor standard (Red)", "17 are rated Green". */
const COUNT_THEN_COLOUR = new RegExp(`\\b${NUM}\\s+(?:(?:kpis?|indicators?)\\s+)?(?:[^.;,()\\d]{0,90}?\\(${COLOUR}\\)|(?:are\\s+|were\\s+)?(?:rated\\s+|rag\\s+rated\\s+)?${COLOUR}\\b)`, 'gi');
/** "Green for 21 indicators", "Amber for 4 indicators", "with 1 indicator Red" is caught above. */
const COLOUR_THEN_COUNT = new RegExp(`\\b${COLOUR}\\s+(?:for|in|on)\\s+${NUM}\\b`, 'gi');
const TOTAL = /\b(?:Of the|includes|contains|of)\s+(?:[a-z-]+\s+\()?(\d{1,3})\)?\s+(?:Key Performance Indicators|KPIs|performance indicators|indicators)\b/i;

function toNumber(word: string): number {
  return WORD_NUMBERS[word.toLowerCase()] ?? Number(word);
}

/**
 * The report's own statement of how many indicators are Green, Amber and Red: the first line of
 * the report that gives counts for at least two colours. The quote is that line, verbatim.
 */
export function findRagCounts(text: string, from: number, to: number): RagCounts | null {
  let pos = from;
  while (pos < to) {
    let lineEnd = text.indexOf('\n', pos);
    if (lineEnd < 0 || lineEnd > to) lineEnd = to;
    const line = text.slice(pos, lineEnd);
    if (!line.includes('\t') && /\b(?:green|amber|red)\b/i.test(line)) {
      const counts: Record<'green' | 'amber' | 'red', number | null> = { green: null, amber: null, red: null };
      for (const m of line.matchAll(COUNT_THEN_COLOUR)) {
        const colour = (m[2] ?? m[3])!.toLowerCase() as 'green' | 'amber' | 'red';
        counts[colour] ??= toNumber(m[1]!);
      }
      for (const m of line.matchAll(COLOUR_THEN_COUNT)) {
        const colour = m[1]!.toLowerCase() as 'green' | 'amber' | 'red';
        counts[colour] ??= toNumber(m[2]!);
      }
      if (Object.values(counts).filter((v) => v !== null).length >= 2) {
        const lead = line.length - line.trimStart().replace(/^(?:[-*•]\s*)?(?:\d+(?:\.\d+)*\.?\s+)?/, '').length;
        const total = TOTAL.exec(line) ?? TOTAL.exec(text.slice(from, Math.min(to, from + 6000)));
        const trimmed = line.trimEnd();
        return {
          ...counts,
          total: total ? Number(total[1]) : null,
          quote: { text: trimmed.slice(lead), start: pos + lead, end: pos + trimmed.length },
        };
      }
    }
    pos = lineEnd + 1;
  }
  return null;
}
