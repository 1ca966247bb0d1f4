// Benchmark settings from the environment, with bounded defaults (the whole run, both modes, takes about 10 minutes).
import path from 'node:path';

export type BenchOptions = {
	root: string;
	resultsDir: string;
	/** Measured seconds per scenario, and discarded warm-up seconds before each. */
	duration: number;
	warmup: number;
	/** Concurrent connections for page scenarios and for sign-in. */
	pageConnections: number;
	signInConnections: number;
	/** Bench accounts registered per mode. */
	accounts: number;
	/** Concurrent connections for quiz-submit (each submits a fresh attempt per request). */
	quizConnections: number;
	/**
	 * copy (default): build a private copy of the sources in a temporary folder and run that;
	 * in place in build/: auto (when missing or older than the sources), always, never.
	 */
	build: 'copy' | 'auto' | 'always' | 'never';
	/** The Postgres server for the real-Postgres mode; undefined skips that mode. */
	databaseUrl: string | undefined;
	modes: ('embedded' | 'postgres')[];
	/** Only these scenarios (by name), or all. */
	scenarios: string[] | undefined;
	/** Hard stop for the whole run, in seconds. */
	deadline: number;
	/** WEB_CONCURRENCY for the server on real Postgres (server processes on the port); unset: the app's default. */
	webConcurrency: number | undefined;
	/** On real Postgres, leave the bench database in place at the end (to look into it), instead of dropping it. */
	keepDatabase: boolean;
};

function number(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
	const raw = env[name];
	if (raw === undefined || raw === '') return fallback;
	const value = Number(raw);
	if (!Number.isFinite(value) || value < min || value > max) throw new Error(`${name} must be a number from ${min} to ${max}, not ${raw}`);
	return value;
}

function list(raw: string | undefined): string[] | undefined {
	const items = raw?.split(',').map((item) => item.trim()).filter(Boolean);
	return items?.length ? items : undefined;
}

export function readOptions(env: NodeJS.ProcessEnv = process.env): BenchOptions {
	const root = path.resolve(import.meta.dirname, '..', '..');
	const build = env.BENCH_BUILD || 'copy';
	if (build !== 'copy' && build !== 'auto' && build !== 'always' && build !== 'never') throw new Error(`BENCH_BUILD must be copy, auto, always or never, not ${build}`);
	const modes = list(env.BENCH_MODES) ?? ['embedded', 'postgres'];
	for (const mode of modes) if (mode !== 'embedded' && mode !== 'postgres') throw new Error(`BENCH_MODES: unknown mode ${mode}`);
	return {
		root,
		resultsDir: path.join(root, 'bench', 'results'),
		duration: number(env, 'BENCH_DURATION', 10, 1, 120),
		warmup: number(env, 'BENCH_WARMUP', 2, 0, 60),
		pageConnections: number(env, 'BENCH_CONNECTIONS', 50, 1, 1000),
		signInConnections: number(env, 'BENCH_SIGNIN_CONNECTIONS', 10, 1, 200),
		accounts: number(env, 'BENCH_ACCOUNTS', 10, 1, 100),
		quizConnections: number(env, 'BENCH_QUIZ_CONNECTIONS', 200, 1, 1000),
		build,
		databaseUrl: env.BENCH_DATABASE_URL || env.DATABASE_URL || undefined,
		modes: modes as BenchOptions['modes'],
		scenarios: list(env.BENCH_SCENARIOS),
		deadline: number(env, 'BENCH_DEADLINE', 900, 30, 7200),
		webConcurrency: env.BENCH_WEB_CONCURRENCY ? number(env, 'BENCH_WEB_CONCURRENCY', 1, 1, 64) : undefined,
		keepDatabase: env.BENCH_KEEP_DATABASE === '1'
	};
}
