// The main pages as a person sees them on a 360 px phone and a 1280 px laptop: nothing wider than the
// screen, a header that leaves the phone's screen to the page, no layout shift while loading, axe clean.
// Full-page screenshots of each are kept as test artifacts (screens-*/…png), to be looked at in review.
import type { Page, TestInfo } from '@playwright/test';
import { expect, test } from './support/fixtures.ts';
import { expectAccessible } from './support/axe.ts';
import { demoCourse, lessonPath } from './support/courses.ts';

const course = demoCourse('nhan-biet-lua-dao-truc-tuyen');
const PUBLIC_PAGES: [string, string][] = [
	['home', '/'],
	['catalogue', '/courses'],
	['course', `/courses/${course.slug}`],
	['lesson', lessonPath(course, 0)],
	['contests', '/contests'],
	['contest', '/contests/tim-hieu-phong-chong-lua-dao-2026'],
	['dashboard', '/dashboard'],
	['register', '/register'],
	['login', '/login'],
	['about', '/about']
];

/** Sums the layout shifts the page has had since it started loading (Cumulative Layout Shift). */
const layoutShift = (page: Page) =>
	page.evaluate(
		() =>
			new Promise<number>((resolve) => {
				let total = 0;
				new PerformanceObserver((list) => {
					for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
						if (!entry.hadRecentInput) total += entry.value;
					}
				}).observe({ type: 'layout-shift', buffered: true });
				setTimeout(() => resolve(total), 100);
			})
	);

async function look(page: Page, testInfo: TestInfo, name: string, path: string, width: number) {
	await page.goto(path);
	await page.waitForLoadState('networkidle');
	const { scrollWidth, headerHeight } = await page.evaluate(() => ({
		scrollWidth: document.scrollingElement!.scrollWidth,
		headerHeight: document.querySelector('header.site-header')!.getBoundingClientRect().height
	}));
	expect(scrollWidth, `width of ${path}`).toBeLessThanOrEqual(width);
	// One compact bar on a phone (the menu folds the links away); a bar and a row of links on a laptop.
	expect(headerHeight, `header height on ${path}`).toBeLessThanOrEqual(width < 600 ? 64 : 120);
	expect(await layoutShift(page), `layout shift on ${path}`).toBeLessThan(0.02);
	await expectAccessible(page);
	const file = testInfo.outputPath(`${name}-${width}.png`);
	await page.screenshot({ path: file, fullPage: true });
	await testInfo.attach(`${name}-${width}`, { path: file, contentType: 'image/png' });
}

for (const width of [360, 1280]) {
	test.describe(`${width} px`, () => {
		test.use({ viewport: { width, height: width < 600 ? 740 : 800 } });

		for (const [name, path] of PUBLIC_PAGES) {
			test(`${name} at ${width} px`, async ({ page }, testInfo) => {
				await look(page, testInfo, name, path, width);
			});
		}

		test(`a signed-in citizen's pages at ${width} px`, async ({ page, signedInAs }, testInfo) => {
			test.setTimeout(60_000);
			await signedInAs('citizen');
			for (const [name, path] of [['me', '/me'], ['account', '/account'], ['home-signed-in', '/']]) await look(page, testInfo, name, path, width);
		});
	});
}
