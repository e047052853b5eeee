import type { Sql } from './database.js';

export interface PgSeenEventsOptions {
  /** How long an event id is remembered (Slack retries within minutes). */
  ttlMs: number;
  now: () => Date;
}

/** Expired ids are deleted once every this many new ones, so the table stays small without a timer. */
const PRUNE_EVERY = 500;

/**
 * Slack event ids already answered, kept in the database that every replica shares: a retry that lands
 * on another replica is recognised there. One statement decides atomically: the insert wins for the
 * first replica only (or when the id was last seen longer than the TTL ago).
 */
export class PgSeenEvents {
  private inserted = 0;

  constructor(
    private readonly db: Sql,
    private readonly options: PgSeenEventsOptions,
  ) {}

  /** True the first time a key is offered within the TTL, on any replica; false for repeats. */
  async firstTime(key: string): Promise<boolean> {
    const now = this.options.now();
    const expired = new Date(now.getTime() - this.options.ttlMs);
    const rows = await this.db.query<{ key: string }>(
      `INSERT INTO seen_events (key, seen_at) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET seen_at = excluded.seen_at
       WHERE seen_events.seen_at <= $3 RETURNING key`,
      [key, now.toISOString(), expired.toISOString()],
    );
    if (rows.length && ++this.inserted % PRUNE_EVERY === 0) await this.db.query('DELETE FROM seen_events WHERE seen_at <= $1', [expired.toISOString()]);
    return rows.length > 0;
  }
}
