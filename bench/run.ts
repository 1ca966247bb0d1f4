// `npm run bench`: builds a private copy of the app, then for each database mode (embedded PGlite;
// real Postgres when BENCH_DATABASE_URL or DATABASE_URL is set) starts `node server.js` on 127.0.0.1,
// registers bench accounts, runs every scenario of bench/scenarios with autocannon, prints a table and
// writes bench/results/<time>-<mode>.json. See bench/README.md for the settings.
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { registerAccounts } from './lib/accounts.ts';
import { browserScripts } from './lib/browser.ts';
import { prepareApp, type App } from './lib/build.ts';
import { embeddedDatabase, postgresDatabase, type BenchDatabase } from './lib/database.ts';
import { datasetSize, generateDataset, type DatasetSummary } from './lib/dataset.ts';
import { machineCpuSeconds } from './lib/cpu.ts';
import { runLoad, waitUntilIdle } from './lib/load.ts';
import { readOptions, type BenchOptions } from './lib/options.ts';
import { formatTable, formatWeight, printReport, writeReport, type ModeReport } from './lib/report.ts';
import { drain, startServer, type RunningServer } from './lib/server.ts';
import type { DatabaseMode, ScenarioContext, ScenarioOutcome } from './lib/types.ts';
import { crawlPageScripts, weighScripts, type PageWeight } from './lib/weight.ts';
import { scenarios as allScenarios } from './scenarios/index.ts';

const options = readOptions();

// autocannon's timers (retimer) trip Node 24's TimeoutNegativeWarning when a response is late: harmless
// noise in the middle of the progress lines. Every other warning is printed as usual.
process.removeAllListeners('warning');
process.on('warning', (warning) => {
	if (warning.name !== 'TimeoutNegativeWarning') console.error(`(node) ${warning.name}: ${warning.message}`);
});
const stamp = new Date().toISOString().replace(/\.\d+Z$/, '').replaceAll(':', '-');

// Whatever must be undone (server running, database created) even when the run is interrupted.
const cleanups = new Set<() => Promise<unknown>>();
async function cleanUp() {
	for (const cleanup of [...cleanups].reverse()) {
		cleanups.delete(cleanup);
		await cleanup().catch((error: unknown) => console.error(`cleanup failed: ${(error as Error).message}`));
	}
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
	process.once(signal, () => {
		console.error(`\n${signal}: stopping the server and dropping the bench database…`);
		void cleanUp().finally(() => process.exit(130));
	});
}
process.once('uncaughtException', (error) => {
	console.error(`\nbenchmark crashed: ${error.stack ?? error.message}`);
	void cleanUp().finally(() => process.exit(1));
});
setTimeout(() => {
	console.error(`\nthe benchmark ran past its ${options.deadline} s deadline (BENCH_DEADLINE): cleaning up`);
	void cleanUp().finally(() => process.exit(1));
}, options.deadline * 1000).unref();

