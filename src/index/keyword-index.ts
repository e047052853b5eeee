import { BestList } from './best-list.js';
import { letteredTerms, stem, STOPWORDS, words } from './tokenize.js';

/**
 * BM25 keyword search over passages' index texts, ids are passage labels. The scoring is MiniSearch's
 * (BM25+, k 1.2, b 0.7, d 0.5; prefix matches for terms of 6 letters or more weighted 0.375 and less
 * the longer the completion; a passage's score times the number of query terms it holds), on postings
 * held in typed arrays: a tenth of the memory of MiniSearch's maps, and posting lists scanned rather than
 * walked, so that a question over 300,000 passages stays fast. Passages are added and removed in place;
 * removed ones are skipped until the next save compacts them away.
 */

/** MiniSearch's defaults, kept so that rankings stay what they were. */
const BM25 = { k: 1.2, b: 0.7, d: 0.5, prefixWeight: 0.375, prefixFrom: 6 } as const;

/** The tokens of a text (MiniSearch's tokenize step) and its search terms (its processTerm step). */
const tokensOf = (text: string): string[] => [...words(text).map((w) => w.replace(/,(?=\d{3})/g, '')), ...letteredTerms(text)];
const termOf = (token: string): string | null => (STOPWORDS.has(token) ? null : stem(token));

const bm25 = (tf: number, df: number, n: number, length: number, avg: number): number =>
  Math.log(1 + (n - df + 0.5) / (df + 0.5)) * (BM25.d + (tf * (BM25.k + 1)) / (tf + BM25.k * (1 - BM25.b + (BM25.b * length) / avg)));

const grow = <T extends Uint32Array | Uint8Array>(a: T, size: number, make: (n: number) => T): T => {
  if (size <= a.length) return a;
  const b = make(Math.max(size, Math.ceil(a.length * 1.5)));
  b.set(a);
  return b;
};

interface Header {
  version: 1;
  /** Terms, sorted (a term's id is its position). */
  vocab: string[];
  postings: number;
  labels: number;
  count: number;
  avg: number;
}

export class KeywordIndex {
  private vocab: string[] = [];
  private ids = new Map<string, number>();
  /** Term ids in term order, or null when the vocabulary is sorted already (as saved). */
  private sorted: number[] | null = null;
  /** Saved postings: term t's passages are docs[offsets[t]..offsets[t+1]), with their term frequencies. */
  private offsets = new Uint32Array(1);
  private docs = new Int32Array(0);
  private tfs = new Uint16Array(0);
  /** Postings added since: term id -> [label, tf, label, tf, ...]. */
  private delta = new Map<number, number[]>();
  /** Per label: the passage's length (distinct tokens) and whether it is live. */
  private lengths = new Uint32Array(0);
  private live = new Uint8Array(0);
  private count = 0;
  private avg = 0;

  static build(docs: ReadonlyArray<{ id: number; text: string }>): KeywordIndex {
    const index = new KeywordIndex();
    index.add(docs);
    return index;
  }

  /** Adds passages in place. */
  add(docs: ReadonlyArray<{ id: number; text: string }>): void {
    this.dfs = null;
    const top = docs.reduce((m, d) => Math.max(m, d.id + 1), this.live.length);
    this.lengths = grow(this.lengths, top, (n) => new Uint32Array(n));
    this.live = grow(this.live, top, (n) => new Uint8Array(n));
    for (const { id, text } of docs) {
      const tokens = tokensOf(text);
      const length = new Set(tokens).size;
      // MiniSearch's running average, so that a fresh build scores exactly as it did.
      this.avg = (this.avg * this.count + length) / (this.count + 1);
      this.count++;
      this.lengths[id] = length;
      this.live[id] = 1;
      const tf = new Map<string, number>();
      for (const token of tokens) {
        const term = termOf(token);
        if (term) tf.set(term, (tf.get(term) ?? 0) + 1);
      }
      for (const [term, n] of tf) {
        let t = this.ids.get(term);
        if (t === undefined) {
          t = this.vocab.push(term) - 1;
          this.ids.set(term, t);
          this.sorted = null;
        }
        let list = this.delta.get(t);
        if (!list) this.delta.set(t, (list = []));
        list.push(id, n);
      }
    }
  }

  /** Removes passages in place (their postings are skipped, then dropped at the next save). */
  remove(ids: readonly number[]): void {
    this.dfs = null;
    for (const id of ids) {
      if (!this.live[id]) continue;
      this.live[id] = 0;
      this.avg = this.count <= 1 ? 0 : (this.avg * this.count - this.lengths[id]!) / (this.count - 1);
      this.count--;
    }
  }

