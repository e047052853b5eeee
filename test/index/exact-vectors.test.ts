import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/index/embedder.js';
import { ExactVectorStore } from '../../src/index/exact-vectors.js';

const DIMS = 32;

/** Deterministic unit vectors, most components zero (as the local embedder's are). */
function vectors(n: number, seed: number): Float32Array[] {
  let x = seed;
  const next = (): number => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32);
  return Array.from({ length: n }, () => normalize(Float32Array.from({ length: DIMS }, () => (next() < 0.4 ? next() * 2 - 1 : 0))));
}

/** The exact top k by float cosine, best first. */
function bruteForce(all: Array<{ label: number; v: Float32Array }>, q: Float32Array, k: number, allow: (label: number) => boolean = () => true): number[] {
  return all
    .filter((p) => allow(p.label))
    .map((p) => ({ label: p.label, score: p.v.reduce((s, x, d) => s + x * q[d]!, 0) }))
    .sort((a, b) => b.score - a.score)
    .slice(0, k)
    .map((p) => p.label);
}

describe('exact vector search', () => {
  // Two files' blocks under labels 0..39 and 100..159 (labels of removed files leave gaps).
  const a = vectors(40, 1);
  const b = vectors(60, 2);
  const store = new ExactVectorStore(DIMS, 100);
  store.addBlock(0, ExactVectorStore.encode(a, DIMS));
  store.addBlock(100, ExactVectorStore.encode(b, DIMS));
  const all = [...a.map((v, i) => ({ label: i, v })), ...b.map((v, i) => ({ label: 100 + i, v }))];
  const queries = vectors(20, 3);

  it('returns the same ten passages as exact float search, best first', () => {
    expect(queries.map((q) => store.search(q, 10).map((r) => r.label))).toEqual(queries.map((q) => bruteForce(all, q, 10)));
  });

  it('keeps to the passages a filter allows, also when the same question was just searched without it', () => {
    const even = (label: number): boolean => label % 2 === 0;
    expect(queries.map((q) => (store.search(q, 10), store.search(q, 5, even).map((r) => r.label)))).toEqual(queries.map((q) => bruteForce(all, q, 5, even)));
  });
});
