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

export type DatasetSize = { courses: number; learners: number };

/** The sizes of a mode: BENCH_COURSES / BENCH_LEARNERS, or BENCH_EMBEDDED_LEARNERS for embedded. */
export function datasetSize(mode: DatabaseMode, env: NodeJS.ProcessEnv = process.env): DatasetSize & { note?: string } {
	const courses = Number(env.BENCH_COURSES || 500);
	const learners = Number(env.BENCH_LEARNERS || 50_000);
	if (mode === 'embedded' && env.BENCH_EMBEDDED_LEARNERS) {
		const scaled = Number(env.BENCH_EMBEDDED_LEARNERS);
		if (scaled !== learners) return { courses, learners: scaled, note: `embedded scaled down to ${scaled} learners (BENCH_EMBEDDED_LEARNERS)` };
	}
	return { courses, learners };
}

export async function generateDataset(options: { appDir: string; benchRoot: string; env: Record<string, string>; size: DatasetSize; timeoutMs?: number }): Promise<DatasetSummary> {
	const dir = mkdtempSync(path.join(os.tmpdir(), 'hocso-bench-dataset-'));
	const resultFile = path.join(dir, 'result.json');
	try {
		const output: string[] = [];
		const child = spawn(process.execPath, [path.join(options.benchRoot, 'bench', 'lib', 'generate.ts'), resultFile], {
			cwd: options.appDir,
			env: { ...serverEnv(0, options.env), BENCH_GEN_COURSES: String(options.size.courses), BENCH_GEN_LEARNERS: String(options.size.learners), LOG_LEVEL: 'warn' },
			stdio: ['ignore', 'pipe', 'pipe']
		});
		for (const stream of [child.stdout!, child.stderr!]) stream.on('data', (chunk: Buffer) => output.push(chunk.toString()));
		const guard = () => child.kill('SIGKILL');
		process.once('exit', guard);
		const timer = setTimeout(() => child.kill('SIGTERM'), options.timeoutMs ?? 240_000);
		const status = await new Promise<string>((resolve) => child.once('exit', (code, signal) => resolve(signal ? `signal ${signal}` : `exit code ${code}`)));
		clearTimeout(timer);
		process.off('exit', guard);
		if (status !== 'exit code 0') throw new Error(`generating the data set failed (${status}): ${output.join('').trim().split('\n').slice(-8).join('\n')}`);
		return JSON.parse(readFileSync(resultFile, 'utf8')) as DatasetSummary;
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}
