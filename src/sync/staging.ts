import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { metaFileName, type PaperMeta } from './paper-meta.js';
import { writeJsonAtomically, writeSyncState, SyncStateSchema, type SyncState } from './sync-state.js';

/** Downloads wait here (hidden, so ingest never sees them) until the whole sync has succeeded. */
export const STAGING_DIR = '.sync-staging';
const STAGED = 'staged.json';
const JOURNAL = 'commit.json';

const StagedSchema = z.record(z.string(), z.object({ attachmentId: z.string().nullable(), publishedAt: z.string().nullable() }));
type Staged = z.infer<typeof StagedSchema>;

const JournalSchema = z.object({ move: z.array(z.string()), remove: z.array(z.string()), state: SyncStateSchema });

const exists = (path: string): Promise<boolean> => stat(path).then(() => true, () => false);

/**
 * The staging folder of a corpus. Papers are written here with their sidecars; `commit` moves them
 * into the corpus under a journal, so a crash part-way is finished by the next sync, and a sync that
 * fails before committing leaves the corpus as it was (its downloads are kept for the next run).
 */
export class Staging {
  private staged: Staged = {};
  readonly dir: string;

  private constructor(readonly corpusDir: string) {
    this.dir = join(corpusDir, STAGING_DIR);
  }

  /** Opens the staging folder, first finishing a commit that an earlier sync did not complete. */
  static async open(corpusDir: string): Promise<Staging> {
    const staging = new Staging(corpusDir);
    await mkdir(staging.dir, { recursive: true });
    try {
      staging.staged = StagedSchema.parse(JSON.parse(await readFile(join(staging.dir, STAGED), 'utf8')));
    } catch {
      staging.staged = {};
    }
    await staging.finishJournal();
    return staging;
  }

  /** Whether an earlier, unfinished sync already downloaded this version of an attachment. */
  async has(fileName: string, attachmentId: string | null, publishedAt: string | null): Promise<boolean> {
    const s = this.staged[fileName];
    return Boolean(s && s.attachmentId === attachmentId && s.publishedAt === publishedAt && (await exists(join(this.dir, fileName))) && (await exists(join(this.dir, metaFileName(fileName)))));
  }

  /** Writes a paper and then its sidecar into staging. */
  async put(fileName: string, content: Buffer | string, meta: PaperMeta): Promise<void> {
    await writeFile(join(this.dir, fileName), content);
    await writeFile(join(this.dir, metaFileName(fileName)), JSON.stringify(meta, null, 2));
    this.staged[fileName] = { attachmentId: meta.attachmentId, publishedAt: meta.publishedAt };
    await writeJsonAtomically(join(this.dir, STAGED), this.staged);
  }

  /** Moves the papers into the corpus, removes replaced ones, and saves the new sync state, as one journalled step. */
  async commit(move: string[], remove: string[], state: SyncState): Promise<void> {
    await writeJsonAtomically(join(this.dir, JOURNAL), { move, remove, state });
    await this.finishJournal();
  }

  private async finishJournal(): Promise<void> {
    let journal: z.infer<typeof JournalSchema>;
    try {
      journal = JournalSchema.parse(JSON.parse(await readFile(join(this.dir, JOURNAL), 'utf8')));
    } catch {
      return;
    }
    for (const name of journal.move) {
      for (const file of [name, metaFileName(name)]) {
        // Already moved by the run that crashed: nothing to do.
        if (await exists(join(this.dir, file))) await rename(join(this.dir, file), join(this.corpusDir, file));
      }
      delete this.staged[name];
    }
    for (const name of journal.remove) {
      if (journal.move.includes(name)) continue;
      await rm(join(this.corpusDir, name), { force: true });
      await rm(join(this.corpusDir, metaFileName(name)), { force: true });
    }
    await writeSyncState(this.corpusDir, journal.state);
    await writeJsonAtomically(join(this.dir, STAGED), this.staged);
    await rm(join(this.dir, JOURNAL), { force: true });
  }
}
