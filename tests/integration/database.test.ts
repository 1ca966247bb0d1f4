import { describe, expect, it } from 'vitest';
import { ANON, asService, asUser, connect, startDatabase, stopDatabase } from '#lib/server/db/index.ts';
import { migrate, migrationFiles } from '#lib/server/db/migrate.ts';
import { DatabaseUnavailableError, isConnectionFailure } from '#lib/server/db/errors.ts';
import { startEmbedded } from '#lib/server/db/embedded.ts';
import { createFreshDatabase } from '#lib/server/db/fresh.ts';
import { readConfig } from '#lib/server/config.ts';

describe('migrations', () => {
	it('are recorded in supabase_migrations.schema_migrations, and a second run applies nothing', async () => {
		const fresh = await createFreshDatabase({ serverUrl: process.env.DATABASE_URL });
		const sql = connect(fresh.url, { max: 1 });
		try {
			const files = migrationFiles();
			expect(await migrate(sql, process.cwd(), { shim: true })).toEqual(files.map((m) => m.version));
			expect(await migrate(sql, process.cwd(), { shim: true })).toEqual([]);
			const recorded = await sql<{ version: string; name: string }[]>`
				select version, name from supabase_migrations.schema_migrations order by version`;
			expect(recorded.map((r) => `${r.version}_${r.name}`)).toEqual(files.map((m) => `${m.version}_${m.name}`));
		} finally {
			await sql.end();
			await fresh.drop();
		}
	});

	it('load both hierarchies with their validity periods and the old→new mapping', async () => {
		const counts = await asService((tx) => tx<{ valid_from: string; kind: string; n: number }[]>`
			select valid_from::text, kind, count(*)::int as n from public.unit where kind <> 'agency'
			group by 1, 2 order by 1, 2`);
		expect(counts).toEqual([
			{ valid_from: '2024-11-01', kind: 'commune', n: 62 },
			{ valid_from: '2024-11-01', kind: 'district', n: 7 },
			{ valid_from: '2024-11-01', kind: 'province', n: 1 },
			{ valid_from: '2025-07-01', kind: 'commune', n: 65 },
			{ valid_from: '2025-07-01', kind: 'province', n: 1 }
		]);
		// Phường Đông Hải (22768) was split between two new units.
		const split = await asService((tx) => tx<{ name: string; coverage: string }[]>`
			select n.name, s.coverage from public.unit_succession s
			join public.unit o on o.id = s.old_unit_id join public.unit n on n.id = s.new_unit_id
			where o.code = '22768' order by n.name`);
		expect(split).toEqual([
			{ name: 'Phường Đông Hải', coverage: 'partial' },
			{ name: 'Xã Phước Dinh', coverage: 'partial' }
		]);
	});
});

describe('identity in SQL', () => {
	it('anonymous requests run as anon and cannot read profiles', async () => {
		expect(await asUser(ANON, (tx) => tx`select current_user as role, auth.uid() as uid`)).toEqual([{ role: 'anon', uid: null }]);
		await expect(asUser(ANON, (tx) => tx`select * from public.profile`)).rejects.toMatchObject({ code: '42501' });
	});
});

describe('demo content', () => {
	it('can be loaded by several processes starting at once', async () => {
		const { seedDemo } = await import('#lib/server/seed/demo.ts');
		const results = await Promise.all([seedDemo(), seedDemo()]);
		expect(results.map((r) => r.accounts).sort()).toEqual([0, 6]);
		const [{ n }] = await asService((tx) => tx<{ n: number }[]>`select count(*)::int as n from public.unit where code like 'demo-%'`);
		expect(n).toBe(2);
	});
});

// Last in the file: it points the app's database layer at a server it then stops.
describe('an unreachable database', () => {
	it('surfaces as DatabaseUnavailableError once the server goes away', async () => {
		const embedded = await startEmbedded();
		await stopDatabase();
		await startDatabase({ ...readConfig(), databaseUrl: embedded.url, poolMax: 1, seedDemo: 'never' });
		expect(await asService((tx) => tx`select 1 as up`)).toEqual([{ up: 1 }]);
		await embedded.stop();
		const failure = await asService((tx) => tx`select 1`).catch((error: unknown) => error);
		expect(failure).toBeInstanceOf(DatabaseUnavailableError);
		expect(isConnectionFailure((failure as DatabaseUnavailableError).cause)).toBe(true);
	});
});
