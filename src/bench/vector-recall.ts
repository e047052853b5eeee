/**
 * HNSW recall@k against exact search: for each query, the share of the exact k nearest passages (by
 * cosine, over every stored vector) that the approximate index returns among its k.
 */
export function vectorRecall(
  vectors: readonly Float32Array[],
  approximate: (query: Float32Array, k: number) => ReadonlyArray<{ label: number }>,
  queries: readonly Float32Array[],
  k = 10,
): number {
  let found = 0;
  let wanted = 0;
  for (const q of queries) {
    const best: Array<{ label: number; score: number }> = [];
    vectors.forEach((v, label) => {
      let dot = 0;
      for (let i = 0; i < v.length; i++) dot += v[i]! * q[i]!;
      if (best.length < k || dot > best[best.length - 1]!.score) {
        best.push({ label, score: dot });
        best.sort((a, b) => b.score - a.score);
        if (best.length > k) best.pop();
      }
    });
    const got = new Set(approximate(q, k).map((r) => r.label));
    found += best.filter((b) => got.has(b.label)).length;
    wanted += best.length;
  }
  return wanted ? found / wanted : 1;
}
