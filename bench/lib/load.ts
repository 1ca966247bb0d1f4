// autocannon, wrapped: a discarded warm-up, then a measured run in which every response is checked
// (status and content, so that error pages are never measured as successes) and every response time is
// kept, so p95 is exact rather than read off autocannon's fixed percentiles (p90, p97.5, p99).
import autocannon, { type Request, type Result } from 'autocannon';
import type { Expectation, LoadResult, LoadSpec } from './types.ts';
import { machineCpuSeconds } from './cpu.ts';
import { HOST } from './server.ts';

/** Where CPU time is read from: the server process, and the database's own processes when separate. */
export type CpuProbes = { server: () => number | null; database?: () => Promise<Map<number, number> | null> };

function databaseCpuUsed(before: Map<number, number> | null | undefined, after: Map<number, number> | null | undefined): number | null {
	if (!before || !after) return null;
	// A backend that appeared meanwhile counts from zero; one that went away is lost (the pool keeps them).
	return [...after].reduce((sum, [pid, seconds]) => sum + seconds - (before.get(pid) ?? 0), 0);
}

type Tally = { statuses: Record<string, number>; wrongStatus: number; failedChecks: number; problems: string[]; times: number[] };

function percentile(sorted: number[], p: number): number {
	if (sorted.length === 0) return NaN;
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

function snippet(body: string) {
	const text = body.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
	return text.length > 160 ? `${text.slice(0, 160)}…` : text;
}

function note(tally: Tally, problem: string) {
	if (tally.problems.length < 5 && !tally.problems.includes(problem)) tally.problems.push(problem);
}

function attempt(baseUrl: string, spec: LoadSpec, seconds: number): Promise<{ result: Result; tally: Tally }> {
	const url = new URL(baseUrl);
	if (url.hostname !== HOST) throw new Error(`the benchmark only ever targets ${HOST}, not ${url.hostname}`);
	const tally: Tally = { statuses: {}, wrongStatus: 0, failedChecks: 0, problems: [], times: [] };
	let n = 0;
	const request: Request = {
		setupRequest(defaults, context) {
			const custom = spec.request?.(n++) ?? {};
			context.expect = custom.expect ?? spec.expect;
			context.path = custom.path ?? spec.path;
			return {
				...defaults,
				method: custom.method ?? spec.method ?? 'GET',
				path: custom.path ?? spec.path,
				headers: { ...defaults.headers, ...custom.headers },
				body: custom.body ?? spec.body
			};
		},
		onResponse(status, body, context, headers) {
			const expect = context.expect as Expectation;
			tally.statuses[status] = (tally.statuses[status] ?? 0) + 1;
			if (status !== expect.status) {
				tally.wrongStatus++;
				note(tally, `${context.path}: ${status} instead of ${expect.status}: ${snippet(body)}`);
				return;
			}
			const problem = expect.check?.({ status, body, headers });
			if (problem) {
				tally.failedChecks++;
				note(tally, `${context.path}: ${problem}`);
			}
		}
	};
	return new Promise((resolve, reject) => {
		const instance = autocannon(
			{
				url: url.origin,
				connections: spec.connections,
				duration: seconds,
				timeout: 10,
				// A server that crashed answers nothing but refused connections: stop hammering it.
				bailout: 1000,
				headers: spec.headers,
				requests: [request]
			},
			(error, result) => (error ? reject(error) : resolve({ result, tally }))
		);
		instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => tally.times.push(responseTime));
	});
}

function cpuCores(used: { client: number; server: number | null; database: number | null; machine: number | null; seconds: number }): LoadResult['cpuCores'] {
	const cores = (value: number | null) => (value === null ? null : round(value / used.seconds, 2));
	const other = used.server === null || used.database === null || used.machine === null ? null : Math.max(0, used.machine - used.server - used.database - used.client);
	return { server: cores(used.server), database: cores(used.database), client: round(used.client / used.seconds, 2), other: cores(other) };
}

