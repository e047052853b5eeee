import { LruMap } from './lru-map.js';

/**
 * The questions asked so far in each Slack thread (channel + thread ts), so that a follow-up is read
 * with its context. Bounded: `maxThreads` threads, the last `maxQuestions` questions of each.
 */
export class ThreadMemory {
  private readonly threads: LruMap<string, string[]>;

  constructor(private readonly options: { maxThreads: number; maxQuestions: number }) {
    this.threads = new LruMap(options.maxThreads);
  }

  static key(channelId: string, threadTs: string): string {
    return `${channelId}:${threadTs}`;
  }

  /** Earlier questions in the thread, oldest first. */
  history(key: string): string[] {
    return [...(this.threads.get(key) ?? [])];
  }

  add(key: string, question: string): void {
    this.threads.set(key, [...(this.threads.get(key) ?? []), question].slice(-this.options.maxQuestions));
  }
}