function git(...args: string[]): string | undefined {
	try {
		return execFileSync('git', args, { cwd: options.root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
	} catch {
		return undefined;
	}
}

function environment() {
	const cpus = os.cpus();
	const status = git('status', '--porcelain', '--untracked-files=no');
	return {
		node: process.version,
		platform: `${os.platform()} ${os.release()}`,
		cpus: cpus.length,
		cpuModel: cpus[0]?.model,
		memoryGiB: Math.round(os.totalmem() / 2 ** 30),
		commit: git('rev-parse', '--short', 'HEAD'),
		uncommittedChanges: status === undefined ? undefined : status.length > 0,
		note: 'autocannon runs in this process on the same machine as the server (and Postgres): they share the CPUs'
	};
}

function settings(opts: BenchOptions) {
	return {
		webConcurrency: opts.webConcurrency ?? 'app default (1)',
		durationSeconds: opts.duration,
		warmupSeconds: opts.warmup,
		pageConnections: opts.pageConnections,
		signInConnections: opts.signInConnections,
		accounts: opts.accounts,
		build: opts.build
	};
}

/** The JavaScript of a lesson page depends on the build, not on the database: measured once per run. */
let pageWeight: PageWeight | undefined;

async function measureLessonScripts(baseUrl: string, dataset: DatasetSummary): Promise<PageWeight> {
	const course = dataset.catalogue.find((c) => c.lessons.length > 1) ?? dataset.catalogue[0];
	const page = `/learn/${course.slug}/${course.lessons[1]?.slug ?? course.lessons[0].slug}`;
	const crawled = await crawlPageScripts(baseUrl, page);
	const browser = process.env.BENCH_BROWSER === '0' ? undefined : await browserScripts(new URL(page, baseUrl).href, crawled.map((url) => new URL(url).pathname));
	const extra = browser && 'missedByCrawl' in browser ? browser.missedByCrawl.map((pathname) => new URL(pathname, baseUrl).href) : [];
	return { ...(await weighScripts(page, [...crawled, ...extra])), browser };
}

function judge(outcome: ScenarioOutcome) {
	const r = outcome.result;
	if (!r) return;
	if (r.requests === 0) outcome.failures.push('no response at all');
	if (outcome.serverLogErrors) outcome.failures.push(`the server logged ${outcome.serverLogErrors} errors meanwhile`);
	if (r.errors > 0) outcome.failures.push(`${r.errors} connection errors (${r.timeouts} timeouts)`);
	if (r.wrongStatus > 0) outcome.failures.push(`${r.wrongStatus} responses with the wrong status (${JSON.stringify(r.statusCounts)})`);
	if (r.failedChecks > 0) outcome.failures.push(`${r.failedChecks} responses with the right status but the wrong content`);
	if (r.lost) outcome.failures.push(`${r.lost} writes answered as done were not found stored afterwards (lost)`);
	if (outcome.budget?.zeroLost && r.lost === undefined && !r.notMeasured) outcome.failures.push('the writes could not be checked afterwards');
	for (const problem of r.problems) outcome.failures.push(`e.g. ${problem}`);
	if (r.cpuCores.other !== null && r.cpuCores.other >= 0.3) {
		outcome.warnings.push(`other processes used ${r.cpuCores.other} of ${os.cpus().length} cores meanwhile: these figures understate the app`);
	}
}

async function runMode(app: App, mode: DatabaseMode): Promise<ModeReport> {
	const report: ModeReport = {
		mode,
		startedAt: new Date().toISOString(),
		database: '',
		environment: environment(),
		settings: { ...settings(options), app: app.description },
		scenarios: [],
		failures: []
	};
	const selected = allScenarios.filter((scenario) => !options.scenarios || options.scenarios.some((name) => name === scenario.name || name === scenario.group));
	let database: BenchDatabase | undefined;
	/** Every server started in this mode: normally one; another after each crash or deliberate stop. */
	const servers: RunningServer[] = [];
	/** The servers stopped on purpose, to drop a backlog (not crashes). */
	const restarts = new Set<RunningServer>();
	const current = () => servers.at(-1);
	const logFile = path.join(options.resultsDir, `${stamp}-${mode}.server.log`);
	const disposeDatabase = () => database!.dispose();
	const stopServer = () => current()!.stop();
	const start = async () => {
		const server = await startServer({ root: app.dir, env: database!.env, logFile });
		servers.push(server);
		return server;
	};
	try {
		database = mode === 'embedded' ? await embeddedDatabase() : await postgresDatabase(options.databaseUrl!, { keep: options.keepDatabase });
		cleanups.add(disposeDatabase);
		report.database = database.description;
		report.postgresVersion = database.serverVersion;
		const size = datasetSize(mode, {
			quizSubmit: selected.some((scenario) => scenario.name === 'quiz-submit'),
			dashboard: selected.some((scenario) => scenario.group === 'dashboard')
		});
		console.log(`\n[${mode}] generating ${size.courses} courses and ${size.learners} learners (${size.profile} data set${size.profile === 'province' ? `, about ${size.progressPerLearner} lesson progress rows per learner` : ''}) in ${database.description}${size.note ? ` (${size.note})` : ''}…`);
		const dataset = await generateDataset({
			appDir: app.dir,
			benchRoot: options.root,
			env: database.env,
			size,
			// The run's own deadline bounds it (a province-scale data set takes minutes).
			timeoutMs: options.deadline * 1000,
			progress: (line) => console.log(`[${mode}] ${line}`)
		});
		// The course list and quiz-submit's pool of attempts (tokens, answers) are inputs, not results.
		report.dataset = { ...dataset, catalogue: undefined, quiz: { ...dataset.quiz, pool: { ...dataset.quiz.pool, attempts: [] } }, note: size.note };
		console.log(`[${mode}] data set: ${describeDataset(dataset)}`);
		console.log(`[${mode}] starting node server.js${mode === 'postgres' && options.webConcurrency ? ` with WEB_CONCURRENCY=${options.webConcurrency}` : ''}…`);
		if (mode === 'postgres' && options.webConcurrency) database.env.WEB_CONCURRENCY = String(options.webConcurrency);
		const first = await start();
		cleanups.add(stopServer);
		report.serverStartupMs = first.startupMs;
		console.log(`[${mode}] answering on ${first.baseUrl} after ${(first.startupMs / 1000).toFixed(1)} s; registering ${options.accounts} bench accounts…`);
		const accounts = await registerAccounts(first.baseUrl, options.accounts);
		if (!pageWeight) {
			try {
				pageWeight = await measureLessonScripts(first.baseUrl, dataset);
				report.pageWeight = pageWeight;
				console.log(`[${mode}] ${formatWeight(pageWeight).split('\n')[0]}`);
			} catch (error) {
				report.failures.push(`could not measure the JavaScript of a lesson page: ${(error as Error).message}`);
			}
		}
		for (const scenario of selected) {
			const outcome: ScenarioOutcome = { name: scenario.name, description: scenario.description, budget: scenario.budget, failures: [], warnings: [] };
			report.scenarios.push(outcome);
			let running = current()!;
			const gone = running.exitStatus();
			if (gone) {
				// After a crash (or a deliberate stop, below) the others should not go blank: start again on the same database.
				const deliberate = restarts.has(running);
				if (!deliberate) console.log(`[${mode}] the server is gone (${gone}); starting it again on the same database…`);
				try {
					running = await start();
				} catch (error) {
					outcome.failures.push(`not run: the server could not be started again: ${(error as Error).message}`);
					continue;
				}
				if (!deliberate) report.failures.push(`the server had to be restarted before ${scenario.name} (it ended with ${gone})`);
			}
			const context: ScenarioContext = {
				mode,
				baseUrl: running.baseUrl,
				databaseUrl: mode === 'postgres' ? database.env.DATABASE_URL : undefined,
				options,
				accounts,
				dataset,
				load: (spec) => runLoad(running.baseUrl, spec, options, { server: running.cpuSeconds, database: database!.backendCpu })
			};
			process.stdout.write(`[${mode}] ${scenario.name} (${scenario.description}): ${options.warmup} s warm-up + ${options.duration} s… `);
			const errorsBefore = running.log().errors;
			const abortsBefore = running.log().clientAborts;
			let backlog: string | null = null;
			try {
				const state = await scenario.setup?.(context);
				outcome.result = await scenario.run(context, state);
				if (outcome.result.notMeasured) {
					outcome.failures.push(outcome.result.notMeasured);
					backlog = 'it answered nothing in the warm-up';
				} else {
					// autocannon hangs up on requests still in flight; let the server finish them before going on.
					try {
						const probes = { server: running.cpuSeconds, database: database!.backendCpu };
						const drained = await drain(running.baseUrl, 60_000);
						outcome.drainSeconds = Math.round((drained + (await waitUntilIdle(probes, 60_000 - drained))) / 100) / 10;
						if (outcome.drainSeconds > 5) outcome.warnings.push(`the server needed ${outcome.drainSeconds} s after the run to finish the requests still in flight`);
					} catch {
						outcome.failures.push('the server had not finished the requests still in flight 60 s after the run');
						backlog = 'it was still busy 60 s after the run';
					}
				}
				outcome.serverLogErrors = running.log().errors - errorsBefore;
				outcome.clientAborts = running.log().clientAborts - abortsBefore;
				if (outcome.clientAborts) {
					outcome.warnings.push(`the app logged ${outcome.clientAborts} errors "aborted" for requests autocannon hung up on at the end of a run before their body was read (not counted as errors)`);
				}
				const died = running.exitStatus();
				if (died) outcome.failures.push(`the server died during this scenario (${died})`);
				judge(outcome);
				const r = outcome.result;
				const lost = r.lost === undefined ? '' : `, ${r.lost} lost`;
				console.log(`${r.requestsPerSecond} req/s, p95 ${r.latencyMs.p95} ms${lost}${outcome.failures.length ? ' — NOT TRUSTWORTHY, see below' : ''}`);
			} catch (error) {
				outcome.failures.push(`could not run: ${(error as Error).message}`);
				console.log('failed');
			}
			if (backlog && !running.exitStatus()) {
				// Waiting for a backlog of very slow requests would take minutes and disturb the next scenario:
				// stop the server (and, on Postgres, the queries it left running); the next scenario starts it again.
				console.log(`[${mode}] stopping the server to drop the requests still queued (${backlog}); the next scenario starts it again`);
				// Its queued requests are being dropped anyway: no need to wait long for a clean exit.
				const stopped = await running.stop(5_000);
				const ended = await database.terminateBackends?.().catch(() => 0);
				outcome.warnings.push(`the server was stopped afterwards to drop the requests still queued (${backlog}): ${stopped.exit} after ${(stopped.ms / 1000).toFixed(1)} s` +
					(ended ? `, ${ended} database backends ended` : ''));
				restarts.add(running);
			}
		}
	} catch (error) {
		report.failures.push((error as Error).message);
	} finally {
		const last = current();
		if (last) {
			cleanups.delete(stopServer);
			const gone = last.exitStatus();
			report.serverShutdown = await last.stop();
			if (gone && !restarts.has(last)) report.failures.push(`the server was no longer running at the end (${gone})`);
			else if (!gone && report.serverShutdown.exit !== 'exit code 0') report.failures.push(`server stopped with ${report.serverShutdown.exit} after ${report.serverShutdown.ms} ms`);
			const logs = servers.map((server) => server.log());
			report.serverLog = {
				file: path.relative(options.root, logFile),
				starts: servers.length,
				warnings: logs.reduce((sum, log) => sum + log.warnings, 0),
				errors: logs.reduce((sum, log) => sum + log.errors, 0),
				clientAborts: logs.reduce((sum, log) => sum + log.clientAborts, 0),
				examples: logs.flatMap((log) => log.examples).slice(0, 5)
			};
		}
		if (database) {
			cleanups.delete(disposeDatabase);
			await database.dispose().catch((error: unknown) => report.failures.push(`could not remove the bench database: ${(error as Error).message}`));
		}
	}
	return report;
}

function describeDataset(d: DatasetSummary): string {
	const steps = Object.entries(d.seconds).map(([step, seconds]) => `${step} ${seconds}`).join(', ');
	const { quiz } = d;
	const queries = Object.entries(quiz.leaderboard.queriesMs).map(([query, ms]) => `${query} ${ms} ms`).join(', ');
	return `${d.courses} published courses (${d.generatedCourses} generated + demo), ${d.lessons} lessons, ${d.learners} learners, ` +
		`${d.enrolments} enrolments, ${d.lessonProgress} lesson progress rows, ${d.completions} completions; ` +
		`a ${quiz.bank.questions}-question bank, a contest round with ${quiz.contest.participants} participants ` +
		`(ranked by compute_round_results in ${(quiz.leaderboard.computeMs / 1000).toFixed(1)} s; leaderboard queries: ${queries})` +
		`${quiz.pool.size ? `, ${quiz.pool.size} quiz attempts in progress for quiz-submit` : ''}: ` +
		`${d.totalSeconds} s (${steps}; migrations before: ${d.migrateSeconds} s)` +
		(d.province ? `\n  province data set: ${d.province.progressPerLearner} progress rows per learner aimed at (${(d.lessonProgress / d.learners).toFixed(1)} made), ` +
			`1–${d.province.coursesPerLearnerAtMost} courses per enrolled learner, ${d.province.villages} bench villages, ${d.province.teamMembers} team members; ` +
			`completions set-based, ${d.province.checked} sampled enrolments checked against private.course_requirements_met` : '') +
		(d.dashboard ? `\n  ${describeDashboard(d.dashboard, d.targetRefreshMs)}` : '');
}

const ms = (time: { firstMs: number; medianMs: number }) => `${time.medianMs} ms (first ${time.firstMs})`;

function describeDashboard(d: NonNullable<DatasetSummary['dashboard']>, first: number): string {
	const r = d.rows;
	const slowest = Object.entries(d.refresh.byTargetMs).sort((a, b) => b[1] - a[1]).slice(0, 3).map(([target, took]) => `${target} ${took} ms`).join(', ');
	return `dashboard: ${r.residents} residents and ${r.adults} adults in ${r.communes} communes (${r.villages} villages), ${r.targets} targets (${r.automaticTargets} automatic), ` +
		`${r.officials} officials, ${r.teamMembers} team members, ${r.lessonProgressMiB} MiB of lesson progress\n` +
		`  refresh_target_values(): first ${first} ms, then ${d.refresh.runsMs.join(', ')} ms (recorded ${d.refresh.recordedMs.join(', ')}); slowest targets: ${slowest}\n` +
		`  SQL, median after a first call:\n${Object.entries(d.queries).map(([query, time]) => `    ${query}: ${ms(time)}`).join('\n')}\n` +
		`  the page's data (targets.dashboard()):\n${Object.entries(d.pageData).map(([page, time]) => `    ${page}: ${ms(time)}`).join('\n')}\n` +
		`  pages: ${d.pages.anonymous.path} "${d.pages.anonymous.met}/${d.pages.anonymous.total}" signed out, "${d.pages.admin.met}/${d.pages.admin.total}" as ${d.admin.identifier}; ` +
		`${d.pages.reaggregated.path} "${d.pages.reaggregated.met}/${d.pages.reaggregated.total}"; ${d.pages.communes.length} communes`;
}

/** Cores busy over one second while the benchmark does nothing: what other processes are using. */
async function idleCpu(): Promise<number | null> {
	const before = machineCpuSeconds();
	await new Promise((resolve) => setTimeout(resolve, 1_000));
	const after = machineCpuSeconds();
	return before === null || after === null ? null : Math.round((after - before) * 100) / 100;
}

async function main() {
	const started = Date.now();
	console.log(`Học Số benchmark: ${options.duration} s per scenario after ${options.warmup} s warm-up; ${options.pageConnections} connections for pages, ${options.signInConnections} for sign-in`);
	const baseline = await idleCpu();
	if (baseline !== null && baseline > 0.25) {
		console.log(`warning: the machine is busy before the benchmark starts (${baseline} of ${os.cpus().length} cores in use by other processes): the figures will understate the app`);
	}
	const app = await prepareApp(options);
	cleanups.add(app.dispose);
	console.log(app.description);

	const reports: ModeReport[] = [];
	for (const mode of options.modes) {
		if (mode === 'postgres' && !options.databaseUrl) {
			console.log('\n[postgres] skipped: set BENCH_DATABASE_URL (or DATABASE_URL) to a Postgres server, e.g. postgres://user:pass@127.0.0.1:5432/postgres; a fresh database is created there and dropped afterwards');
			continue;
		}
		const report = await runMode(app, mode);
		report.environment.busyCoresBeforeStart = baseline;
		reports.push(report);
		printReport(report);
		console.log(`  → ${path.relative(options.root, await writeReport(options.resultsDir, stamp, report))}`);
	}

	if (reports.length > 1) {
		console.log('\n== summary');
		for (const report of reports) {
			console.log(`\n${report.mode}${report.dataset ? `: ${describeDataset({ ...report.dataset, catalogue: [] })}` : ''}\n${formatTable(report)}`);
		}
		if (pageWeight) console.log(`\n${formatWeight(pageWeight)}`);
	}
	console.log(`\ndone in ${Math.round((Date.now() - started) / 1000)} s`);
	const trustworthy = reports.every((report) => report.failures.length === 0 && report.scenarios.every((outcome) => outcome.failures.length === 0));
	if (!trustworthy) {
		console.log('some figures are not trustworthy (errors or wrong responses): see the lines marked !');
		process.exitCode = 1;
	}
}

try {
	await main();
} catch (error) {
	console.error(`benchmark failed: ${(error as Error).message}`);
	process.exitCode = 1;
} finally {
	await cleanUp();
}
