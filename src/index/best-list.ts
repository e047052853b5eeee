/**
 * The best k (label, score) pairs seen, best first; equal scores in the order they were seen (as a stable
 * sort of everything would give). A binary heap with the worst kept at the top.
 */
export class BestList {
  private readonly heap: Array<{ label: number; score: number; order: number }> = [];

  constructor(private readonly k: number) {}

  /** Whether a passage of this score would enter the list (before its filter is asked). */
  admits(score: number): boolean {
    return this.k > 0 && (this.heap.length < this.k || score > this.heap[0]!.score);
  }

  /** a is worse than b: lower score, or the same score seen later. */
  private static worse(a: { score: number; order: number }, b: { score: number; order: number }): boolean {
    return a.score < b.score || (a.score === b.score && a.order > b.order);
  }

  add(label: number, score: number, order: number): void {
    const heap = this.heap;
    const item = { label, score, order };
    if (heap.length < this.k) {
      let i = heap.push(item) - 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!BestList.worse(heap[i]!, heap[parent]!)) break;
        [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
        i = parent;
      }
      return;
    }
    heap[0] = item;
    for (let i = 0; ; ) {
      const l = 2 * i + 1;
      const r = l + 1;
      let worst = i;
      if (l < heap.length && BestList.worse(heap[l]!, heap[worst]!)) worst = l;
      if (r < heap.length && BestList.worse(heap[r]!, heap[worst]!)) worst = r;
      if (worst === i) break;
      [heap[i], heap[worst]] = [heap[worst]!, heap[i]!];
      i = worst;
    }
  }

  sorted(): Array<{ label: number; score: number }> {
    return [...this.heap].sort((a, b) => b.score - a.score || a.order - b.order).map(({ label, score }) => ({ label, score }));
  }
}
