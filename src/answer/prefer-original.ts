import type { LoadedIndex } from '../index/load-index.js';
import type { Citation } from '../types.js';
import { citationFor } from './citations.js';

/**
 * A quote from a report reprinted inside a meeting pack is cited from the standalone report itself
 * when the index holds it (the original is the better source), keeping the citation's number.
 */
export function preferOriginal(index: LoadedIndex, citations: readonly Citation[]): Citation[] {
  return citations.map((c) => {
    if (c.docType === 'document') return c;
    for (const chunk of index.chunks) {
      if (chunk.place.docType !== 'document' || chunk.source === c.source) continue;
      const at = chunk.text.indexOf(c.quote);
      if (at >= 0) return citationFor(chunk, at, at + c.quote.length, c.n);
    }
    return c;
  });
}
