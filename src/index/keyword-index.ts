import MiniSearch from 'minisearch';
import { stem, STOPWORDS, words } from './tokenize.js';

interface KeywordDoc {
  id: number;
  text: string;
}

const OPTIONS = {
  fields: ['text'],
  idField: 'id',
  tokenize: (text: string) => words(text).map((w) => w.replace(/,(?=\d{3})/g, '')),
  processTerm: (term: string) => (STOPWORDS.has(term) ? null : stem(term)),
};

/** BM25 keyword search (MiniSearch) over passages' index texts; ids are passage labels. */
export class KeywordIndex {
  private readonly mini: MiniSearch<KeywordDoc>;

  private constructor(mini: MiniSearch<KeywordDoc>) {
    this.mini = mini;
  }

  static build(docs: ReadonlyArray<{ id: number; text: string }>): KeywordIndex {
    const mini = new MiniSearch<KeywordDoc>(OPTIONS);
    mini.addAll(docs as KeywordDoc[]);
    return new KeywordIndex(mini);
  }

  /** Adds passages in place. */
  add(docs: ReadonlyArray<{ id: number; text: string }>): void {
    this.mini.addAll(docs as KeywordDoc[]);
  }

  /** Removes passages in place (MiniSearch drops their postings lazily, and vacuums when enough are dropped). */
  remove(ids: readonly number[]): void {
    this.mini.discardAll(ids);
  }

  static fromJSON(json: string): KeywordIndex {
    return new KeywordIndex(MiniSearch.loadJSON<KeywordDoc>(json, OPTIONS));
  }

  toJSON(): string {
    return JSON.stringify(this.mini);
  }

  search(query: string, k: number, allow?: (label: number) => boolean): Array<{ label: number; score: number }> {
    return this.rank(query, allow).slice(0, k);
  }

  /** The passages holding every one of these words (labels, unordered). */
  containingAll(wordList: readonly string[], allow?: (label: number) => boolean): number[] {
    const hits = this.mini.search(wordList.join(' '), { combineWith: 'AND', prefix: false, fuzzy: false, filter: allow ? (r) => allow(r.id as number) : undefined });
    return hits.map((h) => h.id as number);
  }

  /**
   * Every passage matching any term, best first. BM25 scores do not depend on a filter, so a caller may
   * rank once and narrow the list for several scopes.
   */
  rank(query: string, allow?: (label: number) => boolean): Array<{ label: number; score: number }> {
    const hits = this.mini.search(query, { combineWith: 'OR', prefix: (term) => term.length >= 6, fuzzy: false, filter: allow ? (r) => allow(r.id as number) : undefined });
    return hits.map((h) => ({ label: h.id as number, score: h.score }));
  }
}
