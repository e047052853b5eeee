/** What de-duplication needs: whether a key is offered for the first time. */
export interface KeyMemory {
  /** May answer asynchronously (ids kept in a database shared by replicas). */
  firstTime(key: string): boolean | Promise<boolean>;
}

/**
 * Remembers keys (Slack event ids) for `ttlMs`, at most `max` of them, to answer each event once
 * however often Slack retries it. The clock is a parameter.
 */
export class RecentKeys implements KeyMemory {
  private readonly seenAt = new Map<string, number>();

  constructor(private readonly options: { max: number; ttlMs: number; now: () => Date }) {}

  /** True the first time a key is offered within the TTL; false for repeats. */
  firstTime(key: string): boolean {
    const nowMs = this.options.now().getTime();
    for (const [k, at] of this.seenAt) {
      if (nowMs - at < this.options.ttlMs && this.seenAt.size < this.options.max) break;
      this.seenAt.delete(k);
    }
    const at = this.seenAt.get(key);
    if (at !== undefined && nowMs - at < this.options.ttlMs) return false;
    this.seenAt.delete(key);
    this.seenAt.set(key, nowMs);
    return true;
  }

  /** Remembers a key first seen at `atMs` (restored from a file), oldest first. */
  remember(key: string, atMs: number): void {
    this.seenAt.delete(key);
    this.seenAt.set(key, atMs);
  }

  /** The keys still remembered, oldest first, with when each was seen. */
  entries(): Array<[string, number]> {
    const nowMs = this.options.now().getTime();
    return [...this.seenAt].filter(([, at]) => nowMs - at < this.options.ttlMs);
  }
}
