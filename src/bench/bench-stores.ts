import { join } from 'node:path';

/** One store the bench measures, with the environment that selects it (STORE, DATABASE_URL). */
export interface BenchStore {
  name: 'embedded' | 'postgres';
  env: NodeJS.ProcessEnv;
  /** A PGlite folder the bench made itself and may empty before a run (never a DATABASE_URL it was given). */
  ownPglite?: string;
}

/**
 * The stores `npm run bench -- [--store embedded|postgres]` measures: the embedded store always (the
 * reference), and with `--store postgres` the PostgreSQL store too, in the same run, on DATABASE_URL or
 * else PGlite in `workDir`/pglite.
 */
export function benchStores(store: string | undefined, env: NodeJS.ProcessEnv, workDir: string): BenchStore[] {
  const embedded: BenchStore = { name: 'embedded', env: { ...env, STORE: 'embedded' } };
  if (store === undefined || store === 'embedded') return [embedded];
  if (store !== 'postgres') throw new Error(`--store must be embedded or postgres, not "${store}"`);
  if (env.DATABASE_URL) return [embedded, { name: 'postgres', env: { ...env, STORE: 'postgres' } }];
  const dir = join(workDir, 'pglite');
  return [embedded, { name: 'postgres', env: { ...env, STORE: 'postgres', DATABASE_URL: `pglite:${dir}` }, ownPglite: dir }];
}
