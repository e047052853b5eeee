import { expandQuery } from '../extract/mine-glossary.js';
import { asksForLatest } from '../understand/read-question.js';
import type { Glossary } from '../extract/mine-glossary.js';
import type { Embedder } from '../index/embedder.js';
import type { KeywordIndex } from '../index/keyword-index.js';
import type { VectorStore } from '../index/vector-store.js';
import type { Chunk } from '../parse/parse-document.js';
import type { Place } from '../types.js';
import type { SearchFilters, SearchHit, SearchOptions } from './passage-store.js';

export type { SearchFilters, SearchHit, SearchOptions } from './passage-store.js';

/** What hybrid search reads inside the embedded store: passages by label (their position), and the two indexes over them. */
export interface SearchIndex {
  chunks: readonly Chunk[];
  /** Each passage's scope (file, council, committee, meeting date, type) as an index into `places`: filters are decided once per scope. */
  scopes: { ids: Int32Array; places: readonly Place[] };
  vectors: VectorStore;
  keyword: KeywordIndex;
  embedder: Embedder;
  glossary: Glossary;
}


/** Weight of each in-scope ranking (vector and keyword) of `prefer` in the fusion; the open rankings weigh 1. */
const PREFER_WEIGHT = 1;

const hasAny = (f: SearchFilters | undefined): f is SearchFilters => f !== undefined && Object.values(f).some((v) => (Array.isArray(v) ? v.length > 0 : Boolean(v)));

const RRF_K = 60;
const CANDIDATES = 80;

/** Whether a value holds a wanted substring, case-insensitive (at module level: this runs for every passage a search visits). */
function has(value: string | null, wanted?: string): boolean {
  return !wanted || (value ?? '').toLowerCase().includes(wanted.toLowerCase());
}

/**
 * Whether a passage is inside a scope. A passage whose paper names no council or committee (a
 * constitution part, a policy) may be the named one's, so it stays inside a filter; it is not `strict`ly
 * inside, as a preferred scope wants.
 */
function matchesFilters(p: Place, f: SearchFilters, strict = false): boolean {
  if (!has(p.council, f.council) || !has(p.committee, f.committee) || !has(p.docType, f.docType) || !has(p.source, f.source)) return false;
  if (f.councils?.length && (p.council ? !f.councils.includes(p.council) : strict)) return false;
  if (f.meetingDates?.length && !(p.meetingDate && f.meetingDates.includes(p.meetingDate))) return false;
  if (f.docTypes?.length && !(p.docType && f.docTypes.includes(p.docType))) return false;
  if (f.committees?.length && (p.committee ? !f.committees.includes(p.committee) : strict)) return false;
  if (f.from && (!p.meetingDate || p.meetingDate < f.from)) return false;
  if (f.to && (!p.meetingDate || p.meetingDate > f.to)) return false;
  return true;
}

/** A filter as a test of labels, deciding each scope once (the vector search asks for every passage it visits). */
function allowFor(index: SearchIndex, f: SearchFilters, strict = false): (label: number) => boolean {
  const verdicts = new Int8Array(index.scopes.places.length);
  return (label) => {
    const scope = index.scopes.ids[label]!;
    let v = verdicts[scope]!;
    if (!v) verdicts[scope] = v = matchesFilters(index.scopes.places[scope]!, f, strict) ? 1 : 2;
    return v === 1;
  };
}

/** A passage in a document published on its own, not reprinted in a pack (old indexes: an untyped document). */
function isOriginal(chunk: Chunk): boolean {
  return chunk.reprint === undefined ? chunk.place.docType === 'document' : !chunk.reprint;
}

/**
 * Hybrid search: HNSW vectors and BM25 keywords, fused by reciprocal rank. The query is expanded with
 * the corpus glossary; a passage reprinted in several packs is shown once.
 */
export async function search(index: SearchIndex, question: string, options: SearchOptions = {}): Promise<SearchHit[]> {
  const k = options.k ?? 10;
  const query = expandQuery(question, index.glossary);
  const filters = options.filters;
  const allow = hasAny(filters) ? allowFor(index, filters) : undefined;
  const qv = await index.embedder.embedQuery(query);
  const prefer = options.prefer;
  const preferred = hasAny(prefer) ? allowFor(index, prefer, true) : undefined;
  const inScope = preferred && ((label: number): boolean => (allow ? allow(label) : true) && preferred(label));
  const byVector = index.vectors.search(qv, CANDIDATES, allow);
  // One scoring of the keyword postings gives both the open ranking and the preferred scope's.
  const [byKeyword, keywordInScope] = index.keyword.top(query, [{ k: CANDIDATES, allow }, ...(inScope ? [{ k: CANDIDATES, allow: inScope }] : [])]);
  const fused = new Map<number, SearchHit>();
  const hitFor = (label: number): SearchHit => {
    let hit = fused.get(label);
    if (!hit) {
      hit = { chunk: index.chunks[label]!, score: 0, vectorRank: null, keywordRank: null };
      fused.set(label, hit);
    }
    return hit;
  };
  byVector.forEach((r, rank) => {
    const hit = hitFor(r.label);
    hit.vectorRank = rank;
    hit.score += 1 / (RRF_K + rank);
  });
  byKeyword!.forEach((r, rank) => {
    const hit = hitFor(r.label);
    hit.keywordRank = rank;
    hit.score += 1 / (RRF_K + rank);
  });
  if (inScope) {
    for (const list of [index.vectors.search(qv, CANDIDATES, inScope), keywordInScope!]) {
      list.forEach((r, rank) => (hitFor(r.label).score += PREFER_WEIGHT / (RRF_K + rank)));
    }
  }
  let hits = [...fused.values()];
  if (options.preferRecent ?? asksForLatest(question)) {
    // The newest meeting's passages gain most, the next newest less; undated passages nothing.
    const dates = [...new Set(hits.map((h) => h.chunk.place.meetingDate).filter((d): d is string => Boolean(d)))].sort().reverse();
    for (const h of hits) {
      const d = h.chunk.place.meetingDate;
      if (d) h.score *= 1 + 0.3 / (1 + dates.indexOf(d));
    }
  }
  hits.sort((a, b) => b.score - a.score);
  // A passage reprinted in several packs is shown once, at its best rank; the copy shown is the one in
  // a document published on its own (the original report or minutes) rather than a reprint in a pack.
  const first = new Map<string, SearchHit>();
  hits = hits.filter((h) => {
    const kept = first.get(h.chunk.dupKey);
    if (!kept) {
      first.set(h.chunk.dupKey, h);
      return true;
    }
    if (isOriginal(h.chunk) && !isOriginal(kept.chunk)) kept.chunk = h.chunk;
    return false;
  });
  return hits.slice(0, k);
}
