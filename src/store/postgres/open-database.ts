import { resolve } from 'node:path';
import { AppError } from '../../errors.js';
import type { Database } from './database.js';
import { openPgPool, type PoolSettings } from './pg-database.js';
import { openPglite } from './pglite-database.js';

export type { PoolSettings } from './pg-database.js';

/** Pool settings used when the configuration gives none (a bot replica needs few connections). */
export const DEFAULT_POOL: PoolSettings = {
  /** A replica answers a few questions at once; each search is one statement. */
  max: 10,
  /** Idle connections are closed after half a minute, so that replicas do not hold the server's slots. */
  idleTimeoutMs: 30_000,
  /** A server that does not accept a connection in 10 s is reported rather than waited on. */
  connectTimeoutMs: 10_000,
  /** No search or file write should take a minute; a runaway statement is cancelled. */
  statementTimeoutMs: 60_000,
};

/** Where a DATABASE_URL points: a server, or a PGlite folder (null: in memory). */
export type DatabaseTarget = { engine: 'server'; url: string } | { engine: 'pglite'; dir: string | null };

/** Reads DATABASE_URL: `postgres://…` or `postgresql://…` for a server, `pglite:DIR` or `pglite:memory` for PGlite. */
export function parseDatabaseUrl(url: string): DatabaseTarget {
  if (/^postgres(ql)?:\/\//i.test(url)) return { engine: 'server', url };
  const pglite = /^pglite:(.+)$/i.exec(url);
  if (pglite) return { engine: 'pglite', dir: pglite[1] === 'memory' ? null : resolve(pglite[1]!) };
  throw new AppError('CONFIG_INVALID', 'DATABASE_URL must start with postgres:// (a PostgreSQL server) or pglite: (pglite:DIR, or pglite:memory).');
}

/** Opens the database a DATABASE_URL names (a new pool or PGlite instance; see shareDatabase). */
export async function openDatabase(url: string, pool: PoolSettings = DEFAULT_POOL): Promise<Database> {
  const target = parseDatabaseUrl(url);
  return target.engine === 'server' ? openPgPool(target.url, pool) : openPglite(target.dir);
}

const shared = new Map<string, { db: Promise<Database>; users: number }>();

/**
 * The database a DATABASE_URL names, shared by every store and writer of this process (one pool per
 * server; one PGlite instance per folder, which must never be opened twice). Each caller closes its
 * handle; the last close closes the database (except pglite:memory, which is kept for the process).
 */
export async function shareDatabase(url: string, pool: PoolSettings = DEFAULT_POOL): Promise<Database> {
  let entry = shared.get(url);
  if (!entry) {
    entry = { db: openDatabase(url, pool), users: 0 };
    shared.set(url, entry);
    entry.db.catch(() => shared.delete(url));
  }
  entry.users++;
  const db = await entry.db;
  const current = entry;
  let closed = false;
  return {
    ...db,
    engine: db.engine,
    async close() {
      if (closed) return;
      closed = true;
      // pglite:memory lives as long as the process: closing it would lose the index an ingest just wrote.
      if (--current.users > 0 || /^pglite:memory$/i.test(url)) return;
      shared.delete(url);
      await db.close();
    },
  };
}

/** A DATABASE_URL with its password hidden, for reports and logs. */
export function describeDatabaseUrl(url: string): string {
  return url.replace(/^(postgres(?:ql)?:\/\/[^:/@]+):[^@]*@/i, '$1:***@');
}
