export type RateDecision = { allowed: true } | { allowed: false; retryAfterSec: number };

/**
 * A per-user sliding window: at most `limit` requests in any `windowMs`. Keeps at most `maxUsers`
 * users (the least recently seen are forgotten). The clock is a parameter.
 */
export class RateLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(private readonly options: { limit: number; windowMs: number; now: () => Date; maxUsers?: number }) {}

  take(userId: string): RateDecision {
    const nowMs = this.options.now().getTime();
    const recent = (this.hits.get(userId) ?? []).filter((t) => nowMs - t < this.options.windowMs);
    this.hits.delete(userId);
    if (recent.length >= this.options.limit) {
      this.hits.set(userId, recent);
      return { allowed: false, retryAfterSec: Math.max(1, Math.ceil((recent[0]! + this.options.windowMs - nowMs) / 1000)) };
    }
    recent.push(nowMs);
    this.hits.set(userId, recent);
    const maxUsers = this.options.maxUsers ?? 10_000;
    while (this.hits.size > maxUsers) this.hits.delete(this.hits.keys().next().value as string);
    return { allowed: true };
  }
}
