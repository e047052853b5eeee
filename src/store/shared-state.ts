import { databaseConfig, type Config } from '../config.js';
import type { FeedbackStore } from '../feedback/feedback-store.js';
import { migrate } from './postgres/migrate.js';
import { shareDatabase } from './postgres/open-database.js';
import { createPgFeedbackStore } from './postgres/pg-feedback-store.js';
import { PgSeenEvents } from './postgres/pg-seen-events.js';

/** State the Slack app shares between replicas: answered event ids and feedback. */
export interface SharedState {
  feedback: FeedbackStore;
  seenEvents: { firstTime(key: string): Promise<boolean> };
  close(): Promise<void>;
}

/** How long an answered event id is remembered: Slack's retries come within minutes. */
const SEEN_EVENTS_TTL_MS = 60 * 60_000;

/**
 * With STORE=postgres, event de-duplication and feedback live in the database, so that a Slack retry
 * landing on another replica is answered once and every replica's feedback is in one place; null for
 * the embedded store (files under data/, as before).
 */
export async function openSharedState(config: Config, now: () => Date = () => new Date()): Promise<SharedState | null> {
  const database = databaseConfig(config);
  if (!database) return null;
  const db = await shareDatabase(database.url, database.pool);
  await migrate(db);
  return {
    feedback: createPgFeedbackStore(db),
    seenEvents: new PgSeenEvents(db, { ttlMs: SEEN_EVENTS_TTL_MS, now }),
    close: () => db.close(),
  };
}
