import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Chunk } from '../../src/parse/parse-document.js';
import type { Database } from '../../src/store/postgres/database.js';
import { DEFAULT_POOL } from '../../src/store/postgres/open-database.js';
import { openPgPool } from '../../src/store/postgres/pg-database.js';
import { openPglite } from '../../src/store/postgres/pglite-database.js';
import type { Place } from '../../src/types.js';

/** A database engine the PostgreSQL store's tests run on: PGlite always, a server when TEST_DATABASE_URL is set. */
export interface TestEngine {
  name: string;
  /** Whether pgvector is there (PGlite bundles it; Debian's server package has none). */
  vectors: boolean;
  /** A new, empty database; closing it drops it. */
  open(): Promise<Database>;
}

/** One PGlite per test worker (starting one costs seconds); each open() empties it first. */
let sharedPglite: Promise<Database> | null = null;

const pglite: TestEngine = {
  name: 'PGlite',
  vectors: true,
  async open() {
    sharedPglite ??= openPglite(null);
    const db = await sharedPglite;
    await db.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
    return { ...db, close: async () => undefined };
  },
};

/** A server from TEST_DATABASE_URL (a superuser's URL): each open makes a database of its own and drops it on close. */
function server(url: string, vectors: boolean): TestEngine {
  return {
    name: `PostgreSQL server${vectors ? '' : ' (no pgvector: vector parts skipped)'}`,
    vectors,
    async open() {
      const name = `ca_test_${randomBytes(6).toString('hex')}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      const target = new URL(url);
      target.pathname = `/${name}`;
      const db = openPgPool(target.toString(), DEFAULT_POOL);
      return {
        ...db,
        async close() {
          await db.close();
          const drop = new pg.Client({ connectionString: url });
          await drop.connect();
          await drop.query(`DROP DATABASE IF EXISTS ${name}`);
          await drop.end();
        },
      };
    },
  };
}

/** The engines to run on. */
export function testEngines(): TestEngine[] {
  const url = process.env.TEST_DATABASE_URL;
  return url ? [pglite, server(url, process.env.TEST_DATABASE_VECTORS === 'true')] : [pglite];
}

/** A passage for tests: text and place fields given, the rest filled in. */
export function chunk(source: string, index: number, text: string, place: Partial<Place> = {}, extra: Partial<Chunk> = {}): Chunk {
  const start = index * 1000;
  return {
    id: `${source}#${index}`,
    source,
    start,
    end: start + text.length,
    text,
    indexText: text,
    place: {
      source,
      council: null,
      committee: null,
      meetingDate: null,
      item: null,
      itemNumber: null,
      page: null,
      paragraph: null,
      section: null,
      docType: 'document',
      url: null,
      ...place,
    },
    dupKey: `${source}-${index}`,
    tableHeader: null,
    reprint: false,
    ...extra,
  };
}

/** A unit vector along one axis (a fake embedder's output). */
export function axis(dims: number, i: number): Float32Array {
  const v = new Float32Array(dims);
  v[i % dims] = 1;
  return v;
}

/** A handle on a test database that its user may close without closing (or dropping) the database. */
export function handleOn(db: Database): Database {
  return { ...db, close: async () => undefined };
}

const FAKE_WORDS = ['library', 'parking', 'budget', 'surveillance', 'housing', 'flood', 'school', 'waste'];

/** A deterministic embedder at the seam: one dimension per word of a small vocabulary. */
export const fakeEmbedder = {
  id: 'fake-words:8',
  dims: 8,
  embed(text: string): Float32Array {
    const v = new Float32Array(8);
    const lower = text.toLowerCase();
    FAKE_WORDS.forEach((w, i) => (v[i] = lower.split(w).length - 1));
    const n = Math.hypot(...v) || 1;
    return v.map((x) => x / n);
  },
  async embedDocuments(texts: readonly string[]): Promise<Float32Array[]> {
    return texts.map((t) => this.embed(t));
  },
  async embedQuery(text: string): Promise<Float32Array> {
    return this.embed(text);
  },
};
