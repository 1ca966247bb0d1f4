// Builds the app (vite build → build/) before measuring, so the figures are for the current source.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { BenchOptions } from './options.ts';

export async function ensureBuild(options: BenchOptions): Promise<'built' | 'reused'> {
	const handler = path.join(options.root, 'build', 'handler.js');
	const present = existsSync(handler);
	if (options.build === 'never' || (options.build === 'missing' && present)) {
		if (!present) throw new Error('build/ is missing and BENCH_BUILD=never: run `npx vite build` first');
		return 'reused';
	}
	const vite = path.join(options.root, 'node_modules', 'vite', 'bin', 'vite.js');
	await new Promise<void>((resolve, reject) => {
		const child = spawn(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: options.root, stdio: ['ignore', 'inherit', 'inherit'] });
		const timer = setTimeout(() => child.kill('SIGTERM'), 120_000);
		child.on('error', reject);
		child.on('exit', (code, signal) => {
			clearTimeout(timer);
			if (code === 0) resolve();
			else reject(new Error(`vite build failed (${signal ?? `exit code ${code}`})`));
		});
	});
	return 'built';
}
