// Runs the pgTAP files in supabase/tests, each on a fresh migrated database: embedded PGlite, or the
// server DATABASE_URL points at. Prints each file's TAP and closes with "N passed, M failed".
// Usage: node scripts/test-sql.ts [file.sql …]   (default: every supabase/tests/*.sql)
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { embeddedDatabases, serverDatabases, type Databases } from './sql-tests/databases.ts';
import { judge, lineOf, tapLines, type FileVerdict } from './sql-tests/tap.ts';

type FileRun = FileVerdict & { file: string; lines: string[]; ms: number };

const root = path.resolve(import.meta.dirname, '..');
const testsDir = path.join(root, 'supabase/tests');
const files = process.argv.length > 2
	? process.argv.slice(2).map((file) => path.resolve(file))
	: readdirSync(testsDir).filter((file) => file.endsWith('.sql')).sort().map((file) => path.join(testsDir, file));

async function runFile(databases: Databases, file: string): Promise<FileRun> {
	const started = performance.now();
	const text = readFileSync(file, 'utf8');
	const run: FileRun = { file: path.relative(root, file), lines: [], passed: 0, failed: 0, problems: [], ms: 0 };
	let database;
	try {
		database = await databases.fresh();
		run.lines = tapLines(await database.sql.unsafe(text));
		Object.assign(run, judge(run.lines));
	} catch (error) {
		const e = error as Error & { code?: string; position?: unknown };
		const where = database ? lineOf(text, e.position) : ' while preparing the database';
		run.problems.push(`SQL error${where}: ${e.message}${e.code ? ` (${e.code})` : ''}`);
	} finally {
		await database?.close();
	}
	run.ms = Math.round(performance.now() - started);
	return run;
}

function print(run: FileRun) {
	const ok = run.failed === 0 && run.problems.length === 0;
	console.log(`# ${run.file}: ${ok ? 'ok' : 'FAILED'} (${run.passed} passed, ${run.failed} failed, ${run.ms} ms)`);
	for (const line of run.lines) console.log(line);
	for (const problem of run.problems) console.log(`# ${run.file}: ${problem}`);
}

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
	const databases = url ? await serverDatabases(url, root) : await embeddedDatabases(root);
	const ready = ((performance.now() - started) / 1000).toFixed(1);
	console.log(`# ${files.length} SQL test files on ${databases.description} (template migrated in ${ready} s)`);
	try {
		runs = await runAll(databases);
	} finally {
		await databases.close();
	}
} catch (error) {
	setupError = error as Error;
	console.log(`# setup failed: ${setupError.message}`);
}

const passed = runs.reduce((sum, run) => sum + run.passed, 0);
// A file that errored or broke its plan counts as one more failure, so it can never pass silently.
const failed = runs.reduce((sum, run) => sum + run.failed + (run.problems.length > 0 ? 1 : 0), 0) + (setupError ? 1 : 0);
console.log(`# ${runs.length} files in ${((performance.now() - started) / 1000).toFixed(1)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 || runs.length === 0 ? 1 : 0;
