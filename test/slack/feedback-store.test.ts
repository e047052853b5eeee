import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createJsonlFeedbackStore, readFeedback, type FeedbackRecord } from '../../src/feedback/feedback-store.js';
import { tempDir } from '../helpers/temp-dir.js';

const record = (i: number): FeedbackRecord => ({
  id: `f${i}`,
  at: '2026-01-05T10:00:00.000Z',
  event: 'rating',
  rating: i % 2 ? 'up' : 'down',
  comment: null,
  answerId: `a${i}`,
  kind: 'answer',
  question: `Question ${i} with "quotes" and a newline\nin it`,
  answer: 'x'.repeat(5_000 + i),
  citations: [{ n: 1, chunkId: 'pack.txt#3', source: 'pack.txt', council: null, committee: null, meetingDate: null, itemNumber: null, page: null, paragraph: null, quote: 'q' }],
  answerFrom: 'cache',
  userId: 'U1',
  teamId: 'T1',
  channelId: 'C1',
});

describe('JSON Lines feedback store', () => {
  const dir = tempDir();

  it('appends one whole line per record, even when two stores write at once', async () => {
    const file = join(dir, 'nested', 'feedback.jsonl');
    const a = createJsonlFeedbackStore(file);
    const b = createJsonlFeedbackStore(file);
    await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 ? a : b).append(record(i))));
    const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
    expect(lines).toHaveLength(40);
    const read = await readFeedback(file);
    expect(read.map((r) => r.id).sort()).toEqual(Array.from({ length: 40 }, (_, i) => `f${i}`).sort());
    expect(read.find((r) => r.id === 'f3')).toEqual(record(3));
  });

  it('skips a torn last line and rejects a malformed record', async () => {
    const file = join(dir, 'torn.jsonl');
    await createJsonlFeedbackStore(file).append(record(1));
    appendFileSync(file, '{"id":"half');
    expect((await readFeedback(file)).map((r) => r.id)).toEqual(['f1']);
    await expect(createJsonlFeedbackStore(file).append({ ...record(2), rating: 'meh' } as unknown as FeedbackRecord)).rejects.toThrow();
    expect(await readFeedback(join(dir, 'missing.jsonl'))).toEqual([]);
  });
});
