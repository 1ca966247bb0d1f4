// Server configuration read once from the environment and checked against a schema.
import * as v from 'valibot';
import path from 'node:path';

const schema = v.object({
	DATABASE_URL: v.optional(v.pipe(v.string(), v.regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgres:// URL'))),
	HOCSO_DATA_DIR: v.optional(v.string(), 'data'),
	SEED_DEMO: v.optional(v.picklist(['auto', 'always', 'never']), 'auto'),
	DATABASE_POOL_MAX: v.optional(v.pipe(v.string(), v.transform(Number), v.integer(), v.minValue(1)), '10'),
	DATABASE_PREPARE: v.optional(v.picklist(['true', 'false']), 'true'),
	FILES_DIR: v.optional(v.string()),
	TARGETS_REFRESH_MINUTES: v.optional(v.pipe(v.string(), v.transform(Number), v.integer(), v.minValue(0), v.maxValue(1440)), '5'),
	REGISTRATIONS_PER_ADDRESS: v.optional(v.pipe(v.string(), v.transform(Number), v.integer(), v.minValue(1)), '20'),
	REGISTRATIONS_PER_NETWORK: v.optional(v.pipe(v.string(), v.transform(Number), v.integer(), v.minValue(1)), '100')
});

export type Config = {
	databaseUrl: string | undefined;
	dataDir: string;
	seedDemo: 'auto' | 'always' | 'never';
	poolMax: number;
	prepare: boolean;
	/** where uploaded files (report evidence) are kept */
	filesDir: string;
	/** how often the automatic target figures are recomputed; 0 = never in the background */
	targetsRefreshMinutes: number;
	/** accounts that may be registered per hour from one address, and from its /24 (IPv4) or /64 (IPv6) */
	registrationsPerHour: { address: number; network: number };
};

export function readConfig(env: Record<string, string | undefined> = process.env): Config {
	const parsed = v.parse(schema, Object.fromEntries(Object.entries(env).filter(([, value]) => value !== '')));
	return {
		databaseUrl: parsed.DATABASE_URL,
		dataDir: path.resolve(parsed.HOCSO_DATA_DIR),
		seedDemo: parsed.SEED_DEMO,
		poolMax: parsed.DATABASE_POOL_MAX,
		prepare: parsed.DATABASE_PREPARE === 'true',
		filesDir: path.resolve(parsed.FILES_DIR ?? path.join(parsed.HOCSO_DATA_DIR, 'files')),
		targetsRefreshMinutes: parsed.TARGETS_REFRESH_MINUTES,
		registrationsPerHour: { address: parsed.REGISTRATIONS_PER_ADDRESS, network: parsed.REGISTRATIONS_PER_NETWORK }
	};
}
