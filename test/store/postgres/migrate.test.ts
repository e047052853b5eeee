import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/store/postgres/database.js';
import { migrate, readMigrations } from '../../../src/store/postgres/migrate.js';
import { testEngines } from '../../helpers/postgres-engines.js';

describe.each(testEngines())('migrations on $name', (engine) => {
  let db: Database;
  beforeAll(async () => {
    db = await engine.open();
  });
  afterAll(() => db.close());

  it('applies every migration in the repository once, even when two processes start at once', async () => {
    const versions = (await readMigrations()).map((m) => m.version);
    const [a, b] = await Promise.all([migrate(db), migrate(db)]);
    expect([...a, ...b].sort()).toEqual(versions);
  });

  it('records each applied migration in schema_migrations', async () => {
    await migrate(db);
    const rows = await db.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
    expect(rows.map((r) => r.version)).toEqual((await readMigrations()).map((m) => m.version));
  });

  it('applies nothing the second time', async () => {
    await migrate(db);
    expect(await migrate(db)).toEqual([]);
  });
});
