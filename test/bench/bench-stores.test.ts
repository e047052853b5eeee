import { describe, expect, it } from 'vitest';
import { benchStores } from '../../src/bench/bench-stores.js';

describe('benchStores (npm run bench -- --store)', () => {
  it('measures only the embedded store without --store, even when STORE=postgres is set', () => {
    expect(benchStores(undefined, { STORE: 'postgres', DATABASE_URL: 'pglite:/x' }, '/w').map((s) => [s.name, s.env.STORE])).toEqual([['embedded', 'embedded']]);
  });

  it('puts the PostgreSQL store on PGlite in the work folder when DATABASE_URL is not set', () => {
    expect(benchStores('postgres', {}, '/w')[1]).toEqual({ name: 'postgres', env: { STORE: 'postgres', DATABASE_URL: 'pglite:/w/pglite' }, ownPglite: '/w/pglite' });
  });

  it('uses the DATABASE_URL it is given and never claims that database as its own to empty', () => {
    expect(benchStores('postgres', { DATABASE_URL: 'postgres://u@127.0.0.1/db' }, '/w')[1]).toEqual({ name: 'postgres', env: { STORE: 'postgres', DATABASE_URL: 'postgres://u@127.0.0.1/db' } });
  });

  it('rejects an unknown store by name', () => {
    expect(() => benchStores('sqlite', {}, '/w')).toThrow('--store must be embedded or postgres, not "sqlite"');
  });
});
