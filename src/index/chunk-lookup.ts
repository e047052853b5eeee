import type { LoadedIndex } from './load-index.js';

interface Lookup {
  byId: Map<string, number>;
  bySource: Map<string, number[]>;
}

const lookups = new WeakMap<LoadedIndex, Lookup>();

function lookupOf(index: LoadedIndex): Lookup {
  let lookup = lookups.get(index);
  if (!lookup) {
    const byId = new Map<string, number>();
    const bySource = new Map<string, number[]>();
    index.chunks.forEach((c, label) => {
      byId.set(c.id, label);
      const list = bySource.get(c.source) ?? [];
      list.push(label);
      bySource.set(c.source, list);
    });
    lookups.set(index, (lookup = { byId, bySource }));
  }
  return lookup;
}

/** The position of a chunk by its id, or -1; the maps are built once per loaded index, not per question. */
export function labelOfChunk(index: LoadedIndex, chunkId: string): number {
  return lookupOf(index).byId.get(chunkId) ?? -1;
}

/** The position of the chunk of a source file holding a character offset, or -1. */
export function labelAtOffset(index: LoadedIndex, source: string, offset: number): number {
  for (const label of lookupOf(index).bySource.get(source) ?? []) {
    const c = index.chunks[label]!;
    if (c.start <= offset && offset < c.end) return label;
  }
  return -1;
}
