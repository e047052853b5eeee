import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { z } from 'zod';
import { AppError } from '../errors.js';
import { META_SUFFIX } from '../sync/paper-meta.js';

/** Bump when parsing or chunking changes: every file is then parsed again. */
export const PARSER_VERSION = 'parse-v23';
/**
 * 3: one segment file per corpus file, shared by versions (hard links); HNSW and keyword ids are stable
 * passage labels; the keyword index is one binary file of typed arrays (keyword.bin).
 * 4: the local embedder's vectors are searched exactly, from one block file per corpus file (p<label>.vec);
 * passages' texts in one append-only file (texts.bin), read when needed, not held in memory.
 */
export const FORMAT_VERSION = 4;

export const FileEntrySchema = z.object({
  name: z.string(),
  hash: z.string(),
  bytes: z.number(),
  status: z.enum(['indexed', 'skipped', 'kept-previous']),
  reason: z.string().nullable(),
  chunks: z.number(),
  /** The segment file (in segments/) holding the file's passages and records; absent for a skipped file. */
  segment: z.string().optional(),
  /** The label of the file's first passage; its passages have consecutive labels. */
  firstLabel: z.number().int().optional(),
  /** Where the file's passages' texts are in texts.bin: [start, bytes]. */
  texts: z.tuple([z.number().int(), z.number().int()]).optional(),
});
export type FileEntry = z.infer<typeof FileEntrySchema>;

export const ManifestSchema = z.object({
  formatVersion: z.literal(FORMAT_VERSION),
  parserVersion: z.string(),
  embedder: z.object({ id: z.string(), dims: z.number() }),
  /** How the vectors are searched: exactly, from one block file per corpus file ('exact'), or by an HNSW graph (hnsw.bin). */
  vectors: z.enum(['exact', 'hnsw']),
  /** Which record extractors (name@version) produced the records. */
  extractors: z.string().default(''),
  createdAt: z.string(),
  files: z.array(FileEntrySchema),
  chunkCount: z.number(),
  /** The next free passage label: labels are never reused, so a label names one passage for good. */
  nextLabel: z.number().int(),
});
export type Manifest = z.infer<typeof ManifestSchema>;

/**
 * Content hash of a file's bytes and of its metadata sidecar (`<file>.meta.json`, written by the
 * ModernGov sync) when it has one, so that a change of metadata re-indexes the file.
 */
export async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256').update(await readFile(path));
  const sidecar = await readFile(`${path}${META_SUFFIX}`).catch(() => null);
  if (sidecar) hash.update('\0meta\0').update(sidecar);
  return hash.digest('hex');
}

/**
 * The corpus files to index: regular, non-hidden files, sorted by name.
 * A missing folder is an AppError that names it and says how to set it.
 */
export async function listCorpus(corpusDir: string): Promise<string[]> {
  const entries = await readdir(corpusDir, { withFileTypes: true }).catch((cause: unknown) => {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') throw cause;
    const what = code === 'ENOENT' ? 'does not exist' : 'is not a folder';
    throw new AppError(
      'CORPUS_MISSING',
      `The corpus folder ${resolve(corpusDir)} ${what}. Set CORPUS_DIR in .env, or pass --corpus DIR, to the folder that holds the committee papers.`,
      { cause },
    );
  });
  return entries
    .filter((e) => e.isFile() && !e.name.startsWith('.') && !/^readme(\.md)?$/i.test(e.name) && !e.name.endsWith(META_SUFFIX))
    .map((e) => e.name)
    .sort();
}

/** Symbolic links in the corpus folder: never followed, so that only files inside the folder are read. */
export async function listCorpusLinks(corpusDir: string): Promise<string[]> {
  const entries = await readdir(corpusDir, { withFileTypes: true });
  return entries.filter((e) => e.isSymbolicLink() && !e.name.startsWith('.')).map((e) => e.name).sort();
}

/** Why a symbolic link in the corpus is skipped, in the words the ingest report shows. */
export const LINK_REASON = 'is a symbolic link; links are not followed, so that only files inside the corpus folder are read (copy the file in instead)';

const CURRENT = 'CURRENT';

/** The folder of the live index version, or null when none was ever completed. */
export async function currentVersionDir(indexDir: string): Promise<string | null> {
  try {
    const name = (await readFile(join(indexDir, CURRENT), 'utf8')).trim();
    return name ? join(indexDir, name) : null;
  } catch {
    return null;
  }
}

/** Marks a version folder while it is written (holds the writer's pid); removed just before CURRENT points at it. */
const WRITING = '.writing';

/** Whether `dir` is a version some live process is still writing. */
async function beingWritten(dir: string): Promise<boolean> {
  try {
    const pid = Number((await readFile(join(dir, WRITING), 'utf8')).trim());
    if (!Number.isInteger(pid) || pid <= 0) return false;
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes old versions and stray temporary files, never the version CURRENT points at (read again
 * now, not assumed) nor one another live process is still writing.
 */
export async function removeOldVersions(indexDir: string, keep: string): Promise<void> {
  const current = await currentVersionDir(indexDir);
  const live = new Set([keep, current ? basename(current) : keep]);
  for (const entry of await readdir(indexDir)) {
    if (live.has(entry)) continue;
    const path = join(indexDir, entry);
    if (entry.startsWith('v-') && !(await beingWritten(path))) await rm(path, { recursive: true, force: true });
    const tmp = /^CURRENT\.(\d+)\.[0-9a-f]+\.tmp$/.exec(entry) ?? /^CURRENT\.(\d+)\.tmp$/.exec(entry);
    if (tmp && Number(tmp[1]) !== process.pid) {
      let alive = false;
      try {
        process.kill(Number(tmp[1]), 0);
        alive = true;
      } catch (error) {
        alive = (error as NodeJS.ErrnoException).code === 'EPERM';
      }
      if (!alive) await rm(path, { force: true });
    }
  }
}

/**
 * Writes a new index version beside the live one, then points CURRENT at it with an atomic rename:
 * a crash at any moment leaves either the old or the new index, never a half-written one. Callers
 * hold the index lock (lockIndex), so that only one build writes at a time.
 */
export async function writeVersion(
  indexDir: string,
  files: Record<string, string | Buffer>,
  writeMore?: (dir: string) => Promise<void>,
): Promise<string> {
  await mkdir(indexDir, { recursive: true });
  const suffix = randomBytes(4).toString('hex');
  const name = `v-${Date.now()}-${process.pid}-${suffix}`;
  const dir = join(indexDir, name);
  await mkdir(dir);
  await writeFile(join(dir, WRITING), String(process.pid));
  for (const [file, content] of Object.entries(files)) await writeFile(join(dir, file), content);
  await writeMore?.(dir);
  await rm(join(dir, WRITING));
  const tmp = join(indexDir, `${CURRENT}.${process.pid}.${suffix}.tmp`);
  await writeFile(tmp, name);
  await rename(tmp, join(indexDir, CURRENT));
  await removeOldVersions(indexDir, name);
  return dir;
}

/** The signature of a set of extractors, recorded in the manifest. */
export function extractorSignature(extractors: ReadonlyArray<{ name: string; version?: string }>): string {
  return extractors.map((e) => `${e.name}@${e.version ?? '1'}`).join(',');
}
