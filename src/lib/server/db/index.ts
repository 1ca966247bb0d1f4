// The one database client: connects (embedded or DATABASE_URL), migrates, and runs every query
// inside a transaction that carries the caller's identity (asUser) or the service's (asService).
import postgres, { type Sql, type TransactionSql } from 'postgres';
import path from 'node:path';
import type { Config } from '../config.ts';
import { startEmbedded, type EmbeddedDatabase } from './embedded.ts';
import { migrate } from './migrate.ts';
import { DatabaseUnavailableError, isConnectionFailure } from './errors.ts';

export type Tx = TransactionSql;

/** What RLS sees through request.jwt.claims: the same shape for every auth provider. */
export type Claims =
	| { role: 'anon' }
	| {
			role: 'authenticated';
			aud: 'authenticated';
			sub: string;
			email: string | null;
			phone: string | null;
			session_id: string;
			app_metadata: { provider: string };
	  };

export const ANON: Claims = { role: 'anon' };

type State = { sql: Sql; embedded?: EmbeddedDatabase; mode: 'embedded' | 'url' };
let state: State | undefined;

export function connect(url: string, options: { max?: number; prepare?: boolean } = {}): Sql {
	return postgres(url, {
		max: options.max ?? 10,
		prepare: options.prepare ?? true,
		connect_timeout: 5,
		idle_timeout: 60,
		onnotice: () => {},
		connection: { application_name: 'hoc-so' }
	});
}

/** Starts the database for this process: embedded under dataDir unless DATABASE_URL is set, then migrates. */
export async function startDatabase(config: Config): Promise<{ mode: State['mode']; applied: string[] }> {
	if (state) return { mode: state.mode, applied: [] };
	let embedded: EmbeddedDatabase | undefined;
	let url = config.databaseUrl;
	if (!url) {
		embedded = await startEmbedded({ dataDir: path.join(config.dataDir, 'pglite') });
		url = embedded.url;
	}
	// PGlite executes one statement at a time, and pglite-socket keeps only a transaction's messages
	// together: several pooled connections interleave their extended-protocol messages outside one and
	// lose each other's portals. One connection is as fast (nothing runs in parallel anyway) and correct.
	const sql = connect(url, { max: embedded ? 1 : config.poolMax, prepare: config.prepare });
	try {
		const applied = await migrate(sql, process.cwd(), { shim: true });
		state = { sql, embedded, mode: embedded ? 'embedded' : 'url' };
		return { mode: state.mode, applied };
	} catch (error) {
		await sql.end({ timeout: 1 });
		await embedded?.stop();
		throw error;
	}
}

export async function stopDatabase() {
	const current = state;
	state = undefined;
	await current?.sql.end({ timeout: 5 });
	await current?.embedded?.stop();
}

function client(): Sql {
	if (!state) throw new DatabaseUnavailableError(new Error('the database has not been started'));
	return state.sql;
}

async function transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
	try {
		return (await client().begin(fn)) as T;
	} catch (error) {
		throw isConnectionFailure(error) ? new DatabaseUnavailableError(error) : error;
	}
}

/** Runs fn as the user the claims describe: RLS applies, exactly as behind PostgREST. */
export function asUser<T>(claims: Claims, fn: (tx: Tx) => Promise<T>): Promise<T> {
	const role = claims.role === 'authenticated' ? 'authenticated' : 'anon';
	return transaction(async (tx) => {
		await tx`select set_config('request.jwt.claims', ${JSON.stringify(claims)}, true), set_config('role', ${role}, true)`;
		return fn(tx);
	});
}

/** Runs fn as the service (the schema owner, RLS bypassed): auth, seeding, scheduled jobs only. */
export function asService<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
	return transaction(fn);
}
