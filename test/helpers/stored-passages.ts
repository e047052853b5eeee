import type { Chunk } from '../../src/parse/parse-document.js';
import type { PassageStore } from '../../src/retrieve/passage-store.js';

/** Every passage a store holds from one source file, in file order (walked through the seam). */
export async function passagesOf(store: PassageStore, source: string): Promise<Chunk[]> {
  const out: Chunk[] = [];
  let chunk = await store.passage(`${source}#0`);
  while (chunk) {
    out.push(chunk);
    chunk = await store.adjacent(chunk.id, 1);
  }
  return out;
}

/** The source files a store holds passages from. */
export function sourcesOf(store: PassageStore): Set<string> {
  return new Set(store.places().map((p) => p.source));
}
