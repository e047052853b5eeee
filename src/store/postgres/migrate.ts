import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Database } from './database.js';

/** The repository's migrations folder: `NNN_name.sql`, applied in order, each once. */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../../../migrations/', import.meta.url));

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** The migrations in a folder, by version. */
export async function readMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const out: Migration[] = [];
  for (const file of (await readdir(dir)).sort()) {
    const m = /^(\d+)_([\w-]+)\.sql$/.exec(file);
    if (m) out.push({ version: Number(m[1]), name: m[2]!, sql: await readFile(`${dir}/${file}`, 'utf8') });
  }
  return out;
}

const LOCK = 'committee-assistant:migrate';

/**
 * Applies the migrations not yet recorded in schema_migrations, each in its own transaction, under an
 * advisory lock: two processes starting at once apply each migration once (the second waits, then finds
 * nothing left to do). Returns the versions applied now.
 */
export async function migrate(db: Database, migrations?: readonly Migration[]): Promise<number[]> {
  const list = migrations ?? (await readMigrations());
  const lock = await db.lock(LOCK);
  try {
    await db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
    const done = new Set((await db.query<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => r.version));
    const applied: number[] = [];
    for (const m of list) {
      if (done.has(m.version)) continue;
      await db.transaction(async (tx) => {
        await tx.exec(m.sql);
        await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      });
      applied.push(m.version);
    }
    return applied;
  } finally {
    await lock.release();
  }
}