  /** Calls `visit(label, tf)` for each live passage holding term t; returns how many there are. */
  private postings(t: number, visit?: (label: number, tf: number) => void): number {
    let n = 0;
    if (t + 1 < this.offsets.length) {
      for (let i = this.offsets[t]!; i < this.offsets[t + 1]!; i++) {
        const label = this.docs[i]!;
        if (!this.live[label]) continue;
        n++;
        visit?.(label, this.tfs[i]!);
      }
    }
    const list = this.delta.get(t);
    if (list) {
      for (let i = 0; i < list.length; i += 2) {
        if (!this.live[list[i]!]) continue;
        n++;
        visit?.(list[i]!, list[i + 1]!);
      }
    }
    return n;
  }

  /** The terms starting with `prefix`, other than itself, with MiniSearch's prefix weight. */
  private completions(prefix: string): Array<[number, number]> {
    if (!this.sorted) {
      const order = this.vocab.map((_, i) => i);
      const inOrder = this.vocab.every((t, i) => i === 0 || this.vocab[i - 1]! < t);
      this.sorted = inOrder ? order : order.sort((a, b) => (this.vocab[a]! < this.vocab[b]! ? -1 : 1));
    }
    const sorted = this.sorted;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.vocab[sorted[mid]!]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: Array<[number, number]> = [];
    for (let i = lo; i < sorted.length && this.vocab[sorted[i]!]!.startsWith(prefix); i++) {
      const term = this.vocab[sorted[i]!]!;
      if (term.length === prefix.length) continue;
      out.push([sorted[i]!, (BM25.prefixWeight * term.length) / (term.length + 0.3 * (term.length - prefix.length))]);
    }
    return out;
  }

  /** Every passage matching any term, best first (ties in the order the postings reach them). */
  rank(query: string, allow?: (label: number) => boolean): Array<{ label: number; score: number }> {
    return this.top(query, [{ k: Number.POSITIVE_INFINITY, allow }])[0]!;
  }

  /**
   * The best `k` passages matching any term, for each of several scopes at once: BM25 scores do not
   * depend on a filter, so the postings are scored once and each scope keeps its own best. Only a passage
   * that would enter a scope's list is tested against its filter.
   */
  top(query: string, scopes: ReadonlyArray<{ k: number; allow?: (label: number) => boolean }>): Array<Array<{ label: number; score: number }>> {
    const queryTerms = tokensOf(query).map(termOf).filter((t): t is string => Boolean(t));
    const { scores, quality, last } = this.scratch();
    const touched: number[] = [];
    const sources = new Map<string, number>();
    const live = this.live;
    const lengths = this.lengths;
    const { k, b, d } = BM25;
    for (const q of queryTerms) {
      // A term asked twice scores twice but counts once: its passages were counted the first time.
      const repeat = sources.has(q);
      if (!repeat) sources.set(q, sources.size + 1);
      const source = sources.get(q)!;
      const exact = this.ids.get(q);
      const derived: Array<[number, number]> = exact === undefined ? [] : [[exact, 1]];
      if (q.length >= BM25.prefixFrom) derived.push(...this.completions(q));
      for (const [t, weight] of derived) {
        const df = this.df(t);
        const idf = Math.log(1 + (this.count - df + 0.5) / (df + 0.5));
        const norm = k * (1 - b);
        const perLength = (k * b) / this.avg;
        // The saved postings, then those added since (inlined: this loop is most of a question's keyword work).
        const list = this.delta.get(t);
        const base = t + 1 < this.offsets.length ? this.offsets[t + 1]! - this.offsets[t]! : 0;
        const total = base + (list ? list.length / 2 : 0);
        for (let i = 0; i < total; i++) {
          const at = this.offsets[t]! + i;
          const label = i < base ? this.docs[at]! : list![(i - base) * 2]!;
          if (!live[label]) continue;
          const tf = i < base ? this.tfs[at]! : list![(i - base) * 2 + 1]!;
          if (!quality[label]) touched.push(label);
          scores[label]! += weight * idf * (d + (tf * (k + 1)) / (tf + norm + perLength * lengths[label]!));
          if (!repeat && last[label] !== source) {
            last[label] = source;
            quality[label]!++;
          }
        }
      }
    }
    const out = scopes.map((scope) => new BestList(scope.k));
    for (let order = 0; order < touched.length; order++) {
      const label = touched[order]!;
      const score = scores[label]! * quality[label]!;
      scopes.forEach((scope, i) => {
        if (out[i]!.admits(score) && (!scope.allow || scope.allow(label))) out[i]!.add(label, score, order);
      });
      scores[label] = 0;
      quality[label] = 0;
      last[label] = 0;
    }
    return out.map((list) => list.sorted());
  }

