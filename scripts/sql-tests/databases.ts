// Fresh, migrated databases for the SQL tests: copies of a database migrated once, either in-memory PGlite
// instances (embedded) or databases on the server DATABASE_URL points at. Each carries pgTAP in `extensions`
// and whatever the runner's setup step committed in the template (the test helpers of
// supabase/tests/00000-setup-*.sql), so that every copy starts with them.
import { availableParallelism } from 'node:os';
import type { Sql } from 'postgres';
import { pgtap } from '@electric-sql/pglite-pgtap';
import { startEmbedded } from '../../src/lib/server/db/embedded.ts';
import { connect } from '../../src/lib/server/db/index.ts';
import { applyShim, migrate } from '../../src/lib/server/db/migrate.ts';

export type FreshDatabase = { sql: Sql; close: () => Promise<void> };

/** Runs on the template, after the migrations and with SEARCH_PATH set, before the template is copied. */
export type Setup = (sql: Sql) => Promise<void>;

export type Databases = {
	description: string;
	/** How many files may run at once. */
	concurrency: number;
	fresh: () => Promise<FreshDatabase>;
	close: () => Promise<void>;
};

// Supabase puts `extensions` on its roles' search_path; the test files call pgTAP unqualified, as there.
const SEARCH_PATH = `set search_path to "$user", public, extensions`;

async function prepare(sql: Sql, root: string, setup: Setup) {
	await applyShim(sql, root);
	await migrate(sql, root);
	try {
		await sql.unsafe('create extension if not exists pgtap with schema extensions');
	} catch (error) {
		throw new Error(`cannot install pgTAP (on Debian: apt-get install postgresql-15-pgtap): ${(error as Error).message}`, {
			cause: error
		});
	}
	await sql.unsafe(SEARCH_PATH);
	await setup(sql);
}

/**
 * Migrates one PGlite (through startEmbedded, as the app does) and dumps it; each file gets a new in-memory
 * PGlite loaded from that dump (about 0.5 s, against 1.5 s to start and migrate one), served on a loopback
 * socket like startEmbedded's. PGlite runs on this thread, so files run one after another.
 */
export async function embeddedDatabases(root: string, setup: Setup): Promise<Databases> {
	const template = await startEmbedded({ extensions: { pgtap } });
	const sql = connect(template.url, { max: 1 });
	let dump: Blob;
	try {
		await prepare(sql, root, setup);
		dump = await template.db.dumpDataDir('none');
	} finally {
		await sql.end({ timeout: 1 });
		await template.stop();
	}
	return {
		description: 'embedded PGlite',
		concurrency: 1,
		async fresh() {
			const embedded = await startEmbedded({ loadDataDir: dump, extensions: { pgtap }, maxConnections: 1 });
			const sql = connect(embedded.url, { max: 1 });
			const close = async () => {
				await sql.end({ timeout: 1 });
				await embedded.stop();
			};
			try {
				await sql.unsafe(SEARCH_PATH);
			} catch (error) {
				await close();
				throw error;
			}
			return { sql, close };
		},
		async close() {}
	};
}

/** Migrates once into a template database, then gives each file its own copy; all are dropped at the end. */
export async function serverDatabases(url: string, root: string, setup: Setup): Promise<Databases> {
	const admin = connect(url, { max: 2 });
	const prefix = `hocso_sql_test_${process.pid}_${Date.now().toString(36)}`;
	const template = `${prefix}_template`;
	const created: string[] = [];
	const at = (name: string) => Object.assign(new URL(url), { pathname: `/${name}` }).href;
	const drop = (name: string) => admin.unsafe(`drop database if exists "${name}" with (force)`);
	let copies = 0;

	const databases: Databases = {
		description: `PostgreSQL at ${new URL(url).host}`,
		concurrency: Math.max(2, availableParallelism()),
		async fresh() {
			const name = `${prefix}_${++copies}`;
			await admin.unsafe(`create database "${name}" template "${template}"`);
			created.push(name);
			const sql = connect(at(name), { max: 1 });
			await sql.unsafe(SEARCH_PATH);
			return {
				sql,
				async close() {
					await sql.end({ timeout: 1 });
					await drop(name);
				}
			};
		},
		async close() {
			for (const name of created.reverse()) await drop(name);
			await admin.end({ timeout: 1 });
		}
	};

	try {
		await admin.unsafe(`create database "${template}"`);
		created.push(template);
		const sql = connect(at(template), { max: 1 });
		try {
			await prepare(sql, root, setup);
		} finally {
			await sql.end({ timeout: 1 });
		}
	} catch (error) {
		await databases.close();
		throw error;
	}
	return databases;
}
