// Loads the bench data set (generate.ts) into a mode's fresh database before its server starts: in a
// child process whose cwd is the app copy, so that migrations and the course seed are the server's own.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { DatasetSummary } from './generate.ts';
import { serverEnv } from './server.ts';
import type { DatabaseMode } from './types.ts';

export type { DatasetCourse, DatasetLesson, DatasetSummary } from './generate.ts';

/**
 * standard: the data set of the page scenarios (50 000 learners, 60 % enrolled in 1–3 courses, progress and
 * completions by the database's triggers); province: the province-scale data set of the dashboard
 * (BENCH_DATASET=province; 200 000 learners by default, most enrolled in many courses, about 25 lesson progress
 * rows per learner, completions set-based, learners spread over the communes by their population).
 */
export type DatasetProfile = 'standard' | 'province';

/**
 * quizAttempts: attempts in progress prepared for quiz-submit (0 when it does not run); progressPerLearner: the
 * lesson progress rows aimed at per learner (province only); dashboard: refresh the target figures and time the
 * dashboard's queries (when a dashboard scenario runs, and always in the province profile).
 */
export type DatasetSize = { profile: DatasetProfile; courses: number; learners: number; quizAttempts: number; progressPerLearner: number; dashboard: boolean };

/**
 * The sizes of a mode: BENCH_DATASET, BENCH_COURSES / BENCH_LEARNERS (or BENCH_EMBEDDED_LEARNERS for embedded),
 * BENCH_PROGRESS_PER_LEARNER; BENCH_QUIZ_ATTEMPTS / BENCH_EMBEDDED_QUIZ_ATTEMPTS when quiz-submit runs (at most
 * one per learner).
 */
export function datasetSize(mode: DatabaseMode, needs: { quizSubmit: boolean; dashboard: boolean }, env: NodeJS.ProcessEnv = process.env): DatasetSize & { note?: string } {
	const profile = env.BENCH_DATASET || 'standard';
	if (profile !== 'standard' && profile !== 'province') throw new Error(`BENCH_DATASET must be standard or province, not ${profile}`);
	const courses = Number(env.BENCH_COURSES || 500);
	let learners = Number(env.BENCH_LEARNERS || (profile === 'province' ? 200_000 : 50_000));
	let note: string | undefined;
	if (mode === 'embedded' && env.BENCH_EMBEDDED_LEARNERS) {
		const scaled = Number(env.BENCH_EMBEDDED_LEARNERS);
		if (scaled !== learners) note = `embedded scaled down to ${scaled} learners (BENCH_EMBEDDED_LEARNERS)`;
		learners = scaled;
	}
	const progressPerLearner = Number(env.BENCH_PROGRESS_PER_LEARNER || 25);
	if (!(progressPerLearner > 0 && progressPerLearner <= 200)) throw new Error(`BENCH_PROGRESS_PER_LEARNER must be a number from 1 to 200, not ${env.BENCH_PROGRESS_PER_LEARNER}`);
	const pool = mode === 'embedded' ? Number(env.BENCH_EMBEDDED_QUIZ_ATTEMPTS || 4_000) : Number(env.BENCH_QUIZ_ATTEMPTS || 12_000);
	return {
		profile,
		courses,
		learners,
		quizAttempts: needs.quizSubmit ? Math.min(pool, learners) : 0,
		progressPerLearner,
		dashboard: needs.dashboard || profile === 'province',
		note
	};
}

export async function generateDataset(options: {
	appDir: string;
	benchRoot: string;
	env: Record<string, string>;
	size: DatasetSize;
	timeoutMs?: number;
	/** Called with each step's line ("generate: learners 12.3 s") as the generator prints it. */
	progress?: (line: string) => void;
}): Promise<DatasetSummary> {
	const dir = mkdtempSync(path.join(os.tmpdir(), 'hocso-bench-dataset-'));
	const resultFile = path.join(dir, 'result.json');
	try {
		const output: string[] = [];
		const child = spawn(process.execPath, [path.join(options.benchRoot, 'bench', 'lib', 'generate.ts'), resultFile], {
			cwd: options.appDir,
			env: { ...serverEnv(0, options.env), BENCH_GEN_COURSES: String(options.size.courses), BENCH_GEN_LEARNERS: String(options.size.learners),
				BENCH_GEN_QUIZ_ATTEMPTS: String(options.size.quizAttempts), BENCH_GEN_PROFILE: options.size.profile,
				BENCH_GEN_PROGRESS: String(options.size.progressPerLearner), BENCH_GEN_DASHBOARD: options.size.dashboard ? '1' : '0', LOG_LEVEL: 'warn' },
			stdio: ['ignore', 'pipe', 'pipe']
		});
		// The generator prints each step's time as it goes (a province-scale data set takes minutes): passed on.
		for (const stream of [child.stdout!, child.stderr!]) {
			createInterface({ input: stream }).on('line', (line) => {
				output.push(line);
				if (options.progress && line.startsWith('generate: ')) options.progress(line);
			});
		}
		const guard = () => child.kill('SIGKILL');
		process.once('exit', guard);
		const timer = setTimeout(() => child.kill('SIGTERM'), options.timeoutMs ?? 600_000);
		const status = await new Promise<string>((resolve) => child.once('close', (code, signal) => resolve(signal ? `signal ${signal}` : `exit code ${code}`)));
		clearTimeout(timer);
		process.off('exit', guard);
		if (status !== 'exit code 0') throw new Error(`generating the data set failed (${status}): ${output.filter((line) => !/^\s+at /.test(line)).slice(-8).join('\n')}`);
		return JSON.parse(readFileSync(resultFile, 'utf8')) as DatasetSummary;
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}
