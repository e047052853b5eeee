import { FeedbackRecordSchema, type FeedbackRecord, type FeedbackStore } from '../../feedback/feedback-store.js';
import type { Sql } from './database.js';

/** 👍/👎 feedback in the database every replica shares; a record appended twice (a retried click) is kept once. */
export function createPgFeedbackStore(db: Sql): FeedbackStore {
  return {
    async append(record) {
      const r = FeedbackRecordSchema.parse(record);
      await db.query('INSERT INTO feedback (id, at, answer_id, record) VALUES ($1, $2, $3, $4::jsonb) ON CONFLICT (id) DO NOTHING', [
        r.id,
        r.at,
        r.answerId,
        JSON.stringify(r),
      ]);
    },
  };
}

/** Every feedback record, oldest first. */
export async function readPgFeedback(db: Sql): Promise<FeedbackRecord[]> {
  const rows = await db.query<{ record: unknown }>('SELECT record FROM feedback ORDER BY at, id');
  return rows.flatMap((r) => {
    const parsed = FeedbackRecordSchema.safeParse(r.record);
    return parsed.success ? [parsed.data] : [];
  });
}
