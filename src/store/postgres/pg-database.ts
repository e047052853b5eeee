import pg from 'pg';
import type { Database, HeldLock, Sql } from './database.js';
import { SESSION_OPTIONS } from './session-setup.js';

/** Connection pool settings (PG_POOL_MAX, PG_IDLE_TIMEOUT_MS, PG_CONNECT_TIMEOUT_MS, PG_STATEMENT_TIMEOUT_MS). */
export interface PoolSettings {
  max: number;
  idleTimeoutMs: number;
  connectTimeoutMs: number;
  /** Longest a statement may run before the server cancels it; 0 for no limit. */
  statementTimeoutMs: number;
}

type Runner = Pick<pg.Pool | pg.PoolClient, 'query'>;

function sqlOf(runner: Runner): Sql {
  return {
    async query<R extends object>(text: string, params: readonly unknown[] = []): Promise<R[]> {
      return (await runner.query<R & pg.QueryResultRow>(text, [...params])).rows;
    },
    async exec(script: string): Promise<void> {
      // Without parameters node-postgres uses the simple query protocol, which runs several statements.
      await runner.query(script);
    },
  };
}

/**
 * A PostgreSQL server through a node-postgres pool. Advisory locks are session locks held on a
 * connection taken from the pool for as long as the lock is held, so they hold across processes and
 * replicas, and a crashed holder's lock is released by the server when its connection drops.
 */
export function openPgPool(connectionString: string, settings: PoolSettings): Database {
  const pool = new pg.Pool({
    connectionString,
    max: settings.max,
    idleTimeoutMillis: settings.idleTimeoutMs,
    connectionTimeoutMillis: settings.connectTimeoutMs,
    options: SESSION_OPTIONS,
    ...(settings.statementTimeoutMs > 0 ? { statement_timeout: settings.statementTimeoutMs } : {}),
  });
  // An idle client's error (the server restarted) must not crash the process: the pool replaces it.
  pool.on('error', () => undefined);
  return {
    engine: 'server',
    ...sqlOf(pool),
    async transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(sqlOf(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async lock(key: string): Promise<HeldLock> {
      const client = await pool.connect();
      try {
        await client.query('SELECT pg_advisory_lock(hashtextextended($1, 0))', [key]);
      } catch (error) {
        client.release();
        throw error;
      }
      return {
        async release() {
          try {
            await client.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [key]);
            client.release();
          } catch (error) {
            // A connection that cannot unlock is destroyed, which releases the lock on the server.
            client.release(error as Error);
          }
        },
      };
    },
    close: () => pool.end(),
  };
}
