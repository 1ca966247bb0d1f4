// The app the benchmark runs. By default (BENCH_BUILD=copy) a private copy of the current sources,
// built in a temporary folder: the figures are for the code as it is now, and neither side disturbs
// the other when someone else rebuilds or serves build/ meanwhile (a rebuild pulls server chunks away
// from a running server: "Cannot find module build/server/nodes/…"). The in-place modes use build/:
// auto builds it when missing or older than the sources, always rebuilds it, never uses it as it is.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BenchOptions } from './options.ts';

/** What the build reads (and the server at run time: migrations and shim are read from the cwd). */
const SOURCES = ['src', 'static', 'supabase', 'package.json', 'vite.config.ts', 'svelte.config.js', 'tsconfig.json', 'server.js', '.env'];

export type App = { dir: string; description: string; dispose: () => Promise<void> };

function newestChange(file: string): number {
	if (!existsSync(file)) return 0;
	const stat = statSync(file);
	if (!stat.isDirectory()) return stat.mtimeMs;
	return readdirSync(file).reduce((newest, entry) => Math.max(newest, newestChange(path.join(file, entry))), stat.mtimeMs);
}

function stale(root: string): string | null {
	const handler = path.join(root, 'build', 'handler.js');
	if (!existsSync(handler)) return 'build/ is missing';
	const built = statSync(handler).mtimeMs;
	const changed = Math.max(...SOURCES.filter((source) => source !== 'server.js').map((source) => newestChange(path.join(root, source))));
	return changed > built ? 'sources changed since the last build' : null;
}

function viteBuild(root: string, dir: string): Promise<void> {
	const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
	return new Promise<void>((resolve, reject) => {
		const child = spawn(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] });
		const timer = setTimeout(() => child.kill('SIGTERM'), 120_000);
		child.on('error', reject);
		child.on('exit', (code, signal) => {
			clearTimeout(timer);
			if (code === 0) resolve();
			else reject(new Error(`vite build failed (${signal ?? `exit code ${code}`})`));
		});
	});
}

export async function prepareApp(options: BenchOptions): Promise<App> {
	const { root } = options;
	const nothing = async () => {};
	if (options.build === 'copy') {
		const dir = mkdtempSync(path.join(os.tmpdir(), 'hocso-bench-app-'));
		const dispose = async () => rmSync(dir, { recursive: true, force: true });
		try {
			for (const source of SOURCES) {
				if (existsSync(path.join(root, source))) cpSync(path.join(root, source), path.join(dir, source), { recursive: true });
			}
			// Packages resolve from the project's node_modules (by its real path).
			symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
			await viteBuild(root, dir);
		} catch (error) {
			await dispose();
			throw error;
		}
		return { dir, description: `built a copy of the current sources in ${dir}`, dispose };
	}
	const reason = options.build === 'always' ? 'BENCH_BUILD=always' : options.build === 'auto' ? stale(root) : null;
	if (reason) {
		await viteBuild(root, root);
		return { dir: root, description: `built build/ in place (${reason})`, dispose: nothing };
	}
	if (!existsSync(path.join(root, 'build', 'handler.js'))) throw new Error('build/ is missing and BENCH_BUILD=never: run `npx vite build` first');
	return { dir: root, description: options.build === 'never' ? 'using build/ as it is (BENCH_BUILD=never)' : 'build/ is up to date with the sources', dispose: nothing };
}
