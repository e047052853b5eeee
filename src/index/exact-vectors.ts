import { BestList } from './best-list.js';
import type { VectorStore } from './vector-store.js';

/** How a vector component is held: a 16-bit integer, the component times this (components of a unit vector lie in [-1, 1]). */
const SCALE = 32767;

/**
 * Exact nearest-neighbour search by cosine similarity over unit vectors held as 16-bit integers. On disk
 * each corpus file's vectors are one block; in memory the blocks are copied into one matrix laid out by
 * dimension, so that a query's score for every passage is summed over the query's non-zero components
 * only, each a contiguous run: (non-zero query components) × (passages). The local embedder's questions
 * have 20–70 non-zero components of 768, so this is tens of milliseconds at a council's decade of papers,
 * with no graph to build and no recall lost to near-duplicates. Filled once, at load; not changed after.
 */
export class ExactVectorStore implements VectorStore {
  /** Component d of the passage at position p is data[d * capacity + p]. */
  private readonly data: Int16Array;
  /** The passage label at each position. */
  private readonly labels: Int32Array;
  private size = 0;
  private readonly scores: Float32Array;
  private last: Float32Array | null = null;

  /** An empty store with room for `capacity` passages. */
  constructor(
    readonly dims: number,
    private readonly capacity: number,
  ) {
    this.data = new Int16Array(dims * capacity);
    this.labels = new Int32Array(capacity);
    this.scores = new Float32Array(capacity);
  }

  /** A file's vectors (unit length, in label order) as one block, laid out by dimension (its file's contents). */
  static encode(vectors: readonly Float32Array[], dims: number): Int16Array {
    const count = vectors.length;
    const block = new Int16Array(dims * count);
    vectors.forEach((v, i) => {
      for (let d = 0; d < dims; d++) block[d * count + i] = Math.round(Math.max(-1, Math.min(1, v[d]!)) * SCALE);
    });
    return block;
  }

  /** Copies in a file's block (from `encode`): its passages get labels first, first + 1, ... */
  addBlock(first: number, block: Int16Array): void {
    const count = block.length / this.dims;
    if (!Number.isInteger(count)) throw new Error(`vector block at ${first}: ${block.length} values is not a whole number of ${this.dims}-dimension vectors`);
    if (this.size + count > this.capacity) throw new Error(`vector block at ${first}: more passages than the ${this.capacity} the store was made for`);
    for (let d = 0; d < this.dims; d++) this.data.set(block.subarray(d * count, (d + 1) * count), d * this.capacity + this.size);
    for (let i = 0; i < count; i++) this.labels[this.size + i] = first + i;
    this.size += count;
    this.last = null;
  }

  /** Every position's similarity to the query (kept for the same query vector searched again with another filter). */
  private score(query: Float32Array): Float32Array {
    const { scores, data, size, capacity } = this;
    if (this.last === query) return scores;
    scores.fill(0, 0, size);
    const dims: number[] = [];
    for (let d = 0; d < query.length; d++) if (query[d] !== 0) dims.push(d);
    // Four components per pass over the passages: a quarter of the reads and writes of the scores.
    let j = 0;
    for (; j + 4 <= dims.length; j += 4) {
      const [a, b, c, e] = [dims[j]!, dims[j + 1]!, dims[j + 2]!, dims[j + 3]!];
      const [wa, wb, wc, we] = [query[a]! / SCALE, query[b]! / SCALE, query[c]! / SCALE, query[e]! / SCALE];
      const [ba, bb, bc, be] = [a * capacity, b * capacity, c * capacity, e * capacity];
      for (let p = 0; p < size; p++) scores[p]! += wa * data[ba + p]! + wb * data[bb + p]! + wc * data[bc + p]! + we * data[be + p]!;
    }
    for (; j < dims.length; j++) {
      const w = query[dims[j]!]! / SCALE;
      const base = dims[j]! * capacity;
      for (let p = 0; p < size; p++) scores[p]! += w * data[base + p]!;
    }
    this.last = query;
    return scores;
  }

  search(query: Float32Array, k: number, allow?: (label: number) => boolean): Array<{ label: number; score: number }> {
    if (k <= 0 || this.size === 0) return [];
    const scores = this.score(query);
    // A passage enters only when it beats the worst of the k kept; its filter is asked only then.
    const best = new BestList(k);
    for (let p = 0; p < this.size; p++) {
      const s = scores[p]!;
      if (best.admits(s) && (!allow || allow(this.labels[p]!))) best.add(this.labels[p]!, s, p);
    }
    return best.sorted();
  }
}
