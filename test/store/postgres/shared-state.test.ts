import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeedbackRecord } from '../../../src/feedback/feedback-store.js';
import type { Database } from '../../../src/store/postgres/database.js';
import { migrate } from '../../../src/store/postgres/migrate.js';
import { createPgFeedbackStore, readPgFeedback } from '../../../src/store/postgres/pg-feedback-store.js';
import { PgSeenEvents } from '../../../src/store/postgres/pg-seen-events.js';
import { testEngines } from '../../helpers/postgres-engines.js';

const HOUR = 60 * 60_000;

const rating = (id: string): FeedbackRecord => ({
  id,
  at: '2026-03-01T10:00:00.000Z',
  event: 'rating',
  rating: 'down',
  comment: null,
  answerId: 'answer-1',
  kind: 'answer',
  question: 'What was decided?',
  answer: 'Nothing.',
  citations: [],
  answerFrom: 'cache',
  userId: 'U1',
  teamId: 'T1',
  channelId: 'C1',
});

/** Two replicas on one database: each has its own PgSeenEvents and feedback store over the same tables. */
describe.each(testEngines())('state shared by replicas on $name', (engine) => {
  let db: Database;
  let clock = new Date('2026-03-01T10:00:00Z');
  const now = () => clock;

  beforeAll(async () => {
    db = await engine.open();
    await migrate(db);
  });
  afterAll(() => db.close());

  it('answers a Slack retry that lands on the other replica once', async () => {
    const [a, b] = [new PgSeenEvents(db, { ttlMs: HOUR, now }), new PgSeenEvents(db, { ttlMs: HOUR, now })];
    expect([await a.firstTime('event:Ev1'), await b.firstTime('event:Ev1')]).toEqual([true, false]);
  });

  it('decides once when both replicas see the same event at the same moment', async () => {
    const [a, b] = [new PgSeenEvents(db, { ttlMs: HOUR, now }), new PgSeenEvents(db, { ttlMs: HOUR, now })];
    const answers = await Promise.all([a.firstTime('event:Ev2'), b.firstTime('event:Ev2')]);
    expect(answers.filter(Boolean)).toHaveLength(1);
  });

  it('treats an event id seen longer ago than the TTL as new', async () => {
    const a = new PgSeenEvents(db, { ttlMs: HOUR, now });
    await a.firstTime('event:Ev3');
    clock = new Date(clock.getTime() + 2 * HOUR);
    expect(await new PgSeenEvents(db, { ttlMs: HOUR, now }).firstTime('event:Ev3')).toBe(true);
  });

  it('keeps the feedback of both replicas in one table, a retried click once', async () => {
    const [a, b] = [createPgFeedbackStore(db), createPgFeedbackStore(db)];
    await a.append(rating('f1'));
    await b.append(rating('f2'));
    await b.append(rating('f2'));
    expect((await readPgFeedback(db)).map((r) => r.id)).toEqual(['f1', 'f2']);
  });
});
