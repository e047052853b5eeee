import type { BuildOptions } from '../index/build-index.js';
import type { PassageStore } from '../retrieve/passage-store.js';
import { openStore } from '../store/open-store.js';
import type { Logger } from '../logger.js';
import { userMessageOf } from '../errors.js';
import { syncAndIndex } from './sync-and-index.js';
import type { MeetingNews } from './sync-papers.js';
import type { SyncRequest } from './sync-request.js';

export interface BackgroundSyncOptions {
  request: SyncRequest;
  build: Omit<BuildOptions, 'rebuild'>;
  intervalMs: number;
  pauseMs: number;
  logger: Logger;
  now: () => Date;
  /** Puts a freshly built index into service. */
  swap: (store: PassageStore) => void;
  /** Tells people about meetings with new papers (Slack), when configured. */
  announce?: (news: readonly MeetingNews[]) => Promise<unknown>;
}

export interface BackgroundSync {
  /** One sync now (the timer's runs call this too); never throws, never overlaps another run. */
  runOnce(): Promise<void>;
  stop(): void;
}

/**
 * Syncs on an interval while the app runs: each sync that changes the index loads it and swaps it
 * in; a failed sync is logged and the app keeps serving the index it has.
 */
export function startBackgroundSync(options: BackgroundSyncOptions): BackgroundSync {
  const { logger } = options;
  let running: Promise<void> | null = null;
  let servedIndex: string | null = null;
  const once = async (): Promise<void> => {
    try {
      const { summary, build } = await syncAndIndex(
        { ...options.request, corpusDir: options.build.corpusDir, now: options.now(), logger, http: { pauseMs: options.pauseMs } },
        options.build,
      );
      // buildIndex writes a new version only when something changed; then that version goes into service.
      if (build.indexPath !== servedIndex) {
        options.swap(await openStore({ store: options.build.store, indexDir: options.build.indexDir, embedder: options.build.embedder, database: options.build.database }));
        servedIndex = build.indexPath;
      }
      if (summary.news.length && options.announce) await options.announce(summary.news);
      logger.info({ site: summary.site, fetched: summary.documentsFetched, meetingsWithNewPapers: summary.news.length, chunks: build.chunks }, 'background sync done');
    } catch (error) {
      logger.warn({ err: error, userMessage: userMessageOf(error) }, 'background sync failed; the current index stays in service');
    }
  };
  const runOnce = (): Promise<void> => {
    running ??= once().finally(() => {
      running = null;
    });
    return running;
  };
  const timer = setInterval(() => void runOnce(), options.intervalMs);
  timer.unref();
  return { runOnce, stop: () => clearInterval(timer) };
}
