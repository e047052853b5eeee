import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { META_SUFFIX } from '../sync/paper-meta.js';

/** Bump when parsing or chunking changes: every file is then parsed again. */
export const PARSER_VERSION = 'parse-v12';
export const FORMAT_VERSION = 1;

export const FileEntrySchema = z.object({
  name: z.string(),
  hash: z.string(),
  bytes: z.number(),
  status: z.enum(['indexed', 'skipped', 'kept-previous']),
  reason: z.string().nullable(),
  chunks: z.number(),
});
export type FileEntry = z.infer<typeof FileEntrySchema>;

export const ManifestSchema = z.object({
  formatVersion: z.literal(FORMAT_VERSION),
  parserVersion: z.string(),
  embedder: z.object({ id: z.string(), dims: z.number() }),
  /** Which record extractors (name@version) produced the records. */
  extractors: z.string().default(''),
  createdAt: z.string(),
  files: z.array(FileEntrySchema),
  chunkCount: z.number(),
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

/** The corpus files to index: regular, non-hidden files, sorted by name. */
export async function listCorpus(corpusDir: string): Promise<string[]> {
  const entries = await readdir(corpusDir, { withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && !e.name.startsWith('.') && !/^readme(\.md)?$/i.test(e.name) && !e.name.endsWith(META_SUFFIX))
    .map((e) => e.name)
    .sort();
}

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

/**
 * Writes a new index version beside the live one, then points CURRENT at it with an atomic rename:
 * a crash at any moment leaves either the old or the new index, never a half-written one.
 */
export async function writeVersion(
  indexDir: string,
  files: Record<string, string | Buffer>,
  writeMore?: (dir: string) => Promise<void>,
): Promise<string> {
  await mkdir(indexDir, { recursive: true });
  const name = `v-${Date.now()}-${process.pid}`;
  const dir = join(indexDir, name);
  await mkdir(dir);
  for (const [file, content] of Object.entries(files)) await writeFile(join(dir, file), content);
  await writeMore?.(dir);
  const tmp = join(indexDir, `${CURRENT}.${process.pid}.tmp`);
  await writeFile(tmp, name);
  await rename(tmp, join(indexDir, CURRENT));
  for (const entry of await readdir(indexDir)) {
    if (entry !== name && (entry.startsWith('v-') || entry.endsWith('.tmp'))) await rm(join(indexDir, entry), { recursive: true, force: true });
  }
  return dir;
}

/** Float32 vectors to one buffer and back. */
export function packVectors(vectors: readonly Float32Array[], dims: number): Buffer {
  const buf = Buffer.alloc(vectors.length * dims * 4);
  vectors.forEach((v, i) => Buffer.from(v.buffer, v.byteOffset, v.byteLength).copy(buf, i * dims * 4));
  return buf;
}

export function unpackVectors(buf: Buffer, dims: number): Float32Array[] {
  const out: Float32Array[] = [];
  const copy = new Float32Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
  for (let i = 0; i * dims < copy.length; i++) out.push(copy.subarray(i * dims, (i + 1) * dims));
  return out;
}

/** The signature of a set of extractors, recorded in the manifest. */
export function extractorSignature(extractors: ReadonlyArray<{ name: string; version?: string }>): string {
  return extractors.map((e) => `${e.name}@${e.version ?? '1'}`).join(',');
}
