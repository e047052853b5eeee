import { expandQuery } from '../extract/mine-glossary.js';
import type { LoadedIndex } from '../index/load-index.js';
import type { Chunk } from '../parse/parse-document.js';
import { readScope, scopeLane, SCOPE_WEIGHTS } from './scope-lane.js';

/** Narrows a search to some councils, committees, dates or document types (all optional). */
export interface SearchFilters {
  council?: string;
  committee?: string;
  /** ISO dates, inclusive. */
  from?: string;
  to?: string;
  docType?: string;
  source?: string;
}

export interface SearchHit {
  chunk: Chunk;
  label: number;
  score: number;
  vectorRank: number | null;
  keywordRank: number | null;
}

export interface SearchOptions {
  k?: number;
  filters?: SearchFilters;
  /** Prefer passages from the newest meetings ("latest", "current"). */
  preferRecent?: boolean;
}

const RRF_K = 60;
const CANDIDATES = 80;
const LATEST_RE = /\b(latest|current|currently|most recent|now|this year|up to date|newest|since|so far|at the moment|at present|presently)\b/i;

/** Words of council names that do not tell one council from another (English and Welsh). */
const GENERIC_NAME_WORDS = new Set([
  'county', 'borough', 'district', 'city', 'council', 'of', 'the', 'royal', 'london', 'metropolitan', 'town', 'parish', 'and',
  'upon', 'on', 'community', 'combined', 'authority', 'mayoral', 'unitary', 'cyngor', 'cymuned', 'sir', 'tref', 'dinas', 'bwrdeistref',
  'sirol', 'a', 'ac', 'y', 'yr', 'west', 'east', 'north', 'south',
]);

const councilsOf = new WeakMap<LoadedIndex, Map<string, { words: string[]; forms: string[] }>>();

/** Whether the words of a shorter name appear, in order, in a longer one ("West of England Combined Authority" in the Mayoral one). */
function wordsWithin(short: string, long: string): boolean {
  const ws = short.toLowerCase().split(/\s+/);
  let i = 0;
  for (const w of long.toLowerCase().split(/\s+/)) if (w === ws[i]) i++;
  return i === ws.length;
}

/**
 * The councils in the index that a question names: by a distinctive word of the name ("at Kent",
 * "Wessex's"), by the name's initials ("KCC", "BCC"), or by an acronym the corpus defines for it ("WECA").
 */
export function councilsNamed(index: LoadedIndex, question: string): Set<string> {
  const named = new Set<string>();
  let councils = councilsOf.get(index);
  if (!councils) {
    councils = new Map();
    for (const name of new Set(index.chunks.map((c) => c.place.council).filter((c): c is string => Boolean(c)))) {
      const words = name.toLowerCase().split(/\s+/).filter((w) => w.length > 2 && !GENERIC_NAME_WORDS.has(w));
      const initials = name.split(/\s+/).filter((w) => !/^(of|the|and|a|ac|y|yr|&)$/i.test(w)).map((w) => w.charAt(0).toUpperCase()).join('');
      const acronyms = Object.entries(index.glossary).filter(([a, long]) => a.length >= 2 && long.split(/\s+/).length >= 2 && wordsWithin(long, name)).map(([a]) => a);
      councils.set(name, { words, forms: [...new Set([...(initials.length >= 3 ? [initials] : []), ...acronyms])] });
    }
    councilsOf.set(index, councils);
  }
  if (councils.size < 2) return named;
  const q = question.toLowerCase();
  for (const [council, { words, forms }] of councils) {
    if (words.some((w) => new RegExp(`\\b${w}\\b`).test(q)) || forms.some((a) => new RegExp(`\\b${a}('?s)?\\b`).test(question))) named.add(council);
  }
  return named;
}

/** Whether a question asks for the newest information. */
export function asksForLatest(question: string): boolean {
  return LATEST_RE.test(question);
}

function matchesFilters(chunk: Chunk, f: SearchFilters): boolean {
  const p = chunk.place;
  const has = (value: string | null, wanted?: string): boolean => !wanted || (value ?? '').toLowerCase().includes(wanted.toLowerCase());
  if (!has(p.council, f.council) || !has(p.committee, f.committee) || !has(p.docType, f.docType) || !has(p.source, f.source)) return false;
  if (f.from && (!p.meetingDate || p.meetingDate < f.from)) return false;
  if (f.to && (!p.meetingDate || p.meetingDate > f.to)) return false;
  return true;
}

/** A passage in a document published on its own, not reprinted in a pack (old indexes: an untyped document). */
function isOriginal(chunk: Chunk): boolean {
  return chunk.reprint === undefined ? chunk.place.docType === 'document' : !chunk.reprint;
}

/**
 * Hybrid search: HNSW vectors and BM25 keywords, fused by reciprocal rank. The query is expanded with
 * the corpus glossary; a passage reprinted in several packs is shown once.
 */
export async function search(index: LoadedIndex, question: string, options: SearchOptions = {}): Promise<SearchHit[]> {
  const k = options.k ?? 10;
  const query = expandQuery(question, index.glossary);
  const filters = options.filters;
  const allow = filters && Object.values(filters).some(Boolean) ? (label: number) => matchesFilters(index.chunks[label]!, filters) : undefined;
  const qv = await index.embedder.embedQuery(query);
  const byVector = index.vectors.search(qv, CANDIDATES, allow);
  const byKeyword = index.keyword.search(query, CANDIDATES, allow);
  const fused = new Map<number, SearchHit>();
  const hitFor = (label: number): SearchHit => {
    let hit = fused.get(label);
    if (!hit) {
      hit = { chunk: index.chunks[label]!, label, score: 0, vectorRank: null, keywordRank: null };
      fused.set(label, hit);
    }
    return hit;
  };
  byVector.forEach((r, rank) => {
    const hit = hitFor(r.label);
    hit.vectorRank = rank;
    hit.score += 1 / (RRF_K + rank);
  });
  byKeyword.forEach((r, rank) => {
    const hit = hitFor(r.label);
    hit.keywordRank = rank;
    hit.score += 1 / (RRF_K + rank);
  });
  const latest = options.preferRecent ?? asksForLatest(question);
  const scope = readScope(index, question, councilsNamed(index, question));
  // A third and fourth ranking: the same search inside the question's scope (its council, committee,
  // meeting; their minutes for "what was decided"), fused like the others.
  const lane = scopeLane(scope);
  if (lane) {
    const allowLane = (label: number): boolean => (allow ? allow(label) : true) && lane(index.chunks[label]!);
    for (const list of [index.vectors.search(qv, CANDIDATES, allowLane), index.keyword.search(query, CANDIDATES, allowLane)]) {
      list.forEach((r, rank) => (hitFor(r.label).score += SCOPE_WEIGHTS.lane / (RRF_K + rank)));
    }
  }
  let hits = [...fused.values()];
  if (latest) {
    // The newest meeting's passages gain most, the next newest less; undated passages nothing.
    const dates = [...new Set(hits.map((h) => h.chunk.place.meetingDate).filter((d): d is string => Boolean(d)))].sort().reverse();
    for (const h of hits) {
      const d = h.chunk.place.meetingDate;
      if (d) h.score *= 1 + SCOPE_WEIGHTS.newest / (1 + dates.indexOf(d));
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
    if (isOriginal(h.chunk) && !isOriginal(kept.chunk)) {
      kept.chunk = h.chunk;
      kept.label = h.label;
    }
    return false;
  });
  return hits.slice(0, k);
}
