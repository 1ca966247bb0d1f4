// Several server processes starting at once on one fresh database (WEB_CONCURRENCY, or several machines)
// must all come up: the schema work and the demo content are each done once, under a lock.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { connect } from '#lib/server/db/index.ts';
import { createFreshDatabase } from '#lib/server/db/fresh.ts';
import { migrationFiles } from '#lib/server/db/migrate.ts';

const run = promisify(execFile);
const serverUrl = process.env.DATABASE_URL;

async function startProcess(databaseUrl: string): Promise<string> {
	try {
		const { stdout } = await run(process.execPath, ['tests/integration/support/start-server.ts'], {
			env: { ...process.env, DATABASE_URL: databaseUrl, SEED_DEMO: 'always', TARGETS_REFRESH_MINUTES: '0', LOG_LEVEL: 'silent' },
			timeout: 60_000
		});
		return stdout.trim();
	} catch (error) {
		return `failed: ${(error as { stderr?: string }).stderr?.trim() || String(error)}`;
	}
}

// Only a real server has concurrent sessions; the embedded database serves one connection at a time.
describe.skipIf(!serverUrl)('four server processes started at once on a fresh database', () => {
	it('all come up, with each migration and the demo content applied once', { timeout: 60_000 }, async () => {
		const fresh = await createFreshDatabase({ serverUrl, prefix: 'hocso_start' });
		try {
			const outcomes = await Promise.all(Array.from({ length: 4 }, () => startProcess(fresh.url)));
			expect(outcomes).toEqual(['up', 'up', 'up', 'up']);
			const sql = connect(fresh.url, { max: 1 });
			try {
				const [{ migrations, accounts }] = await sql<{ migrations: number; accounts: number }[]>`
					select (select count(*)::int from supabase_migrations.schema_migrations) as migrations,
						(select count(*)::int from auth.users where email = 'admin@hocso.example') as accounts`;
				expect({ migrations, accounts }).toEqual({ migrations: migrationFiles().length, accounts: 1 });
			} finally {
				await sql.end();
			}
		} finally {
			await fresh.drop();
		}
	});
});
