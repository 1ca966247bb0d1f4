// A cross-check of weight.ts with a real browser: Chromium (through Playwright) opens the page, waits
// until it is idle (hydrated), and every script response is counted with its transferred body size.
// Uses PLAYWRIGHT_CHROMIUM_EXECUTABLE, else /usr/bin/chromium when present, else Playwright's own.
import { existsSync } from 'node:fs';
import type { PageWeight } from './weight.ts';

export async function browserScripts(pageUrl: string, crawled: string[]): Promise<NonNullable<PageWeight['browser']>> {
	let chromium: typeof import('@playwright/test').chromium;
	try {
		({ chromium } = await import('@playwright/test'));
	} catch (error) {
		return { error: `Playwright is not installed (${(error as Error).message})` };
	}
	const executablePath = process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
	try {
		const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
		try {
			const page = await browser.newPage();
			const sizes: Promise<{ url: string; bytes: number }>[] = [];
			page.on('requestfinished', (request) => {
				if (request.resourceType() === 'script') {
					sizes.push(request.sizes().then((size) => ({ url: new URL(request.url()).pathname, bytes: size.responseBodySize })));
				}
			});
			await page.goto(pageUrl, { waitUntil: 'networkidle', timeout: 20_000 });
			const scripts = await Promise.all(sizes);
			const crawledSet = new Set(crawled);
			return {
				scripts: scripts.length,
				transferredBytes: scripts.reduce((sum, script) => sum + script.bytes, 0),
				missedByCrawl: scripts.map((script) => script.url).filter((url) => !crawledSet.has(url))
			};
		} finally {
			await browser.close();
		}
	} catch (error) {
		return { error: (error as Error).message.split('\n')[0] };
	}
}
