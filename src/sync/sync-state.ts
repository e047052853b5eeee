import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';

/** The sync's memory, in the corpus folder (hidden, so ingest never reads it). ModernGov sends no ETag. */
export const SYNC_STATE_FILE = '.moderngov-sync.json';

const SiteStateSchema = z.object({
  /** Attachments held: their publication date and file, so an unchanged one is never fetched again. */
  attachments: z.record(z.string(), z.object({ publishedAt: z.string().nullable(), fileName: z.string() })).default({}),
  /** Inline minutes written, by meeting: a hash of their text, so unchanged minutes are not rewritten. */
  minutes: z.record(z.string(), z.object({ hash: z.string(), fileName: z.string() })).default({}),
  /** Meetings read: when, so that long-past meetings are not read again. */
  meetings: z.record(z.string(), z.object({ date: z.string().nullable(), readAt: z.string() })).default({}),
});
export type SiteState = z.infer<typeof SiteStateSchema>;

export const SyncStateSchema = z.object({
  version: z.literal(1),
  sites: z.record(z.string(), SiteStateSchema).default({}),
});
export type SyncState = z.infer<typeof SyncStateSchema>;

export function emptySiteState(): SiteState {
  return { attachments: {}, minutes: {}, meetings: {} };
}

/** The state of a corpus folder; empty when there is none yet or it cannot be read (everything is then checked again). */
export async function readSyncState(corpusDir: string): Promise<SyncState> {
  try {
    return SyncStateSchema.parse(JSON.parse(await readFile(join(corpusDir, SYNC_STATE_FILE), 'utf8')));
  } catch {
    return { version: 1, sites: {} };
  }
}

/** Writes a JSON file by writing a temporary file and renaming it over the old one. */
export async function writeJsonAtomically(path: string, value: unknown): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, JSON.stringify(value, null, 2));
  await rename(tmp, path);
}

export function writeSyncState(corpusDir: string, state: SyncState): Promise<void> {
  return writeJsonAtomically(join(corpusDir, SYNC_STATE_FILE), state);
}
