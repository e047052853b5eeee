import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.js';
import { describeDatabaseUrl, parseDatabaseUrl } from '../../../src/store/postgres/open-database.js';

describe('DATABASE_URL', () => {
  it('reads postgres:// as a server', () => {
    expect(parseDatabaseUrl('postgres://bot:secret@db.internal:5432/papers')).toEqual({ engine: 'server', url: 'postgres://bot:secret@db.internal:5432/papers' });
  });

  it('reads pglite:memory as PGlite in memory', () => {
    expect(parseDatabaseUrl('pglite:memory')).toEqual({ engine: 'pglite', dir: null });
  });

  it('hides the password when the URL is shown', () => {
    expect(describeDatabaseUrl('postgres://bot:secret@db.internal:5432/papers')).toBe('postgres://bot:***@db.internal:5432/papers');
  });

  it('is required with STORE=postgres, and the error names it', () => {
    expect(() => loadConfig({ STORE: 'postgres' }, '/nonexistent/.env')).toThrow(/DATABASE_URL/);
  });
});
