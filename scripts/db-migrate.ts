/** npm run db:migrate: applies the migrations in migrations/ to DATABASE_URL (the store also applies them on start). */
import { cliErrorMessage } from '../src/cli/cli-error-message.js';
import { loadConfig } from '../src/config.js';
import { migrate } from '../src/store/postgres/migrate.js';
import { describeDatabaseUrl, openDatabase } from '../src/store/postgres/open-database.js';

try {
  const config = loadConfig();
  if (!config.DATABASE_URL) throw new Error('Set DATABASE_URL (postgres://… or pglite:DIR) to the database to migrate.');
  const db = await openDatabase(config.DATABASE_URL);
  try {
    const applied = await migrate(db);
    console.log(applied.length ? `Applied migrations ${applied.join(', ')} to ${describeDatabaseUrl(config.DATABASE_URL)}` : `${describeDatabaseUrl(config.DATABASE_URL)} is up to date`);
  } finally {
    await db.close();
  }
} catch (error) {
  console.error(cliErrorMessage(error));
  process.exitCode = 1;
}
