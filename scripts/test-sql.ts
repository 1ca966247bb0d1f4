// Runs the pgTAP files in supabase/tests, each on a fresh migrated database: embedded PGlite, or the
// server DATABASE_URL points at. Prints each file's TAP and closes with "N passed, M failed", preceded by the
// coverage figures the files report (a diagnostic "# coverage: …", such as the RLS matrix's).
// Usage: node scripts/test-sql.ts [file.sql …]   (default: every supabase/tests/*.sql)
//
// Setup files: supabase/tests/00000-setup-*.sql run first under `supabase test db` / pg_prove (files run in
// name order, each in its own session) and commit what they create (the `tests` schema of helpers) instead
// of rolling back. Here they are applied, in name order, to the template database after the migrations and
// before it is copied, so every test file starts with their helpers; they are applied whichever files are
// named, never run again per file, and their own TAP is printed and counted once.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Sql } from 'postgres';
import { embeddedDatabases, serverDatabases, type Databases } from './sql-tests/databases.ts';
import { coverage, judge, lineOf, tapLines, type FileVerdict } from './sql-tests/tap.ts';

type FileRun = FileVerdict & { file: string; lines: string[]; ms: number };

const root = path.resolve(import.meta.dirname, '..');
const testsDir = path.join(root, 'supabase/tests');
const SETUP_FILE = /^00000-setup-.*\.sql$/;
const setupFiles = readdirSync(testsDir).filter((file) => SETUP_FILE.test(file)).sort().map((file) => path.join(testsDir, file));
const files = (
	process.argv.length > 2
		? process.argv.slice(2).map((file) => path.resolve(file))
		: readdirSync(testsDir).filter((file) => file.endsWith('.sql')).sort().map((file) => path.join(testsDir, file))
).filter((file) => !setupFiles.includes(file));

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
const newRun = (file: string): FileRun => ({ file: path.relative(root, file), lines: [], passed: 0, failed: 0, problems: [], ms: 0 });
const clean = (run: FileRun) => run.failed === 0 && run.problems.length === 0;

/** Runs a file's text on the connection and judges its TAP; an SQL error becomes a problem of the run. */
async function execute(sql: Sql, run: FileRun, text: string) {
	try {
		run.lines = tapLines(await sql.unsafe(text));
		Object.assign(run, judge(run.lines));
	} catch (error) {
		const e = error as Error & { code?: string; position?: unknown };
		run.problems.push(`SQL error${lineOf(text, e.position)}: ${e.message}${e.code ? ` (${e.code})` : ''}`);
	}
}

async function runFile(databases: Databases, file: string): Promise<FileRun> {
	const started = performance.now();
	const run = newRun(file);
	let database;
	try {
		database = await databases.fresh();
		await execute(database.sql, run, readFileSync(file, 'utf8'));
	} catch (error) {
		run.problems.push(`SQL error while preparing the database: ${(error as Error).message}`);
	} finally {
		await database?.close();
	}
	run.ms = Math.round(performance.now() - started);
	return run;
}

/** The setup files' runs, on the template; printed once the template is ready. */
const setupRuns: FileRun[] = [];

/** Applies the setup files to the template; one that does not pass stops everything, its helpers being needed. */
async function applySetup(sql: Sql) {
	for (const file of setupFiles) {
		const started = performance.now();
		const run = newRun(file);
		await execute(sql, run, readFileSync(file, 'utf8'));
		run.ms = Math.round(performance.now() - started);
		setupRuns.push(run);
		if (!clean(run)) throw new Error(`${run.file} did not pass, so the test files would lack its helpers`);
	}
}

function print(run: FileRun, note = '') {
	console.log(`# ${run.file}: ${clean(run) ? 'ok' : 'FAILED'} (${run.passed} passed, ${run.failed} failed, ${run.ms} ms${note})`);
	for (const line of run.lines) console.log(line);
	for (const problem of run.problems) console.log(`# ${run.file}: ${problem}`);
}

let setupPrinted = 0;
const printSetup = () => setupRuns.slice(setupPrinted).forEach((run) => (setupPrinted++, print(run, ', applied to the template')));

/** Runs the files, databases.concurrency at a time, printing each as it ends; returns the runs in file order. */
async function runAll(databases: Databases): Promise<FileRun[]> {
	const runs: FileRun[] = new Array(files.length);
	let next = 0;
	const worker = async () => {
		while (next < files.length) {
			const index = next++;
			runs[index] = await runFile(databases, files[index]);
			print(runs[index]);
		}
	};
	await Promise.all(Array.from({ length: Math.min(databases.concurrency, files.length) }, worker));
	return runs;
}

const started = performance.now();
const url = process.env.DATABASE_URL;
let runs: FileRun[] = [];
let setupError: Error | undefined;
try {
	const databases = url ? await serverDatabases(url, root, applySetup) : await embeddedDatabases(root, applySetup);
	const ready = ((performance.now() - started) / 1000).toFixed(1);
	const setUp = setupFiles.length ? ` and set up by ${count(setupFiles.length, 'setup file')}` : '';
	console.log(`# ${count(files.length, 'SQL test file')} on ${databases.description} (template migrated${setUp} in ${ready} s)`);
	printSetup();
	try {
		runs = await runAll(databases);
	} finally {
		await databases.close();
	}
} catch (error) {
	setupError = error as Error;
	printSetup();
	console.log(`# setup failed: ${setupError.message}`);
}

// The setup files count once, like any file; a file that errored or broke its plan counts as one more
// failure, so it can never pass silently.
const all = [...setupRuns, ...runs];
const passed = all.reduce((sum, run) => sum + run.passed, 0);
const failed =
	all.reduce((sum, run) => sum + run.failed + (run.problems.length > 0 ? 1 : 0), 0) +
	(setupError && setupRuns.every(clean) ? 1 : 0);
const took = ((performance.now() - started) / 1000).toFixed(1);
console.log(`# ${count(setupRuns.length, 'setup file')} and ${count(runs.length, 'test file')} in ${took} s`);
for (const figure of coverage(all.flatMap((run) => run.lines))) console.log(`# ${figure}`);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 || runs.length === 0 ? 1 : 0;
