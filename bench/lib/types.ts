// The shapes shared by the runner and the scenarios. A scenario is one measured workload (one row of
// the results table); add one as bench/scenarios/<name>.ts and list it in bench/scenarios/index.ts.
import type { BenchOptions } from './options.ts';
import type { BenchAccount } from './accounts.ts';
import type { DatasetSummary } from './dataset.ts';

export type DatabaseMode = 'embedded' | 'postgres';

/** What one response must look like to count as a success; the message says why it is not. */
export type Expectation = {
	status: number;
	check?: (response: { status: number; body: string; headers: Record<string, string | string[]> }) => string | null;
};

/** One request of a load run. Unset fields fall back to the LoadSpec's. */
export type RequestSpec = {
	method?: 'GET' | 'POST';
	path?: string;
	headers?: Record<string, string>;
	body?: string;
	expect?: Expectation;
};

export type LoadSpec = {
	method?: 'GET' | 'POST';
	path: string;
	headers?: Record<string, string>;
	body?: string;
	connections: number;
	/** Seconds measured, and seconds of discarded warm-up before; default from BenchOptions. */
	duration?: number;
	warmup?: number;
	/** Called for every request (n counts from 0 across all connections): rotate accounts, bodies, paths. */
	request?: (n: number) => RequestSpec;
	expect: Expectation;
};

export type LoadResult = {
	connections: number;
	durationSeconds: number;
	requests: number;
	requestsPerSecond: number;
	/** Exact percentiles of every measured response time (ms), from autocannon's per-response event. */
	latencyMs: { mean: number; p50: number; p90: number; p95: number; p99: number; max: number };
	/** autocannon's own histogram (integer ms), kept for cross-checking. */
	autocannonLatencyMs: { p50: number; p90: number; p97_5: number; p99: number; max: number };
	/** Connection errors, including timeouts. */
	errors: number;
	timeouts: number;
	statusCounts: Record<string, number>;
	/** Responses with a status outside 2xx/3xx. */
	non2xx3xx: number;
	/** Responses whose status differed from the expected one. */
	wrongStatus: number;
	/** Responses with the right status that failed the content check. */
	failedChecks: number;
	/** Up to five examples of what went wrong, for the report. */
	problems: string[];
	/**
	 * CPU used during the measured run, in cores (1.0 = one core busy): the server process, the
	 * Postgres backends (0 for embedded, which runs inside the server), the load generator, and
	 * everything else on the machine: when `other` is well above 0 the figures understate the app.
	 */
	cpuCores: { server: number | null; database: number | null; client: number; other: number | null };
	/** Set when only the warm-up ran (it got no response at all): why. */
	notMeasured?: string;
	/**
	 * For writes checked in the database afterwards (quiz-submit): responses that said the write was
	 * done although it was not stored; any is a failure, and the "0 lost" budget.
	 */
	lost?: number;
	/** What the scenario found out besides the figures (shown under the table, kept in the JSON). */
	notes?: string[];
};

export type Budget = {
	p95Ms?: number;
	minRequestsPerSecond?: number;
	/** No connection error, wrong status or wrong content at all. */
	zeroErrors?: boolean;
	/** Every write answered as done is found stored afterwards (LoadResult.lost is 0). */
	zeroLost?: boolean;
	/** The modes the budget is set for (DESIGN.md §5 sets some on real Postgres only); default all. */
	modes?: DatabaseMode[];
};

export type ScenarioContext = {
	mode: DatabaseMode;
	/** http://127.0.0.1:<port>, never anything else. */
	baseUrl: string;
	/** The bench database, on real Postgres only (embedded PGlite is open in the server alone): to check writes afterwards. */
	databaseUrl?: string;
	options: BenchOptions;
	/** Accounts registered for this run, each with a live session cookie. */
	accounts: BenchAccount[];
	/** What the generator loaded before the server started: sizes, and every course with its lessons. */
	dataset: DatasetSummary;
	load: (spec: LoadSpec) => Promise<LoadResult>;
};

export interface Scenario<State = void> {
	name: string;
	/** A family of scenarios BENCH_SCENARIOS may name at once (e.g. `dashboard` for every dashboard-… scenario). */
	group?: string;
	description: string;
	/** The DESIGN.md §5 budget this scenario is held to, if any (shown next to the figures). */
	budget?: Budget;
	setup?(context: ScenarioContext): Promise<State>;
	run(context: ScenarioContext, state: State): Promise<LoadResult>;
}

export type ScenarioOutcome = {
	name: string;
	description: string;
	budget?: Budget;
	result?: LoadResult;
	/** Seconds the server needed after the run to finish the requests autocannon left in flight. */
	drainSeconds?: number;
	/** Error lines the server logged while this scenario ran (its warm-up included). */
	serverLogErrors?: number;
	/** Requests the load generator hung up on before the app had read them, logged by the app as errors (not counted above). */
	clientAborts?: number;
	/** Why the scenario is not trustworthy (wrong responses, errors) or could not run at all. */
	failures: string[];
	/** What makes the figures less telling without making them wrong (e.g. a busy machine). */
	warnings: string[];
};
