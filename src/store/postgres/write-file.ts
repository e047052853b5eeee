import type { Glossary } from '../../extract/mine-glossary.js';
import type { Chunk } from '../../parse/parse-document.js';
import type { StoredFileEntry } from '../../retrieve/passage-store.js';
import type { Database, Sql } from './database.js';
import { insertPassagesSql, passageColumns, vectorLiteral } from './passage-rows.js';

/** A corpus file's manifest entry as stored in `files`. */
export type FileRow = StoredFileEntry;

/** One file's passages (with their vectors, same order), records and glossary. */
export interface FileContents {
  entry: FileRow;
  chunks: readonly Chunk[];
  vectors: readonly Float32Array[];
  records: Record<string, unknown[]>;
  glossary: Glossary;
}

/** Serialises writers of one file (across processes), and all changes to the shared statistics. */
async function lockFile(tx: Sql, name: string): Promise<void> {
  await tx.query("SELECT pg_advisory_xact_lock(hashtextextended('committee-assistant:file:' || $1, 0))", [name]);
  // Every file write changes the shared statistics rows; one writer at a time updates them, so that two
  // writers never lock the same rows in different orders.
  await tx.query("SELECT pg_advisory_xact_lock(hashtextextended('committee-assistant:stats', 0))");
}

/** Takes a file's passages out of the statistics and deletes everything stored from it. */
async function dropFile(tx: Sql, name: string): Promise<void> {
  await tx.query(
    `WITH old AS (SELECT t, count(*)::int AS n FROM passages, unnest(terms) AS t WHERE source = $1 GROUP BY t)
     UPDATE term_stats s SET df = s.df - old.n FROM old WHERE s.term = old.t`,
    [name],
  );
  await tx.query(
    `WITH old AS (SELECT l, count(*)::int AS n FROM passages, unnest(tsvector_to_array(tsv)) AS l WHERE source = $1 GROUP BY l)
     UPDATE lexeme_stats s SET df = s.df - old.n FROM old WHERE s.lexeme = old.l`,
    [name],
  );
  await tx.query(
    'UPDATE store_meta SET passages = passages - (SELECT count(*) FROM passages WHERE source = $1), generation = generation + 1, updated_at = now()',
    [name],
  );
  // Passages, records and glossary go with the file (ON DELETE CASCADE).
  await tx.query('DELETE FROM files WHERE name = $1', [name]);
}

/** Adds a file's passages to the statistics. */
async function countFile(tx: Sql, name: string): Promise<void> {
  await tx.query(
    `INSERT INTO term_stats (term, df) SELECT t, count(*)::int FROM passages, unnest(terms) AS t WHERE source = $1 GROUP BY t
     ON CONFLICT (term) DO UPDATE SET df = term_stats.df + excluded.df`,
    [name],
  );
  await tx.query(
    `INSERT INTO lexeme_stats (lexeme, df) SELECT l, count(*)::int FROM passages, unnest(tsvector_to_array(tsv)) AS l WHERE source = $1 GROUP BY l
     ON CONFLICT (lexeme) DO UPDATE SET df = lexeme_stats.df + excluded.df`,
    [name],
  );
  await tx.query('UPDATE store_meta SET passages = passages + (SELECT count(*) FROM passages WHERE source = $1), updated_at = now()', [name]);
}

async function insertEntry(tx: Sql, entry: FileRow): Promise<void> {
  await tx.query('INSERT INTO files (name, hash, bytes, status, reason, chunks) VALUES ($1, $2, $3, $4, $5, $6)', [
    entry.name,
    entry.hash,
    entry.bytes,
    entry.status,
    entry.reason,
    entry.chunks,
  ]);
}

async function insertData(tx: Sql, name: string, records: Record<string, unknown[]>, glossary: Glossary): Promise<void> {
  const kinds: string[] = [];
  const ords: number[] = [];
  const data: string[] = [];
  for (const [kind, list] of Object.entries(records)) {
    list.forEach((record, i) => {
      kinds.push(kind);
      ords.push(i);
      data.push(JSON.stringify(record));
    });
  }
  if (data.length) {
    await tx.query('INSERT INTO records (source, kind, ord, data) SELECT $1, k, o, d::jsonb FROM unnest($2::text[], $3::int[], $4::text[]) AS x(k, o, d)', [
      name,
      kinds,
      ords,
      data,
    ]);
  }
  await tx.query('INSERT INTO glossary (source, data) VALUES ($1, $2::jsonb)', [name, JSON.stringify(glossary)]);
}

/**
 * Replaces one file (its entry, passages, vectors, records, glossary and its share of the statistics)
 * in one transaction under the file's advisory lock: readers see the old file or the new one, never
 * half of either, and a crash leaves the old one.
 */
export async function replaceFile(db: Database, file: FileContents, withVectors: boolean): Promise<void> {
  if (withVectors && file.vectors.length !== file.chunks.length) throw new Error(`replaceFile: ${file.entry.name} has ${file.chunks.length} passages but ${file.vectors.length} vectors`);
  return db.transaction(async (tx) => {
    await lockFile(tx, file.entry.name);
    await dropFile(tx, file.entry.name);
    await insertEntry(tx, file.entry);
    if (file.entry.status === 'skipped') return;
    const params = [file.entry.name, ...passageColumns(file.chunks)];
    if (withVectors) params.push(file.vectors.map(vectorLiteral));
    if (file.chunks.length) await tx.query(insertPassagesSql(withVectors), params);
    await insertData(tx, file.entry.name, file.records, file.glossary);
    await countFile(tx, file.entry.name);
  });
}

/** Keeps a file's passages, replacing its manifest entry and, when given, its records. */
export async function updateFile(db: Database, name: string, entry: FileRow, records?: Record<string, unknown[]>): Promise<void> {
  await db.transaction(async (tx) => {
    await lockFile(tx, name);
    await tx.query('UPDATE files SET hash = $2, bytes = $3, status = $4, reason = $5, chunks = $6, updated_at = now() WHERE name = $1', [
      name,
      entry.hash,
      entry.bytes,
      entry.status,
      entry.reason,
      entry.chunks,
    ]);
    if (records) {
      await tx.query('DELETE FROM records WHERE source = $1', [name]);
      const glossary = await tx.query<{ data: Glossary }>('SELECT data FROM glossary WHERE source = $1', [name]);
      await tx.query('DELETE FROM glossary WHERE source = $1', [name]);
      await insertData(tx, name, records, glossary[0]?.data ?? {});
    }
    await tx.query('UPDATE store_meta SET generation = generation + 1, updated_at = now()');
  });
}

/** Removes a file and everything stored from it, in one transaction. */
export async function removeFile(db: Database, name: string): Promise<void> {
  await db.transaction(async (tx) => {
    await lockFile(tx, name);
    await dropFile(tx, name);
  });
}

/** The files manifest, by name. */
export async function listFiles(db: Sql): Promise<FileRow[]> {
  const rows = await db.query<FileRow & { bytes: string | number }>('SELECT name, hash, bytes, status, reason, chunks FROM files ORDER BY name COLLATE "C"');
  return rows.map((r) => ({ ...r, bytes: Number(r.bytes) }));
}
