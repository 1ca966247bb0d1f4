// Starts `node server.js` as a child on a free port of 127.0.0.1, waits until it answers, and stops it
// with SIGTERM (as a process manager would). Its log goes to a file next to the results.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { descendants, processTreeCpuSeconds } from './cpu.ts';

export const HOST = '127.0.0.1';

/**
 * clientAborts: error lines for requests whose client hung up before the app had read their body (Node's
 * "aborted" from abortIncoming): autocannon closes its connections with requests still in flight at the
 * end of every run, which a form post that waited for its turn meets when it reads its body. Kept out of
 * `errors`: they say nothing of the app under load (a timeout is counted by autocannon itself).
 */
export type ServerLogSummary = { warnings: number; errors: number; clientAborts: number; examples: string[] };

export type RunningServer = {
	baseUrl: string;
	pid: number;
	startupMs: number;
	/** CPU seconds the server process has used so far (Linux /proc), or null elsewhere. */
	cpuSeconds: () => number | null;
	/** Why the server is gone (e.g. "exit code 1"), or null while it runs. */
	exitStatus: () => string | null;
	log: () => ServerLogSummary;
	/** SIGTERM, then SIGKILL after graceMs (default 15 s). */
	stop: (graceMs?: number) => Promise<{ ms: number; exit: string }>;
};

export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = net.createServer();
		probe.unref();
		probe.on('error', reject);
		probe.listen(0, HOST, () => {
			const { port } = probe.address() as net.AddressInfo;
			probe.close(() => resolve(port));
		});
	});
}

/**
 * The environment of the server: ours minus anything that would point it elsewhere, plus the mode's. The
 * background refresh of the target figures is off (TARGETS_REFRESH_MINUTES=0; BENCH_TARGETS_REFRESH_MINUTES
 * sets another interval): a refresh at province scale takes seconds of a core, and one landing in a measured
 * window at random would distort it. The generator refreshes once, timed, before the server starts.
 */
export function serverEnv(port: number, extra: Record<string, string>): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = { ...process.env };
	for (const name of Object.keys(env)) {
		if (name.startsWith('BENCH_') || ['DATABASE_URL', 'HOCSO_DATA_DIR', 'SEED_DEMO', 'PORT', 'HOST', 'TRUST_PROXY', 'ORIGIN', 'WEB_CONCURRENCY', 'TARGETS_REFRESH_MINUTES'].includes(name)) delete env[name];
	}
	// Every bench account registers from loopback within the hour: far past a real address's budget.
	const registrations = { REGISTRATIONS_PER_ADDRESS: '1000000', REGISTRATIONS_PER_NETWORK: '1000000' };
	return { ...env, TARGETS_REFRESH_MINUTES: process.env.BENCH_TARGETS_REFRESH_MINUTES || '0', ...registrations, ...extra, PORT: String(port), HOST };
}

function exited(child: ChildProcess): Promise<string> {
	if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(describeExit(child.exitCode, child.signalCode));
	return new Promise((resolve) => child.once('exit', (code, signal) => resolve(describeExit(code, signal))));
}

function describeExit(code: number | null, signal: NodeJS.Signals | null) {
	return signal ? `signal ${signal}` : `exit code ${code}`;
}

