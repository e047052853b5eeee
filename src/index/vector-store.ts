import hnswlib from 'hnswlib-node';

/** A nearest-neighbour index over chunk vectors; labels are chunk positions. Swappable for a server engine. */
export interface VectorStore {
  search(query: Float32Array, k: number, allow?: (label: number) => boolean): Array<{ label: number; score: number }>;
  save(path: string): Promise<void>;
}

/** HNSW's parameters (hnswlib-node), chosen by measuring recall@10 against exact search (npm run bench -- --scale N). */
export const HNSW = {
  /** Links per node: more links, better recall on near-duplicate passages, more memory. */
  m: 16,
  /** Candidate list while inserting. */
  efConstruction: 200,
  /** Candidate list while searching (at least the k asked for); not saved with the index. */
  efSearch: 200,
  /** Never search with a list shorter than this. */
  efMin: 64,
} as const;

/** HNSW (hnswlib-node) with cosine similarity. */
export class HnswVectorStore implements VectorStore {
  private readonly index: hnswlib.HierarchicalNSW;
  private readonly count: number;

  private constructor(index: hnswlib.HierarchicalNSW, count: number) {
    this.index = index;
    this.count = count;
    // ef is not saved with the index; set it after every build or load.
    this.ef = Math.max(HNSW.efMin, Math.min(count, HNSW.efSearch));
    this.index.setEf(this.ef);
  }

  /** The search candidate list in use. */
  readonly ef: number;

  /** Builds an index from vectors; vector i gets label i. */
  static build(vectors: readonly Float32Array[], dims: number): HnswVectorStore {
    const index = new hnswlib.HierarchicalNSW('cosine', dims);
    index.initIndex({ maxElements: Math.max(1, vectors.length), m: HNSW.m, efConstruction: HNSW.efConstruction });
    vectors.forEach((v, i) => index.addPoint(Array.from(v), i));
    return new HnswVectorStore(index, vectors.length);
  }

  static async load(path: string, dims: number, count: number): Promise<HnswVectorStore> {
    const index = new hnswlib.HierarchicalNSW('cosine', dims);
    await index.readIndex(path, false);
    return new HnswVectorStore(index, count);
  }

  search(query: Float32Array, k: number, allow?: (label: number) => boolean): Array<{ label: number; score: number }> {
    if (this.count === 0) return [];
    const res = this.index.searchKnn(Array.from(query), Math.min(k, this.count), allow);
    return res.neighbors.map((label, i) => ({ label, score: 1 - res.distances[i]! }));
  }

  async save(path: string): Promise<void> {
    await this.index.writeIndex(path);
  }
}
