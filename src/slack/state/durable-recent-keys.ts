import { appendFileSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Logger } from '../../logger.js';
import { RecentKeys, type KeyMemory } from './recent-keys.js';

export interface DurableRecentKeysOptions {
  /** A small JSON Lines file (under data/) with the recent keys and when each was seen. */
  file: string;
  max: number;
  ttlMs: number;
  now: () => Date;
  logger: Logger;
}

/**
 * Recent keys (Slack event ids) that survive a restart, so that a retry arriving after one is still
 * recognised. Each new key is appended to the file as one line in the same tick it is first seen;
 * at start-up the file is read back (expired keys dropped) and rewritten compactly, and again when
 * it has grown to twice the keys kept. A file that cannot be written is logged once and the keys are
 * kept in memory: de-duplication never stops the app from answering.
 */
export class DurableRecentKeys implements KeyMemory {
  private readonly memory: RecentKeys;
  private appended = 0;
  private failed = false;

  constructor(private readonly options: DurableRecentKeysOptions) {
    this.memory = new RecentKeys(options);
    const kept = this.read();
    for (const [key, at] of kept) this.memory.remember(key, at);
    if (kept.length) this.compact();
  }

  firstTime(key: string): boolean {
    const fresh = this.memory.firstTime(key);
    if (!fresh) return false;
    this.write(() => appendFileSync(this.options.file, `${JSON.stringify({ k: key, at: this.options.now().getTime() })}\n`));
    if (++this.appended > this.options.max) this.compact();
    return true;
  }

  private read(): Array<[string, number]> {
    let text: string;
    try {
      text = readFileSync(this.options.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') this.options.logger.warn({ err: error, file: this.options.file }, 'seen-events file unreadable; starting empty');
      return [];
    }
    const nowMs = this.options.now().getTime();
    const out: Array<[string, number]> = [];
    for (const line of text.split('\n')) {
      try {
        const entry = JSON.parse(line) as { k?: unknown; at?: unknown };
        if (typeof entry.k === 'string' && typeof entry.at === 'number' && nowMs - entry.at < this.options.ttlMs) out.push([entry.k, entry.at]);
      } catch {
        // A line cut short by a crash; the others still count.
      }
    }
    return out.sort((a, b) => a[1] - b[1]);
  }

  /** Rewrites the file with only the keys still remembered (written beside it, then renamed over it). */
  private compact(): void {
    const lines = this.memory.entries().map(([k, at]) => `${JSON.stringify({ k, at })}\n`).join('');
    const tmp = `${this.options.file}.${process.pid}.tmp`;
    this.write(() => {
      writeFileSync(tmp, lines);
      renameSync(tmp, this.options.file);
    });
    this.appended = 0;
  }

  private write(action: () => void): void {
    try {
      mkdirSync(dirname(this.options.file), { recursive: true });
      action();
    } catch (error) {
      if (!this.failed) this.options.logger.warn({ err: error, file: this.options.file }, 'seen-events file not writable; event ids kept in memory only');
      this.failed = true;
    }
  }
}