export async function startServer(options: { root: string; env: Record<string, string>; logFile: string; timeoutMs?: number }): Promise<RunningServer> {
	const port = await freePort();
	const baseUrl = `http://${HOST}:${port}`;
	const started = Date.now();
	mkdirSync(path.dirname(options.logFile), { recursive: true });
	const child = spawn(process.execPath, [path.join(options.root, 'server.js')], {
		cwd: options.root,
		env: serverEnv(port, options.env),
		stdio: ['ignore', 'pipe', 'pipe']
	});
	const logStream = createWriteStream(options.logFile, { flags: 'a' });
	const summary: ServerLogSummary = { warnings: 0, errors: 0, clientAborts: 0, examples: [] };
	for (const stream of [child.stdout!, child.stderr!]) {
		createInterface({ input: stream }).on('line', (line) => {
			logStream.write(line + '\n');
			let level: string;
			let message = line;
			try {
				const parsed = JSON.parse(line) as { level?: string; message?: string; path?: string; error?: string; stack?: string } | null;
				level = parsed?.level ?? 'info';
				if (level === 'error' && parsed?.error === 'aborted' && parsed.stack?.includes('abortIncoming')) {
					summary.clientAborts++;
					return;
				}
				if (parsed?.message) message = [parsed.message, parsed.path, parsed.error].filter(Boolean).join(' · ');
			} catch {
				// Not one of the app's JSON lines: a Node warning, or a crash trace (counted once, by its
				// "SomeError: message" line; the rest of the trace is only in the file).
				if (/^\(node:\d+\) \w*Warning/.test(line)) level = 'warn';
				else if (/^\w*(Error|Exception)\b.*:/.test(line)) level = 'error';
				else level = 'trace';
			}
			if (level === 'warn') summary.warnings++;
			if (level === 'error') summary.errors++;
			if ((level === 'warn' || level === 'error') && summary.examples.length < 5 && !summary.examples.includes(`${level}: ${message}`)) {
				summary.examples.push(`${level}: ${message}`);
			}
		});
	}
	const exit = exited(child);
	let gone = false;
	let exitStatus: string | null = null;
	// Last resort if the benchmark itself dies: never leave a server running behind.
	const orphanGuard = () => child.kill('SIGTERM');
	process.once('exit', orphanGuard);
	void exit.then((status) => {
		gone = true;
		exitStatus = status;
		process.off('exit', orphanGuard);
	});

	const killAll = (pids: number[]) => {
		for (const pid of pids) {
			try {
				process.kill(pid, 'SIGKILL');
			} catch {
				// Gone already.
			}
		}
	};
	const stop = async (graceMs = 15_000) => {
		const stopping = Date.now();
		if (!gone) {
			// The server's own processes (WEB_CONCURRENCY) are stopped by it; any it leaves behind, or that
			// would outlive a killed primary, are killed here by their ids.
			const family = descendants(child.pid!);
			child.kill('SIGTERM');
			const killer = setTimeout(() => {
				killAll(descendants(child.pid!));
				child.kill('SIGKILL');
			}, graceMs);
			await exit;
			clearTimeout(killer);
			killAll(family.filter((pid) => existsSync(`/proc/${pid}`)));
		}
		await new Promise((resolve) => logStream.end(resolve));
		return { ms: Date.now() - stopping, exit: await exit };
	};

	const deadline = started + (options.timeoutMs ?? 60_000);
	for (;;) {
		if (gone) {
			await stop();
			throw new Error(`server exited before answering (${await exit}); see ${options.logFile}`);
		}
		if (Date.now() > deadline) {
			await stop();
			throw new Error(`server did not answer within ${(options.timeoutMs ?? 60_000) / 1000} s; see ${options.logFile}`);
		}
		try {
			const response = await fetch(`${baseUrl}/`, { signal: AbortSignal.timeout(2_000) });
			await response.arrayBuffer();
			if (response.status === 200) break;
		} catch {
			// Not listening yet.
		}
		await new Promise((resolve) => setTimeout(resolve, 200));
	}

	return {
		baseUrl,
		pid: child.pid!,
		startupMs: Date.now() - started,
		cpuSeconds: () => processTreeCpuSeconds(child.pid!),
		exitStatus: () => exitStatus,
		log: () => ({ ...summary, examples: [...summary.examples] }),
		stop
	};
}

/**
 * Waits until the server has worked through the requests still in flight when autocannon hung up (it
 * does not cancel them): one request that needs the database (a well-formed, unknown session cookie is
 * looked up there) queues behind them for a connection, so its answer means they are done. Returns the
 * milliseconds it took.
 */
export async function drain(baseUrl: string, maxMs = 90_000): Promise<number> {
	const started = Date.now();
	const response = await fetch(`${baseUrl}/login`, { headers: { cookie: `hs_session=${'A'.repeat(43)}` }, signal: AbortSignal.timeout(maxMs) });
	await response.arrayBuffer();
	await new Promise((resolve) => setTimeout(resolve, 300));
	return Date.now() - started;
}
