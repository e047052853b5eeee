import { mkdir, open, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';

/** A cited place as kept with feedback: enough to find the passage again, without the passage itself. */
export const FeedbackCitationSchema = z.object({
  n: z.number().int(),
  chunkId: z.string().nullable(),
  source: z.string().nullable(),
  council: z.string().nullable(),
  committee: z.string().nullable(),
  meetingDate: z.string().nullable(),
  itemNumber: z.string().nullable(),
  page: z.number().int().nullable(),
  paragraph: z.string().nullable(),
  quote: z.string().nullable(),
});
export type FeedbackCitation = z.infer<typeof FeedbackCitationSchema>;

/**
 * One line of the feedback file. `rating` is a 👍/👎 click; `comment` is the optional text a user
 * adds after 👎, linked to the rating by `answerId`.
 */
export const FeedbackRecordSchema = z.object({
  id: z.string(),
  at: z.string(),
  event: z.enum(['rating', 'comment']),
  rating: z.enum(['up', 'down']),
  comment: z.string().nullable(),
  answerId: z.string(),
  kind: z.string().nullable(),
  question: z.string().nullable(),
  answer: z.string().nullable(),
  citations: z.array(FeedbackCitationSchema),
  /** Where question, answer and citations came from: the in-memory answer cache or the Slack payload. */
  answerFrom: z.enum(['cache', 'payload']),
  userId: z.string().nullable(),
  teamId: z.string().nullable(),
  channelId: z.string().nullable(),
});
export type FeedbackRecord = z.infer<typeof FeedbackRecordSchema>;

/** Where 👍/👎 clicks go. Built in main.ts (or startSlack) and passed to the Slack app. */
export interface FeedbackStore {
  append(record: FeedbackRecord): Promise<void>;
}

/**
 * Feedback as JSON Lines: one record per line, appended with a single `write` on a file opened with
 * O_APPEND, so concurrent writers (even two processes) never interleave or truncate earlier lines, and
 * a crash loses at most the line being written. Appends from this process are also queued so that they
 * land in click order. JSON Lines needs no native module, opens in any editor or spreadsheet import,
 * and a reviewer can `grep` it; the volume (a few clicks a day per officer) needs nothing more.
 */
export function createJsonlFeedbackStore(file: string): FeedbackStore {
  let queue: Promise<void> = Promise.resolve();
  let madeDir = false;
  const write = async (line: Buffer): Promise<void> => {
    if (!madeDir) {
      await mkdir(dirname(file), { recursive: true });
      madeDir = true;
    }
    const handle = await open(file, 'a');
    try {
      const { bytesWritten } = await handle.write(line, 0, line.length);
      if (bytesWritten !== line.length) throw new Error(`short write to ${file}: ${bytesWritten} of ${line.length} bytes`);
    } finally {
      await handle.close();
    }
  };
  return {
    async append(record) {
      const line = Buffer.from(`${JSON.stringify(FeedbackRecordSchema.parse(record))}\n`, 'utf8');
      const done = queue.then(() => write(line));
      queue = done.catch(() => undefined);
      await done;
    },
  };
}

/** Reads a feedback file; lines that are not valid records (for example a torn last line) are skipped. */
export async function readFeedback(file: string): Promise<FeedbackRecord[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const records: FeedbackRecord[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      const parsed = FeedbackRecordSchema.safeParse(JSON.parse(line));
      if (parsed.success) records.push(parsed.data);
    } catch {
      // A line cut short by a crash is not JSON; the records around it are still good.
    }
  }
  return records;
}

/** Feedback kept in memory, for tests and for running without a writable disk. */
export function createMemoryFeedbackStore(): FeedbackStore & { records: FeedbackRecord[] } {
  const records: FeedbackRecord[] = [];
  return {
    records,
    async append(record) {
      records.push(FeedbackRecordSchema.parse(record));
    },
  };
}
