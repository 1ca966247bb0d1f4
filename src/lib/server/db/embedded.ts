// The embedded database: PGlite persisted in a folder, served on a loopback port so that the one
// Postgres client (postgres.js) talks to it exactly as it talks to a real server.
import { mkdirSync } from 'node:fs';
import { PGlite, type Extensions } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';

/** The Postgres extensions the migrations create; a real server ships them as contrib modules. */
const EXTENSIONS: Extensions = { unaccent, pg_trgm };

export type EmbeddedDatabase = { url: string; db: PGlite; stop: () => Promise<void> };

export type EmbeddedOptions = {
	/** A folder to persist into, or undefined for an in-memory database (tests). */
	dataDir?: string;
	extensions?: Extensions;
	/** A dump (PGlite's dumpDataDir) to start from instead of an empty database. */
	loadDataDir?: Blob;
	/** PGlite runs one statement at a time; the socket server queues the clients' connections. */
	maxConnections?: number;
};

export async function startEmbedded(options: EmbeddedOptions = {}): Promise<EmbeddedDatabase> {
	if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
	const db = await PGlite.create(options.dataDir ?? 'memory://', { extensions: { ...EXTENSIONS, ...options.extensions }, loadDataDir: options.loadDataDir });
	const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: options.maxConnections ?? 10 });
	await server.start();
	const address = server.getServerConn();
	return {
		url: `postgres://postgres:postgres@${address}/postgres`,
		db,
		async stop() {
			await server.stop();
			await db.close();
		}
	};
}
