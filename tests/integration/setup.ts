// Each integration test file gets its own fresh, migrated database (embedded PGlite, or a new
// database on DATABASE_URL's server) and the app's database layer pointed at it.
import { afterAll } from 'vitest';
import { createFreshDatabase } from '#lib/server/db/fresh.ts';
import { startDatabase, stopDatabase } from '#lib/server/db/index.ts';
import { readConfig } from '#lib/server/config.ts';

const config = readConfig();
const fresh = await createFreshDatabase({ serverUrl: config.databaseUrl });
await startDatabase({ ...config, databaseUrl: fresh.url, seedDemo: 'never' });

afterAll(async () => {
	await stopDatabase();
	await fresh.drop();
});
