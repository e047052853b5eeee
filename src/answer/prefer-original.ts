import type { LoadedIndex } from '../index/load-index.js';
import type { Chunk } from '../parse/parse-document.js';
import type { Citation } from '../types.js';
import { citationFor } from './citations.js';
import { labelOfChunk } from '../index/chunk-lookup.js';

const MIN_DISTINCTIVE_QUOTE = 60;
const originalsOf = new WeakMap<LoadedIndex, Chunk[]>();

/**
 * A quote from a paper reprinted inside a meeting pack (a report, earlier minutes) is cited from the
 * paper published on its own when the index holds it (the original is the better source), keeping
 * the citation's number.
 */
export function preferOriginal(index: LoadedIndex, citations: readonly Citation[]): Citation[] {
  let originals = originalsOf.get(index);
  // Papers published on their own first (a standalone document), then any passage not reprinted in a pack.
  if (!originals) {
    const standalone = index.chunks.filter((c) => c.place.docType === 'document');
    originalsOf.set(index, (originals = [...standalone, ...index.chunks.filter((c) => c.reprint === false && c.place.docType !== 'document')]));
  }
  return citations.map((c) => {
    const cited = c.chunkId ? index.chunks[labelOfChunk(index, c.chunkId)] : undefined;
    // A short quote ("There were none.") is in many papers: only a distinctive one names its original.
    if (!cited || cited.place.docType === 'document' || c.quote.length < MIN_DISTINCTIVE_QUOTE) return c;
    for (const chunk of originals!) {
      if (chunk.source === c.source) continue;
      const at = chunk.text.indexOf(c.quote);
      if (at >= 0) return citationFor(chunk, at, at + c.quote.length, c.n);
    }
    return c;
  });
}
