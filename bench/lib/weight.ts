// The JavaScript a browser loads for one page: the page's <script src>, <link rel="modulepreload"> and
// the modules its inline start-up script imports, then everything those import statically, followed
// module by module. Each file is fetched from the server as it is (identity) and as the server sends
// it compressed (Accept-Encoding br, then gzip: adapter-node serves precompressed files), and also
// compressed here with node:zlib (gzip -9, brotli q11), so that the figure does not depend on how the
// files happen to be served. Dynamic imports other than the start-up script's are not followed: they
// load other pages' code, on navigation.
import http from 'node:http';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export type ScriptWeight = { url: string; bytes: number; gzip: number; brotli: number; servedBrotli: number | null; servedGzip: number | null };

export type PageWeight = {
	page: string;
	scripts: ScriptWeight[];
	total: { bytes: number; gzip: number; brotli: number; servedBrotli: number | null; servedGzip: number | null };
	/** The budget in bytes (60 KB = 60 × 1024), held against the gzip -9 total and the brotli one (what browsers get). */
	budgetBytes: number;
	withinBudget: { gzip: boolean; brotli: boolean };
	/**
	 * What a real browser (Chromium through Playwright) fetched, when it could be run. Scripts it loaded
	 * that the crawl did not find (SvelteKit's client also imports the root error page at start) are
	 * counted in the totals too.
	 */
	browser?: { scripts: number; transferredBytes: number; missedByCrawl: string[] } | { error: string };
};

type Raw = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };

/** A GET with exactly the headers given (fetch would add Accept-Encoding and decompress). */
export function rawGet(url: string, headers: Record<string, string> = {}): Promise<Raw> {
	return new Promise((resolve, reject) => {
		const request = http.get(url, { headers, timeout: 10_000 }, (response) => {
			const chunks: Buffer[] = [];
			response.on('data', (chunk: Buffer) => chunks.push(chunk));
			response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
			response.on('error', reject);
		});
		request.on('timeout', () => request.destroy(new Error(`GET ${url} timed out`)));
		request.on('error', reject);
	});
}

/** Static imports and re-exports of an ES module (Vite's minified output): `import{a}from"./x.js"`, `import"./y.js"`, `export*from"./z.js"`. */
export function staticImports(code: string): string[] {
	const found = new Set<string>();
	for (const match of code.matchAll(/(?:^|[;\s}])(?:import|export)\s*(?:[\w*${}\s,]+?\s*from\s*)?["']([^"']+)["']/g)) found.add(match[1]);
	return [...found];
}

/** The entry points the HTML names: script src, modulepreload links, and import("…") in inline scripts. */
export function pageEntries(html: string): string[] {
	const found = new Set<string>();
	for (const [tag] of html.matchAll(/<link\b[^>]*>/g)) {
		if (/\brel=["']?modulepreload\b/.test(tag)) {
			const href = /\bhref=["']([^"']+)["']/.exec(tag)?.[1];
			if (href) found.add(href);
		}
	}
	for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
		const src = /\bsrc=["']([^"']+)["']/.exec(match[1])?.[1];
		if (src) found.add(src);
		for (const imported of match[2].matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)) found.add(imported[1]);
	}
	return [...found];
}

async function served(url: string, encoding: 'br' | 'gzip', identity: Buffer): Promise<number | null> {
	const response = await rawGet(url, { 'accept-encoding': encoding });
	if (response.status !== 200) return null;
	// A file the server does not compress is sent as it is: then that is what goes over the wire.
	return response.headers['content-encoding'] === encoding || response.body.length <= identity.length ? response.body.length : null;
}

/** Every script the page loads at start-up, by the crawl described above (absolute URLs). */
export async function crawlPageScripts(baseUrl: string, page: string, headers: Record<string, string> = {}): Promise<string[]> {
	const pageUrl = new URL(page, baseUrl);
	const html = await rawGet(pageUrl.href, { accept: 'text/html', ...headers });
	if (html.status !== 200) throw new Error(`GET ${page} answered ${html.status}`);
	const queue = pageEntries(html.body.toString('utf8')).map((entry) => new URL(entry, pageUrl).href);
	const seen = new Set(queue);
	for (let i = 0; i < queue.length; i++) {
		const url = queue[i];
		if (new URL(url).origin !== pageUrl.origin) throw new Error(`the page loads a script from another origin: ${url}`);
		const file = await rawGet(url);
		if (file.status !== 200) throw new Error(`GET ${url} answered ${file.status}`);
		for (const imported of staticImports(file.body.toString('utf8'))) {
			const next = new URL(imported, url).href;
			if (!seen.has(next)) {
				seen.add(next);
				queue.push(next);
			}
		}
	}
	return queue;
}

/** Sizes of the given scripts: as they are, compressed here, and as the server sends them. */
export async function weighScripts(page: string, urls: string[]): Promise<PageWeight> {
	const scripts: ScriptWeight[] = [];
	for (const url of urls) {
		const file = await rawGet(url);
		if (file.status !== 200) throw new Error(`GET ${url} answered ${file.status}`);
		scripts.push({
			url: new URL(url).pathname,
			bytes: file.body.length,
			gzip: gzipSync(file.body, { level: 9 }).length,
			brotli: brotliCompressSync(file.body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
			servedBrotli: await served(url, 'br', file.body),
			servedGzip: await served(url, 'gzip', file.body)
		});
	}
	const sum = (pick: (script: ScriptWeight) => number | null) =>
		scripts.some((script) => pick(script) === null) ? null : scripts.reduce((total, script) => total + pick(script)!, 0);
	const total = { bytes: sum((s) => s.bytes)!, gzip: sum((s) => s.gzip)!, brotli: sum((s) => s.brotli)!, servedBrotli: sum((s) => s.servedBrotli), servedGzip: sum((s) => s.servedGzip) };
	const budgetBytes = 60 * 1024;
	return { page, scripts: scripts.sort((a, b) => b.gzip - a.gzip), total, budgetBytes, withinBudget: { gzip: total.gzip <= budgetBytes, brotli: total.brotli <= budgetBytes } };
}
