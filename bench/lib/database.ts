// The database of one benchmark mode: a fresh embedded data directory, or a fresh database created on
// the Postgres server BENCH_DATABASE_URL / DATABASE_URL points at (dropped again at the end).
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { processCpuSeconds } from './cpu.ts';
import type { DatabaseMode } from './types.ts';

export type BenchDatabase = {
	mode: DatabaseMode;
	/** Environment for server.js. */
	env: Record<string, string>;
	/** For the report: where the data lives (no password). */
	description: string;
	serverVersion?: string;
	/** CPU seconds used so far by each Postgres backend serving this database (Linux /proc), when separate from the app. */
	backendCpu?: () => Promise<Map<number, number> | null>;
	/** Ends the queries still running for this database (after its server was stopped), when separate from the app. */
	terminateBackends?: () => Promise<number>;
	dispose: () => Promise<void>;
};

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '']);

function admin(url: string) {
	return postgres(url, { max: 1, connect_timeout: 5, onnotice: () => {}, connection: { application_name: 'hoc-so-bench' } });
}

export async function embeddedDatabase(): Promise<BenchDatabase> {
	const dataDir = await mkdtemp(path.join(os.tmpdir(), 'hocso-bench-'));
	return {
		mode: 'embedded',
		env: { HOCSO_DATA_DIR: dataDir },
		description: `PGlite in ${dataDir}`,
		dispose: () => rm(dataDir, { recursive: true, force: true })
	};
}

/** keep: leave the database in place at the end (BENCH_KEEP_DATABASE=1), to look into it afterwards; drop it by hand. */
export async function postgresDatabase(serverUrl: string, options: { keep?: boolean } = {}): Promise<BenchDatabase> {
	const parsed = new URL(serverUrl);
	if (!LOCAL_HOSTS.has(parsed.hostname) && process.env.BENCH_ALLOW_REMOTE_DATABASE !== '1') {
		throw new Error(`the bench creates and drops a database: refusing non-local host ${parsed.hostname} (set BENCH_ALLOW_REMOTE_DATABASE=1 to allow)`);
	}
	const name = `hocso_bench_${randomBytes(4).toString('hex')}`;
	const sql = admin(serverUrl);
	let serverVersion: string;
	try {
		[{ server_version: serverVersion }] = await sql<{ server_version: string }[]>`show server_version`;
		await sql.unsafe(`create database ${name}`);
	} finally {
		await sql.end({ timeout: 5 });
	}
	const url = new URL(serverUrl);
	url.pathname = `/${name}`;
	return {
		mode: 'postgres',
		env: { DATABASE_URL: url.toString(), SEED_DEMO: 'always' },
		description: `database ${name} on ${parsed.hostname}:${parsed.port || 5432}`,
		serverVersion,
		async backendCpu() {
			// The backends of the app's pool (it keeps its connections, so they are the same before and after a run);
			// not autovacuum, which is not the app's doing.
			const sql = admin(serverUrl);
			try {
				const rows = await sql<{ pid: number }[]>`select pid from pg_stat_activity where datname = ${name} and backend_type = 'client backend'`;
				const cpu = new Map<number, number>();
				for (const { pid } of rows) {
					const seconds = processCpuSeconds(pid);
					if (seconds === null) return null;
					cpu.set(pid, seconds);
				}
				return cpu;
			} catch {
				return null;
			} finally {
				await sql.end({ timeout: 5 });
			}
		},
		async terminateBackends() {
			// A backend goes on with its query after the client is gone, until it has a result to send.
			const sql = admin(serverUrl);
			try {
				const ended = await sql`select pg_terminate_backend(pid) from pg_stat_activity where datname = ${name} and pid <> pg_backend_pid()`;
				return ended.length;
			} finally {
				await sql.end({ timeout: 5 });
			}
		},
		async dispose() {
			if (options.keep) {
				console.log(`[postgres] kept database ${name} (BENCH_KEEP_DATABASE=1): drop it with \`drop database ${name} with (force)\``);
				return;
			}
			const sql = admin(serverUrl);
			try {
				await sql.unsafe(`drop database if exists ${name} with (force)`);
			} finally {
				await sql.end({ timeout: 5 });
			}
		}
	};
}
