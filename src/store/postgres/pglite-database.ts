import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite/vector';
import type { Database, HeldLock, Sql } from './database.js';
import { SESSION_SETUP } from './session-setup.js';

type Runner = Pick<PGlite, 'query' | 'exec'>;

function sqlOf(runner: Runner): Sql {
  return {
    async query<R extends object>(text: string, params: readonly unknown[] = []): Promise<R[]> {
      return (await runner.query<R>(text, [...params])).rows;
    },
    async exec(script: string): Promise<void> {
      await runner.exec(script);
    },
  };
}

/**
 * PostgreSQL compiled to WebAssembly, in this process, with pgvector loaded: the same SQL and migrations
 * as a server, for tests and demos. It has one connection, so a session advisory lock would be held by
 * every caller at once: locks are kept in this process instead (a PGlite folder is only ever opened by
 * one process).
 */
export async function openPglite(dir: string | null): Promise<Database> {
  // Options alone for an in-memory database: create(undefined, options) would ignore the options.
  const db = dir ? await PGlite.create(dir, { extensions: { vector } }) : await PGlite.create({ extensions: { vector } });
  await db.exec(SESSION_SETUP);
  const base = sqlOf(db);
  const held = new Map<string, Promise<void>>();
  return {
    engine: 'pglite',
    ...base,
    transaction: (fn) => db.transaction((tx) => fn(sqlOf(tx))),
    async lock(key: string): Promise<HeldLock> {
      for (let current = held.get(key); current; current = held.get(key)) await current;
      let release!: () => void;
      held.set(key, new Promise<void>((resolve) => (release = resolve)));
      return {
        async release() {
          held.delete(key);
          release();
        },
      };
    },
    close: () => db.close(),
  };
}
