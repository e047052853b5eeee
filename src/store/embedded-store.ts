import type { Glossary } from '../extract/mine-glossary.js';
import type { LoadedIndex } from '../index/load-index.js';
import type { Chunk } from '../parse/parse-document.js';
import type { PassageStore, SearchHit, SearchOptions } from '../retrieve/passage-store.js';
import { search } from '../retrieve/search.js';
import type { Place } from '../types.js';
import { stem, STOPWORDS, words } from '../index/tokenize.js';

/** Finding a quote's original. */
const ORIGINALS = {
  /** The quote's rarest words that a passage must hold to be read for the quote. */
  rareWords: 3,
} as const;

/** Passages of one source file, by label, in file order (labels of one file are consecutive). */
interface FileSpan {
  first: number;
  count: number;
}

/**
 * The in-process store, read from the index folder: vectors, BM25 keywords and the passages' metadata in
 * memory, their texts read from texts.bin when asked for. Every derived look-up (ids, files, places,
 * originals) is built once here.
 */
export class EmbeddedStore implements PassageStore {
  readonly kind = 'embedded';
  readonly embedderId: string;
  readonly size: number;
  readonly glossary: Glossary;
  private readonly index: LoadedIndex;
  private readonly byId = new Map<string, number>();
  private readonly bySource = new Map<string, FileSpan>();

  constructor(index: LoadedIndex) {
    this.index = index;
    this.embedderId = index.embedder.id;
    this.size = index.manifest.chunkCount;
    this.glossary = index.glossary;
    for (const file of index.files) {
      this.bySource.set(file.name, { first: file.first, count: file.count });
      for (let label = file.first; label < file.first + file.count; label++) this.byId.set(index.chunks[label]!.id, label);
    }
  }

  /** The embedder queries must use (the bench's baseline embeds with it too). */
  get embedder(): LoadedIndex['embedder'] {
    return this.index.embedder;
  }

  idf(term: string): number {
    return this.index.idf(term);
  }

  known(term: string): boolean {
    return this.index.known(term);
  }

  records(kind: string): readonly unknown[] {
    return this.index.records[kind] ?? [];
  }

  places(): readonly Place[] {
    // One place per distinct scope (file, council, committee, meeting, type), in corpus order.
    return this.index.scopes.places;
  }

  async search(query: string, options: SearchOptions = {}): Promise<SearchHit[]> {
    return search(this.index, query, options);
  }

  async passage(id: string): Promise<Chunk | null> {
    const label = this.byId.get(id);
    return label === undefined ? null : this.index.chunks[label]!;
  }

  async adjacent(id: string, step: number): Promise<Chunk | null> {
    const label = this.byId.get(id);
    if (label === undefined) return null;
    const chunk = this.index.chunks[label]!;
    const span = this.bySource.get(chunk.source)!;
    const next = label + step;
    return next >= span.first && next < span.first + span.count ? this.index.chunks[next]! : null;
  }

  async atOffset(source: string, offset: number): Promise<Chunk | null> {
    const span = this.bySource.get(source);
    if (!span) return null;
    for (let label = span.first; label < span.first + span.count; label++) {
      const c = this.index.chunks[label]!;
      if (c.start <= offset && offset < c.end) return c;
    }
    return null;
  }

  async findOriginal(quote: string, exceptSource: string): Promise<Chunk | null> {
    const chunks = this.index.chunks;
    // Papers published on their own first (a standalone document), then any passage not reprinted in a pack.
    const rank = (c: Chunk): number => (c.place.docType === 'document' ? 0 : c.reprint === false ? 1 : -1);
    const allow = (label: number): boolean => rank(chunks[label]!) >= 0 && chunks[label]!.source !== exceptSource;
    // Candidates from the keyword index (the passages holding the quote's rarest words), not a scan of every passage.
    const rare = [...new Set(words(quote).map((w) => w.replace(/,(?=\d{3})/g, '')))]
      .filter((w) => !STOPWORDS.has(w))
      .sort((a, b) => this.index.idf(stem(b)) - this.index.idf(stem(a)))
      .slice(0, ORIGINALS.rareWords);
    const labels = rare.length ? this.index.keyword.containingAll(rare, allow) : chunks.flatMap((_, label) => (allow(label) ? [label] : []));
    let best: number | null = null;
    for (const label of labels) {
      const c = chunks[label]!;
      if (!c.text.includes(quote)) continue;
      if (best === null || rank(c) < rank(chunks[best]!) || (rank(c) === rank(chunks[best]!) && label < best)) best = label;
    }
    return best === null ? null : chunks[best]!;
  }

  async close(): Promise<void> {
    this.index.texts?.close();
  }
}