  private dfs: Int32Array | null = null;

  /** How many live passages hold term t (counted once per term until the index changes). */
  private df(t: number): number {
    if (!this.dfs || this.dfs.length < this.vocab.length) this.dfs = new Int32Array(this.vocab.length).fill(-1);
    if (this.dfs[t]! < 0) this.dfs[t] = this.postings(t);
    return this.dfs[t]!;
  }

  private scratchArrays: { scores: Float64Array; quality: Uint16Array; last: Int32Array } | null = null;

  /** Per-label work arrays, kept between questions and cleared after each (only the labels touched). */
  private scratch(): { scores: Float64Array; quality: Uint16Array; last: Int32Array } {
    const size = this.live.length;
    if (!this.scratchArrays || this.scratchArrays.scores.length < size) {
      this.scratchArrays = { scores: new Float64Array(size), quality: new Uint16Array(size), last: new Int32Array(size) };
    }
    return this.scratchArrays;
  }

  /** The passages holding every one of these words (labels, unordered). */
  containingAll(wordList: readonly string[], allow?: (label: number) => boolean): number[] {
    const terms = [...new Set(wordList.flatMap(tokensOf).map(termOf).filter((t): t is string => Boolean(t)))];
    if (!terms.length || terms.some((t) => !this.ids.has(t))) return [];
    const lists = terms.map((t) => {
      const labels: number[] = [];
      this.postings(this.ids.get(t)!, (label) => labels.push(label));
      return labels;
    });
    lists.sort((a, b) => a.length - b.length);
    const others = lists.slice(1).map((l) => new Set(l));
    return lists[0]!.filter((label) => others.every((s) => s.has(label)) && (!allow || allow(label)));
  }

  /** The index as one buffer: live postings only, terms sorted. */
  toBuffer(): Buffer {
    const order = this.vocab.map((_, i) => i).sort((a, b) => (this.vocab[a]! < this.vocab[b]! ? -1 : 1));
    let room = this.docs.length;
    for (const list of this.delta.values()) room += list.length / 2;
    const offsets = new Uint32Array(order.length + 1);
    const docs = new Int32Array(room);
    const tfs = new Uint16Array(room);
    const vocab: string[] = [];
    let n = 0;
    for (const t of order) {
      const start = n;
      this.postings(t, (label, tf) => {
        docs[n] = label;
        tfs[n++] = tf;
      });
      if (n === start) continue; // a term no live passage holds any more
      vocab.push(this.vocab[t]!);
      offsets[vocab.length] = n;
    }
    const header: Header = { version: 1, vocab, postings: n, labels: this.live.length, count: this.count, avg: this.avg };
    const head = Buffer.from(JSON.stringify(header));
    const pad = (n: number): number => (4 - (n % 4)) % 4;
    const parts = [
      Buffer.from(new Uint32Array([head.length]).buffer),
      head,
      Buffer.alloc(pad(head.length)),
      Buffer.from(offsets.buffer, 0, (vocab.length + 1) * 4),
      Buffer.from(docs.buffer, 0, n * 4),
      Buffer.from(Uint32Array.from(this.lengths.subarray(0, header.labels)).buffer),
      Buffer.from(tfs.buffer, 0, n * 2),
      Buffer.from(this.live.subarray(0, header.labels)),
    ];
    return Buffer.concat(parts);
  }

  /** Reads an index written by toBuffer. */
  static fromBuffer(buf: Buffer): KeywordIndex {
    // Each array is copied out of the file's buffer, so that it is aligned whatever the buffer's offset.
    const view = (at: number, n: number): ArrayBuffer => buf.buffer.slice(buf.byteOffset + at, buf.byteOffset + at + n) as ArrayBuffer;
    const headLength = buf.readUInt32LE(0);
    const header = JSON.parse(buf.subarray(4, 4 + headLength).toString('utf8')) as Header;
    let at = 4 + headLength + ((4 - (headLength % 4)) % 4);
    const next = (n: number): ArrayBuffer => {
      const out = view(at, n);
      at += n;
      return out;
    };
    const index = new KeywordIndex();
    index.vocab = header.vocab;
    index.ids = new Map(header.vocab.map((t, i) => [t, i]));
    index.offsets = new Uint32Array(next((header.vocab.length + 1) * 4));
    index.docs = new Int32Array(next(header.postings * 4));
    index.lengths = new Uint32Array(next(header.labels * 4));
    index.tfs = new Uint16Array(next(header.postings * 2));
    index.live = new Uint8Array(next(header.labels));
    index.count = header.count;
    index.avg = header.avg;
    return index;
  }
}
