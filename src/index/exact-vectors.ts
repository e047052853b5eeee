import type { VectorStore } from './vector-store.js';

/** How the exact store holds a vector component: a 16-bit integer, the component times this (components of a unit vector lie in [-1, 1]). */
const SCALE = 32767;

/** One file's passages: labels first .. first + count - 1, component d of passage i at data[d * count + i]. */
interface Block {
  first: number;
  count: number;
  data: Int16Array;
}

/**
 * Exact nearest-neighbour search by cosine similarity over unit vectors held as 16-bit integers, one
 * block per corpus file, each block laid out by dimension. A query's score for every passage is summed
 * over the query's non-zero components only, so the cost is (non-zero query components) × (passages):
 * the local embedder's questions have 20–70 non-zero components of 768, so this is a few milliseconds
 * at a council's decade of papers, with no graph to build, no recall lost to near-duplicates, and a
 * file's vectors added or dropped by adding or dropping its block.
 */
export class ExactVectorStore implements VectorStore {
  private readonly blocks = new Map<number, Block>();
  private scores = new Float32Array(0);
  private last: { query: Float32Array; top: number } | null = null;

  constructor(readonly dims: number) {}

  /** A file's vectors (unit length, in label order) as one block's data, laid out by dimension. */
  static encode(vectors: readonly Float32Array[], dims: number): Int16Array {
    const count = vectors.length;
    const data = new Int16Array(dims * count);
    vectors.forEach((v, i) => {
      for (let d = 0; d < dims; d++) data[d * count + i] = Math.round(Math.max(-1, Math.min(1, v[d]!)) * SCALE);
    });
    return data;
  }

  /** Adds a file's block (from `encode`, or read back from its file). */
  addBlock(first: number, data: Int16Array): void {
    if (data.length % this.dims !== 0) throw new Error(`vector block at ${first}: ${data.length} values is not a whole number of ${this.dims}-dimension vectors`);
    this.blocks.set(first, { first, count: data.length / this.dims, data });
    this.last = null;
  }

  /** Removes a file's block. */
  removeBlock(first: number): void {
    this.blocks.delete(first);
    this.last = null;
  }

  get size(): number {
    let n = 0;
    for (const b of this.blocks.values()) n += b.count;
    return n;
  }

  /** Every passage's similarity to the query, by label (reused when the same query vector is searched again with another filter). */
  private score(query: Float32Array): Float32Array {
    let top = 0;
    for (const b of this.blocks.values()) top = Math.max(top, b.first + b.count);
    if (this.last?.query === query && this.last.top === top) return this.scores;
    if (this.scores.length < top) this.scores = new Float32Array(top);
    const scores = this.scores;
    const dims: number[] = [];
    for (let d = 0; d < query.length; d++) if (query[d] !== 0) dims.push(d);
    for (const { first, count, data } of this.blocks.values()) {
      scores.fill(0, first, first + count);
      for (const d of dims) {
        const w = query[d]! / SCALE;
        const base = d * count;
        for (let i = 0; i < count; i++) scores[first + i]! += w * data[base + i]!;
      }
    }
    this.last = { query, top };
    return scores;
  }

  search(query: Float32Array, k: number, allow?: (label: number) => boolean): Array<{ label: number; score: number }> {
    if (k <= 0 || this.blocks.size === 0) return [];
    const scores = this.score(query);
    // The k best so far, best first; a passage enters only when it beats the worst of them.
    const best: Array<{ label: number; score: number }> = [];
    for (const { first, count } of this.blocks.values()) {
      for (let label = first; label < first + count; label++) {
        const s = scores[label]!;
        if (best.length === k && s <= best[k - 1]!.score) continue;
        if (allow && !allow(label)) continue;
        let at = best.length;
        while (at > 0 && (best[at - 1]!.score < s || (best[at - 1]!.score === s && best[at - 1]!.label > label))) at--;
        best.splice(at, 0, { label, score: s });
        if (best.length > k) best.pop();
      }
    }
    return best;
  }
}
