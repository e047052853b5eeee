import type { Chunk } from '../parse/parse-document.js';
import type { Citation, Retrieved } from '../types.js';

/** A citation for the span [relStart, relEnd) of a chunk's text: the quote is sliced, never retyped. */
export function citationFor(chunk: Chunk, relStart: number, relEnd: number, n: number): Citation {
  const quote = chunk.text.slice(relStart, relEnd).trim();
  // A quote that opens with its own paragraph number ("5.1 All records…") is cited by that number.
  const own = /^(?:[-*•]\s*)?(\d{1,3}(?:\.\d{1,3}){1,3})\.?\s/.exec(quote);
  return {
    n,
    chunkId: chunk.id,
    ...chunk.place,
    paragraph: own ? own[1]! : chunk.place.paragraph,
    // Passages indexed before links existed have no url.
    url: chunk.place.url ?? null,
    quote,
    start: chunk.start + relStart,
    end: chunk.start + relEnd,
  };
}

function squash(text: string): { flat: string; map: number[] } {
  const map: number[] = [];
  let flat = '';
  let space = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (/\s/.test(ch)) {
      if (!space && flat) {
        flat += ' ';
        map.push(i);
      }
      space = true;
      continue;
    }
    space = false;
    flat += ch;
    map.push(i);
  }
  return { flat, map };
}

/**
 * Where a claimed quote sits in a chunk, allowing only differences in white space; null when the
 * quote is not in the passage (a fabricated or paraphrased quote).
 */
export function locateQuote(chunk: Chunk, quote: string): { start: number; end: number } | null {
  const q = quote.trim();
  if (q.length < 8) return null;
  const exact = chunk.text.indexOf(q);
  if (exact >= 0) return { start: exact, end: exact + q.length };
  const { flat, map } = squash(chunk.text);
  const fq = squash(q).flat;
  const at = flat.indexOf(fq);
  if (at < 0) return null;
  return { start: map[at]!, end: map[at + fq.length - 1]! + 1 };
}

/** The passages an answer was built from, in the answer JSON's shape. */
export function toRetrieved(hits: ReadonlyArray<{ chunk: Chunk; score: number }>): Retrieved[] {
  return hits.map((h) => ({ chunkId: h.chunk.id, source: h.chunk.source, text: h.chunk.text, score: Number(h.score.toFixed(5)), place: h.chunk.place }));
}

/** Numbers citations as an answer uses them; the same span of the same file cited twice keeps its first number. */
export class CitationNumbering {
  readonly citations: Citation[] = [];

  /** The number of a citation, adding it if it is new. */
  cite(citation: Omit<Citation, 'n'>): number {
    const found = this.citations.find((c) => c.source === citation.source && c.start === citation.start && c.end === citation.end);
    if (found) return found.n;
    const n = this.citations.length + 1;
    this.citations.push({ ...citation, n });
    return n;
  }
}