/** One autocannon run with the CPU used meanwhile, summarised. */
async function measure(baseUrl: string, spec: LoadSpec, seconds: number, probes: CpuProbes): Promise<LoadResult> {
	const clientBefore = process.cpuUsage();
	const databaseBefore = await probes.database?.();
	const serverBefore = probes.server();
	const machineBefore = machineCpuSeconds();
	const { result, tally } = await attempt(baseUrl, spec, seconds);
	const clientUsed = process.cpuUsage(clientBefore);
	const serverAfter = probes.server();
	const machineAfter = machineCpuSeconds();
	const databaseAfter = await probes.database?.();

	const times = tally.times.sort((a, b) => a - b);
	const count = times.length;
	const elapsed = result.duration;
	const non2xx3xx = Object.entries(tally.statuses).reduce((sum, [status, hits]) => (status.startsWith('2') || status.startsWith('3') ? sum : sum + hits), 0);
	return {
		connections: spec.connections,
		durationSeconds: elapsed,
		requests: count,
		requestsPerSecond: round(count / elapsed),
		latencyMs: {
			mean: round(count ? times.reduce((sum, t) => sum + t, 0) / count : NaN),
			p50: round(percentile(times, 50)),
			p90: round(percentile(times, 90)),
			p95: round(percentile(times, 95)),
			p99: round(percentile(times, 99)),
			max: round(times[count - 1] ?? NaN)
		},
		autocannonLatencyMs: { p50: result.latency.p50, p90: result.latency.p90, p97_5: result.latency.p97_5, p99: result.latency.p99, max: result.latency.max },
		errors: result.errors,
		timeouts: result.timeouts,
		statusCounts: tally.statuses,
		non2xx3xx,
		wrongStatus: tally.wrongStatus,
		failedChecks: tally.failedChecks,
		problems: tally.problems,
		cpuCores: cpuCores({
			client: (clientUsed.user + clientUsed.system) / 1e6,
			server: serverBefore === null || serverAfter === null ? null : serverAfter - serverBefore,
			database: probes.database ? databaseCpuUsed(databaseBefore, databaseAfter) : 0,
			machine: machineBefore === null || machineAfter === null ? null : machineAfter - machineBefore,
			seconds: elapsed
		})
	};
}

export async function runLoad(baseUrl: string, spec: LoadSpec, defaults: { duration: number; warmup: number }, probes: CpuProbes): Promise<LoadResult> {
	const warmup = spec.warmup ?? defaults.warmup;
	if (warmup > 0) {
		const first = await measure(baseUrl, spec, warmup, probes);
		// Not one answer in the warm-up: a measured run would only pile up requests the server must still
		// work through afterwards. The warm-up's figures are what there is.
		if (first.requests === 0) return { ...first, notMeasured: `not one response within the ${warmup} s warm-up with ${spec.connections} connections: too slow to measure` };
	}
	return measure(baseUrl, spec, spec.duration ?? defaults.duration, probes);
}

/**
 * Waits until the server (and its database backends) use less than a tenth of a core over half a
 * second: the requests autocannon left in flight are done. Returns the milliseconds it took, or throws
 * after maxMs.
 */
export async function waitUntilIdle(probes: CpuProbes, maxMs: number): Promise<number> {
	const started = Date.now();
	const busy = async () => {
		const server = probes.server();
		const database = await probes.database?.();
		return { server, database };
	};
	let before = await busy();
	for (;;) {
		await new Promise((resolve) => setTimeout(resolve, 500));
		const after = await busy();
		const server = before.server === null || after.server === null ? 0 : after.server - before.server;
		const database = probes.database ? (databaseCpuUsed(before.database, after.database) ?? 0) : 0;
		if ((server + database) / 0.5 < 0.1) return Date.now() - started;
		if (Date.now() - started > maxMs) throw new Error(`still busy after ${Math.round(maxMs / 1000)} s`);
		before = after;
	}
}
