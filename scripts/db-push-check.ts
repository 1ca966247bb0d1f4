// `npm run db:push:check`: proves that supabase/migrations deploy with the Supabase CLI exactly as
// they do with our own migrator, and that both keep the same history table.
//
// Needs DATABASE_URL: a PostgreSQL ≥ 15 server where that role may CREATE DATABASE (CI: the local
// cluster .ci/run provisions). On two fresh, throw-away databases:
//   A. shim only, then `supabase db push --remote=<A> --yes`; every migration version (and name) must
//      be recorded in supabase_migrations.schema_migrations; then our migrate() must apply nothing,
//      and a second `db push` must find the database up to date; then `supabase db lint` (where the
//      server has plpgsql_check; Debian: postgresql-15-plpgsql-check) must find no error.
//   B. shim + our migrate(); then `supabase db push --dry-run` must find nothing to push.
// Both databases are dropped at the end, whatever happened.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import postgres, { type Sql } from 'postgres';
import { applyShim, migrate, migrationFiles } from '../src/lib/server/db/migrate.ts';

const SUPABASE = 'supabase@3.1.0';
const root = path.resolve(import.meta.dirname, '..');
const started = Date.now();

function step(message: string) {
	console.log(`db:push:check [${((Date.now() - started) / 1000).toFixed(1)} s] ${message}`);
}

function fail(message: string): never {
	throw new Error(message);
}

const base = process.env.DATABASE_URL;
if (!base || !/^postgres(ql)?:\/\//.test(base)) {
	console.error(
		'db:push:check: set DATABASE_URL to a postgres:// URL of a server where this role can CREATE DATABASE\n' +
			'  e.g. DATABASE_URL=postgres://hocso:hocso@127.0.0.1:5432/hocso npm run db:push:check'
	);
	process.exit(2);
}

/** The URL of another database on the same server, for the CLI (TLS off on loopback, to keep its output quiet). */
function urlOf(database: string) {
	const url = new URL(base!);
	url.pathname = `/${database}`;
	if (!url.searchParams.has('sslmode') && /^(127\.|localhost$|\[::1\]$)/.test(url.hostname)) {
		url.searchParams.set('sslmode', 'disable');
	}
	return url.toString();
}

function connectTo(url: string): Sql {
	return postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 10 });
}

/** Runs the Supabase CLI; returns its combined output, failing the check on a non-zero exit. */
function supabase(args: string[]): string {
	const result = spawnSync('npx', ['-y', SUPABASE, ...args, `--workdir=${root}`], {
		cwd: root,
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'pipe'],
		timeout: 300_000
	});
	const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim();
	console.log(output.replace(/^/gm, '    | '));
	if (result.error) fail(`supabase ${args[0]} ${args[1]} could not run: ${result.error.message}`);
	if (result.status !== 0) fail(`supabase ${args.slice(0, 2).join(' ')} exited with ${result.status ?? result.signal}`);
	return output;
}

const expected = migrationFiles(root).map(({ version, name }) => ({ version, name }));
if (expected.length === 0) fail('no migrations found in supabase/migrations');
const suffix = `${process.pid}_${Date.now()}`;
const dbPush = `hocso_push_check_${suffix}`;
const dbOurs = `hocso_migrate_check_${suffix}`;

const admin = connectTo(base);
const created: string[] = [];
let ok = false;
try {
	for (const name of [dbPush, dbOurs]) {
		await admin.unsafe(`create database "${name}"`);
		created.push(name);
	}
	step(`created databases ${dbPush} and ${dbOurs} on ${new URL(base).host}`);

	// A. The Supabase CLI applies the migrations on top of the shim.
	const a = connectTo(urlOf(dbPush));
	try {
		await applyShim(a, root);
		step(`A: applied the shim; supabase db push (${expected.length} migrations)`);
		supabase(['db', 'push', `--remote=${urlOf(dbPush)}`, '--yes']);

		const recorded = await a<{ version: string; name: string | null }[]>`
			select version, name from supabase_migrations.schema_migrations order by version`;
		const want = JSON.stringify(expected);
		const got = JSON.stringify(recorded.map(({ version, name }) => ({ version, name })));
		if (want !== got) fail(`schema_migrations after db push:\n  expected ${want}\n  found    ${got}`);
		step(`A: all ${expected.length} versions recorded in supabase_migrations.schema_migrations by the CLI`);

		const applied = await migrate(a, root);
		if (applied.length > 0) fail(`our migrate() re-applied ${applied.join(', ')} after db push`);
		step('A: our migrate() on the same database applied nothing (history table compatible)');

		const again = supabase(['db', 'push', `--remote=${urlOf(dbPush)}`, '--yes']);
		if (/Applying migration/i.test(again) || !/up to date/i.test(again)) fail('a second db push was not a no-op');
		step('A: a second db push found the database up to date');

		const [{ available }] = await a<{ available: boolean }[]>`
			select exists (select from pg_available_extensions where name = 'plpgsql_check') as available`;
		if (available) {
			supabase(['db', 'lint', `--remote=${urlOf(dbPush)}`, '--level=warning', '--fail-on=error']);
			step('A: supabase db lint (plpgsql_check) found no error');
		} else {
			step('A: SKIPPED supabase db lint: the server lacks plpgsql_check (apt-get install postgresql-15-plpgsql-check)');
		}
	} finally {
		await a.end({ timeout: 5 });
	}

	// B. Our migrator applies them; the CLI must agree there is nothing left to push.
	const b = connectTo(urlOf(dbOurs));
	try {
		await applyShim(b, root);
		const applied = await migrate(b, root);
		if (applied.length !== expected.length) fail(`B: our migrate() applied ${applied.length} of ${expected.length}`);
		step(`B: shim + our migrate() applied ${applied.length} migrations; supabase db push --dry-run`);
		const dry = supabase(['db', 'push', `--remote=${urlOf(dbOurs)}`, '--dry-run', '--yes']);
		if (/Applying migration|would push/i.test(dry) || !/up to date/i.test(dry)) {
			fail('B: the CLI wants to push migrations that our migrator already recorded');
		}
		step('B: the CLI finds a database migrated by our migrator up to date');
	} finally {
		await b.end({ timeout: 5 });
	}
	ok = true;
} catch (error) {
	console.error(`db:push:check: FAILED: ${error instanceof Error ? error.message : String(error)}`);
} finally {
	for (const name of created) {
		try {
			await admin.unsafe(`drop database if exists "${name}" with (force)`);
		} catch (error) {
			console.error(`db:push:check: could not drop ${name}: ${(error as Error).message}`);
			ok = false;
		}
	}
	await admin.end({ timeout: 5 });
	if (created.length > 0) step(`dropped ${created.join(', ')}`);
}
if (!ok) process.exit(1);
step('OK');
