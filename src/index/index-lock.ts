import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { link, mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../errors.js';

/** How a build waits for another one on the same index folder. */
export const LOCK_TIMING = {
  /** A second build waits this long for the first before saying that another build is running. */
  waitMs: 10 * 60_000,
  /** How often it looks again. */
  pollMs: 250,
  /** A lock file with no readable holder (a crash while it was written) counts as stale after this long. */
  unreadableStaleMs: 30_000,
} as const;

export const LOCK_FILE = 'LOCK';

const HolderSchema = z.object({ pid: z.number().int(), host: z.string(), startedAt: z.string(), token: z.string() });
export type LockHolder = z.infer<typeof HolderSchema>;

/** Another build holds the index folder and did not finish within the wait. */
export class IndexLockedError extends AppError {
  constructor(readonly holder: LockHolder | null) {
    const who = holder ? ` (process ${holder.pid} on ${holder.host}, started ${holder.startedAt})` : '';
    super('INDEX_LOCKED', `Another build of this index is running${who}; try again when it has finished.`);
    this.name = 'IndexLockedError';
  }
}

/** Whether process `pid` is alive on this machine. */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readHolder(path: string): Promise<LockHolder | null> {
  try {
    const parsed = HolderSchema.safeParse(JSON.parse(await readFile(path, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Whether the lock at `path` belongs to nobody any more: its process is gone, or it was never written whole. */
async function isStale(path: string, holder: LockHolder | null, nowMs: number): Promise<boolean> {
  if (holder) return holder.host === hostname() && !processAlive(holder.pid);
  try {
    return nowMs - (await stat(path)).mtimeMs > LOCK_TIMING.unreadableStaleMs;
  } catch {
    return false;
  }
}

/**
 * Takes over a stale lock: renames it aside (only one contender can), checks that what was renamed is
 * the stale lock and not a live one taken meanwhile (if so, puts it back with an atomic link), removes it.
 */
async function breakStale(dir: string, path: string, stale: LockHolder | null): Promise<void> {
  const aside = join(dir, `${LOCK_FILE}.stale.${process.pid}.${Date.now()}`);
  try {
    await rename(path, aside);
  } catch {
    return;
  }
  const moved = await readHolder(aside);
  const same = moved === null ? stale === null : stale !== null && moved.token === stale.token;
  if (!same) await link(aside, path).catch(() => undefined);
  await rm(aside, { force: true });
}

export interface IndexLock {
  holder: LockHolder;
  release(): Promise<void>;
}

/**
 * An exclusive lock on an index folder for one build: a `LOCK` file, created only if none exists, holding the
 * builder's pid, host and start time. A lock whose process has died (kill -9, a crash) is detected
 * and taken over. A second build waits up to `waitMs` (calling `onWait` once), then throws
 * IndexLockedError, which tells the user another build is running.
 */
export async function lockIndex(indexDir: string, options: { waitMs?: number; onWait?: (holder: LockHolder | null) => void; now?: () => number } = {}): Promise<IndexLock> {
  const now = options.now ?? Date.now;
  await mkdir(indexDir, { recursive: true });
  const path = join(indexDir, LOCK_FILE);
  const holder: LockHolder = { pid: process.pid, host: hostname(), startedAt: new Date(now()).toISOString(), token: randomUUID() };
  const deadline = now() + (options.waitMs ?? LOCK_TIMING.waitMs);
  let told = false;
  for (;;) {
    // Written whole beside it, then linked into place: the link fails if a lock exists, and a lock is never seen half-written.
    const tmp = join(indexDir, `${LOCK_FILE}.${process.pid}.${holder.token}.tmp`);
    await writeFile(tmp, JSON.stringify(holder));
    try {
      await link(tmp, path);
      return { holder, release: () => releaseLock(path, holder) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      await rm(tmp, { force: true });
    }
    const current = await readHolder(path);
    if (await isStale(path, current, now())) {
      await breakStale(indexDir, path, current);
      continue;
    }
    if (now() >= deadline) throw new IndexLockedError(current);
    if (!told) {
      told = true;
      options.onWait?.(current);
    }
    await new Promise((resolve) => setTimeout(resolve, LOCK_TIMING.pollMs));
  }
}

/** Removes the lock if it is still ours. */
async function releaseLock(path: string, holder: LockHolder): Promise<void> {
  const current = await readHolder(path);
  if (current?.token === holder.token) await rm(path, { force: true });
}
