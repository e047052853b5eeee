import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildIndex, type BuildOptions } from '../../../src/index/build-index.js';
import type { PassageStore } from '../../../src/retrieve/passage-store.js';
import { openStore } from '../../../src/store/open-store.js';
import type { Database } from '../../../src/store/postgres/database.js';
import { shareDatabase } from '../../../src/store/postgres/open-database.js';
import { fakeEmbedder } from '../../helpers/postgres-engines.js';
import { memoryLogger } from '../../helpers/silent-logger.js';
import { tempDir } from '../../helpers/temp-dir.js';

const paper = (title: string, topic: string, n: number): string =>
  `${title}\n\n${Array.from({ length: n }, (_, i) => `${i + 1}. ${topic} paragraph ${i + 1}\n\n${`The ${topic} budget for the parking and housing programme was reviewed by members in session ${i + 1}. `.repeat(8)}`).join('\n\n')}\n`;

function corpus(dir: string, files: Record<string, string>): string {
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** Files whose passage count differs from what their manifest entry says (a half-written file). */
const HALF_FILES = `SELECT f.name FROM files f LEFT JOIN passages p ON p.source = f.name WHERE f.status = 'indexed'
  GROUP BY f.name, f.chunks HAVING count(p.id) <> f.chunks`;

/** Everything an ingest leaves, vectors included, in a comparable form. */
async function contents(db: Database): Promise<unknown[]> {
  return Promise.all([
    db.query('SELECT name, hash, status, chunks FROM files ORDER BY name'),
    db.query('SELECT id, source, ord, text, place, embedding::text AS embedding FROM passages ORDER BY id'),
    db.query('SELECT source, kind, ord, data FROM records ORDER BY source, kind, ord'),
    db.query('SELECT term, df FROM term_stats WHERE df > 0 ORDER BY term'),
    db.query('SELECT lexeme, df FROM lexeme_stats WHERE df > 0 ORDER BY lexeme'),
    db.query('SELECT passages FROM store_meta'),
  ]);
}

/**
 * Two ingests of overlapping corpora into one database at once (as two machines would run them: each
 * with its own index folder, so only the database's locks keep them apart), with a reader answering
 * throughout; then the same database rebuilt from the corpus of the ingest that finished last.
 */
describe('two concurrent ingests into PostgreSQL (PGlite) with a reader answering', () => {
  const dir = tempDir();
  const url = `pglite:${join(dir, 'db')}`;
  const readerErrors: unknown[] = [];
  const halfFiles: string[] = [];
  let answered = 0;
  let afterBoth: unknown[] = [];
  let afterSingle: unknown[] = [];

  beforeAll(async () => {
    const { logger } = memoryLogger();
    const base = { logger, embedder: fakeEmbedder, store: 'postgres' as const, database: { url } };
    const shared = { 'b.txt': paper('Housing report', 'housing', 4), 'c.txt': paper('Parking report', 'parking', 3) };
    const first = corpus(join(dir, 'first'), { 'a.txt': paper('Library report', 'library', 3), ...shared });
    const left = corpus(join(dir, 'left'), { 'a.txt': paper('Library report, revised', 'library', 5), ...shared });
    const right = corpus(join(dir, 'right'), { ...shared, 'c.txt': paper('Parking report, revised', 'parking', 6), 'd.txt': paper('Flood report', 'flood', 2) });
    const ingest = (corpusDir: string, name: string): Promise<unknown> => buildIndex({ ...base, corpusDir, indexDir: join(dir, `index-${name}`) } as BuildOptions);
    await ingest(first, 'first');
    const db = await shareDatabase(url);
    const store: PassageStore = await openStore({ store: 'postgres', indexDir: join(dir, 'unused'), embedder: fakeEmbedder, database: { url } });
    let running = true;
    const reader = (async () => {
      while (running) {
        try {
          await store.search('parking budget reviewed', { k: 5 });
          answered++;
          for (const r of await db.query<{ name: string }>(HALF_FILES)) halfFiles.push(r.name);
        } catch (error) {
          readerErrors.push(error);
        }
        // A question every few milliseconds, not a busy loop that starves the single PGlite connection.
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();
    const order: string[] = [];
    await Promise.all([ingest(left, 'left').then(() => order.push(left)), ingest(right, 'right').then(() => order.push(right))]);
    running = false;
    await reader;
    afterBoth = await contents(db);
    // A single ingest of the last corpus from nothing: rebuild into a copy made now of the same folder.
    cpSync(order.at(-1)!, join(dir, 'single'), { recursive: true });
    await buildIndex({ ...base, corpusDir: join(dir, 'single'), indexDir: join(dir, 'index-single'), rebuild: true } as BuildOptions);
    afterSingle = await contents(db);
    await store.close();
    await db.close();
  }, 240_000);

  it('answers throughout without an error', () => {
    expect([readerErrors, answered > 0]).toEqual([[], true]);
  });

  it('never lets the reader see half a file', () => {
    expect(halfFiles).toEqual([]);
  });

  it('ends with the same contents as a single ingest of the corpus written last', () => {
    expect(afterBoth).toEqual(afterSingle);
  });
});
