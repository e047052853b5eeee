import { buildIndex, type BuildOptions, type BuildReport } from '../index/build-index.js';
import { syncPapers, type SyncOptions, type SyncSummary } from './sync-papers.js';

/**
 * One sync, then the index brought up to date from the corpus folder. The index is only rebuilt
 * once the sync has committed, and is swapped in atomically, so a failed sync leaves it as it was.
 */
export async function syncAndIndex(sync: SyncOptions, build: Omit<BuildOptions, 'rebuild'>): Promise<{ summary: SyncSummary; build: BuildReport }> {
  const summary = await syncPapers(sync);
  const report = await buildIndex({ ...build, corpusDir: sync.corpusDir });
  return { summary, build: report };
}
