import { normalize, type Embedder } from './embedder.js';
import { terms } from './tokenize.js';

/** Corpus statistics the local embedder learns at a full build and keeps with the index. */
export interface LocalEmbedderState {
  dims: number;
  docCount: number;
  /** Document frequency of each term in the corpus it was fitted on. */
  df: Record<string, number>;
}

const VERSION = 'local-tfidf-hash-v1';

/** How many of the texts use each term: what the local embedder is fitted on. */
export function documentFrequencies(texts: readonly string[]): Record<string, number> {
  const df: Record<string, number> = {};
  for (const text of texts) {
    for (const t of new Set(terms(text))) df[t] = (df[t] ?? 0) + 1;
  }
  return df;
}

function fnv1a(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/**
 * Offline, deterministic embedder built from the corpus: TF-IDF weighted feature hashing of terms,
 * term pairs and character 4-grams into a fixed number of signed dimensions. No model weights.
 */
export class LocalEmbedder implements Embedder {
  readonly id: string;
  readonly dims: number;
  private readonly state: LocalEmbedderState;
  private readonly maxIdf: number;

  constructor(state: LocalEmbedderState) {
    this.state = state;
    this.dims = state.dims;
    this.id = `${VERSION}:${state.dims}`;
    this.maxIdf = Math.log(1 + state.docCount);
  }

  /** Learns document frequencies from the texts to be indexed. */
  static fit(texts: readonly string[], dims = 768): LocalEmbedder {
    return LocalEmbedder.fromFrequencies(documentFrequencies(texts), texts.length, dims);
  }

  /** The embedder fitted on texts whose document frequencies were counted in parts (documentFrequencies of each file, added up). */
  static fromFrequencies(df: Record<string, number>, docCount: number, dims = 768): LocalEmbedder {
    return new LocalEmbedder({ dims, docCount, df });
  }

  /** The fitted statistics, to be saved beside the index. */
  toJSON(): LocalEmbedderState {
    return this.state;
  }

  private idf(term: string): number {
    const df = this.state.df[term] ?? 0;
    return df ? Math.log(1 + this.state.docCount / df) : this.maxIdf;
  }

  private add(v: Float32Array, feature: string, weight: number): void {
    const h = fnv1a(feature);
    v[h % this.dims]! += (h & 0x80000000) !== 0 ? weight : -weight;
  }

  /** The vector of one text. */
  embed(text: string): Float32Array {
    const v = new Float32Array(this.dims);
    const ts = terms(text);
    const tf = new Map<string, number>();
    for (const t of ts) tf.set(t, (tf.get(t) ?? 0) + 1);
    for (const [t, n] of tf) {
      const w = (1 + Math.log(n)) * this.idf(t);
      this.add(v, `w:${t}`, w);
      if (t.length >= 5 && !/\d/.test(t)) {
        const padded = `<${t}>`;
        for (let i = 0; i + 4 <= padded.length; i++) this.add(v, `c:${padded.slice(i, i + 4)}`, (w * 0.35) / Math.sqrt(padded.length - 3));
      }
    }
    for (let i = 0; i + 1 < ts.length; i++) {
      const a = ts[i]!;
      const b = ts[i + 1]!;
      this.add(v, `b:${a}_${b}`, 0.5 * Math.min(this.idf(a), this.idf(b)));
    }
    return normalize(v);
  }

  async embedDocuments(texts: readonly string[]): Promise<Float32Array[]> {
    return texts.map((t) => this.embed(t));
  }

  async embedQuery(text: string): Promise<Float32Array> {
    return this.embed(text);
  }
}
