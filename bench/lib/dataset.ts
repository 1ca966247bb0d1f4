// Loads the bench data set (generate.ts) into a mode's fresh database before its server starts: in a
// child process whose cwd is the app copy, so that migrations and the course seed are the server's own.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DatasetSummary } from './generate.ts';
import { serverEnv } from './server.ts';
import type { DatabaseMode } from './types.ts';

export type { DatasetCourse, DatasetLesson, DatasetSummary } from './generate.ts';

/** quizAttempts: attempts in progress prepared for quiz-submit (0 when it does not run). */
export type DatasetSize = { courses: number; learners: number; quizAttempts: number };

/**
 * The sizes of a mode: BENCH_COURSES / BENCH_LEARNERS, or BENCH_EMBEDDED_LEARNERS for embedded;
 * BENCH_QUIZ_ATTEMPTS / BENCH_EMBEDDED_QUIZ_ATTEMPTS when quiz-submit runs (at most one per learner).
 */
export function datasetSize(mode: DatabaseMode, quizSubmit: boolean, env: NodeJS.ProcessEnv = process.env): DatasetSize & { note?: string } {
	const courses = Number(env.BENCH_COURSES || 500);
	let learners = Number(env.BENCH_LEARNERS || 50_000);
	let note: string | undefined;
	if (mode === 'embedded' && env.BENCH_EMBEDDED_LEARNERS) {
		const scaled = Number(env.BENCH_EMBEDDED_LEARNERS);
		if (scaled !== learners) note = `embedded scaled down to ${scaled} learners (BENCH_EMBEDDED_LEARNERS)`;
		learners = scaled;
	}
	const pool = mode === 'embedded' ? Number(env.BENCH_EMBEDDED_QUIZ_ATTEMPTS || 4_000) : Number(env.BENCH_QUIZ_ATTEMPTS || 12_000);
	return { courses, learners, quizAttempts: quizSubmit ? Math.min(pool, learners) : 0, note };
}

export async function generateDataset(options: { appDir: string; benchRoot: string; env: Record<string, string>; size: DatasetSize; timeoutMs?: number }): Promise<DatasetSummary> {
	const dir = mkdtempSync(path.join(os.tmpdir(), 'hocso-bench-dataset-'));
	const resultFile = path.join(dir, 'result.json');
	try {
		const output: string[] = [];
		const child = spawn(process.execPath, [path.join(options.benchRoot, 'bench', 'lib', 'generate.ts'), resultFile], {
			cwd: options.appDir,
			env: { ...serverEnv(0, options.env), BENCH_GEN_COURSES: String(options.size.courses), BENCH_GEN_LEARNERS: String(options.size.learners),
				BENCH_GEN_QUIZ_ATTEMPTS: String(options.size.quizAttempts), LOG_LEVEL: 'warn' },
			stdio: ['ignore', 'pipe', 'pipe']
		});
		for (const stream of [child.stdout!, child.stderr!]) stream.on('data', (chunk: Buffer) => output.push(chunk.toString()));
		const guard = () => child.kill('SIGKILL');
		process.once('exit', guard);
		const timer = setTimeout(() => child.kill('SIGTERM'), options.timeoutMs ?? 600_000);
		const status = await new Promise<string>((resolve) => child.once('exit', (code, signal) => resolve(signal ? `signal ${signal}` : `exit code ${code}`)));
		clearTimeout(timer);
		process.off('exit', guard);
		if (status !== 'exit code 0') throw new Error(`generating the data set failed (${status}): ${output.join('').trim().split('\n').slice(-8).join('\n')}`);
		return JSON.parse(readFileSync(resultFile, 'utf8')) as DatasetSummary;
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}
