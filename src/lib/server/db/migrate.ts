// Applies the Supabase shim and then every migration not yet recorded, in file-name order, recording
// each in supabase_migrations.schema_migrations exactly as the Supabase CLI does. All schema work runs
// under one advisory lock: several server processes start at once (WEB_CONCURRENCY), and two sessions
// granting or creating the same catalogue rows at once fail with "tuple concurrently updated".
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Sql, TransactionSql } from 'postgres';

const MIGRATIONS_LOCK = 72_016_001;

/** Runs fn in a transaction that holds the schema lock; the next process waits, then finds the work done. */
async function underSchemaLock<T>(sql: Sql, fn: (tx: TransactionSql) => Promise<T>): Promise<T> {
	return (await sql.begin(async (tx) => {
		await tx`select pg_advisory_xact_lock(${MIGRATIONS_LOCK})`;
		return fn(tx);
	})) as T;
}

const shimText = (root: string) => readFileSync(path.join(root, 'supabase/shim/supabase_shim.sql'), 'utf8');

export function migrationFiles(root = process.cwd()) {
	const dir = path.join(root, 'supabase/migrations');
	return readdirSync(dir)
		.filter((file) => /^\d{14}_[a-z0-9_]+\.sql$/.test(file))
		.sort()
		.map((file) => ({
			version: file.slice(0, 14),
			name: file.slice(15, -4),
			text: readFileSync(path.join(dir, file), 'utf8')
		}));
}

/** Creates what a Supabase project already has, where it is missing (on its own; the server uses migrate's shim option). */
export async function applyShim(sql: Sql, root = process.cwd()) {
	await underSchemaLock(sql, (tx) => tx.unsafe(shimText(root)));
}

/**
 * Applies pending migrations, after the shim when options.shim is set, in one transaction under the schema
 * lock; returns the versions applied. Safe to run from several processes at once.
 */
export async function migrate(sql: Sql, root = process.cwd(), options: { shim?: boolean } = {}): Promise<string[]> {
	const applied: string[] = [];
	await underSchemaLock(sql, async (tx) => {
		if (options.shim) await tx.unsafe(shimText(root));
		await tx.unsafe(`
			create schema if not exists supabase_migrations;
			create table if not exists supabase_migrations.schema_migrations (version text not null primary key);
			alter table supabase_migrations.schema_migrations add column if not exists statements text[];
			alter table supabase_migrations.schema_migrations add column if not exists name text;
		`);
		const done = new Set(
			(await tx<{ version: string }[]>`select version from supabase_migrations.schema_migrations`).map((r) => r.version)
		);
		for (const migration of migrationFiles(root)) {
			if (done.has(migration.version)) continue;
			await tx.unsafe(migration.text);
			await tx`insert into supabase_migrations.schema_migrations (version, name, statements)
				values (${migration.version}, ${migration.name}, ${[migration.text]})`;
			applied.push(migration.version);
		}
	});
	return applied;
}
