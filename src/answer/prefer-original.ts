import type { PassageStore } from '../retrieve/passage-store.js';
import type { Citation } from '../types.js';
import { citationFor } from './citations.js';

const MIN_DISTINCTIVE_QUOTE = 60;

/**
 * A quote from a paper reprinted inside a meeting pack (a report, earlier minutes) is cited from the
 * paper published on its own when the store holds it (the original is the better source), keeping
 * the citation's number.
 */
export async function preferOriginal(store: PassageStore, citations: readonly Citation[]): Promise<Citation[]> {
  return Promise.all(
    citations.map(async (c) => {
      const cited = c.chunkId ? await store.passage(c.chunkId) : null;
      // A short quote ("There were none.") is in many papers: only a distinctive one names its original.
      if (!cited || cited.place.docType === 'document' || c.quote.length < MIN_DISTINCTIVE_QUOTE) return c;
      const original = await store.findOriginal(c.quote, c.source);
      if (!original) return c;
      const at = original.text.indexOf(c.quote);
      return citationFor(original, at, at + c.quote.length, c.n);
    }),
  );
}
