// A new, empty database for one test file or benchmark: an in-memory PGlite by default, or a freshly
// created database on the server DATABASE_URL points at (dropped again by drop()).
import { randomBytes } from 'node:crypto';
import type { Extensions } from '@electric-sql/pglite';
import { connect } from './index.ts';
import { startEmbedded } from './embedded.ts';

export type FreshDatabase = { url: string; drop: () => Promise<void> };

export async function createFreshDatabase(options: { serverUrl?: string; extensions?: Extensions; prefix?: string } = {}): Promise<FreshDatabase> {
	if (!options.serverUrl) {
		const embedded = await startEmbedded({ extensions: options.extensions });
		return { url: embedded.url, drop: embedded.stop };
	}
	const name = `${options.prefix ?? 'hocso_test'}_${randomBytes(6).toString('hex')}`;
	const admin = connect(options.serverUrl, { max: 1 });
	await admin.unsafe(`create database ${name}`);
	await admin.end();
	const url = new URL(options.serverUrl);
	url.pathname = `/${name}`;
	return {
		url: url.toString(),
		async drop() {
			const sql = connect(options.serverUrl!, { max: 1 });
			await sql.unsafe(`drop database if exists ${name} with (force)`);
			await sql.end();
		}
	};
}
