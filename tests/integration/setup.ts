// Each integration test file gets its own fresh, migrated database (embedded PGlite, or a new
// database on DATABASE_URL's server) and the app's database layer pointed at it.
import { afterAll } from 'vitest';
import { createFreshDatabase } from '#lib/server/db/fresh.ts';
import { startDatabase, stopDatabase } from '#lib/server/db/index.ts';
import { readConfig } from '#lib/server/config.ts';

const config = readConfig();
const fresh = await createFreshDatabase({ serverUrl: config.databaseUrl });
// An embedded database is reached through its socket here, so the app sees a URL: it must get the one
// connection it would use embedded (see startDatabase), or pooled connections interleave and time out.
await startDatabase({ ...config, databaseUrl: fresh.url, poolMax: config.databaseUrl ? config.poolMax : 1, seedDemo: 'never' });

afterAll(async () => {
	await stopDatabase();
	await fresh.drop();
});
