// A 360 px phone: the public pages fit the width (no sideways scrolling) in both languages.
import { expect, test } from './support/fixtures.ts';
import { expectAccessible } from './support/axe.ts';
import { switchLanguage } from './support/flows.ts';
import type { Page } from '@playwright/test';

test.use({ viewport: { width: 360, height: 740 } });

const PAGES = ['/', '/register', '/login'];

async function expectFitsWidth(page: Page) {
	const width = await page.evaluate(() => document.scrollingElement!.scrollWidth);
	expect(width, `page width of ${page.url()}`).toBeLessThanOrEqual(360);
}

test('home, registration and sign-in fit a 360 px screen', async ({ page }) => {
	for (const path of PAGES) {
		await page.goto(path);
		await expectFitsWidth(page);
		await expectAccessible(page);
	}
	await switchLanguage(page, 'en');
	for (const path of PAGES) {
		await page.goto(path);
		await expectFitsWidth(page);
		await expectAccessible(page);
	}
});
