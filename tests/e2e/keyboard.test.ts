// Keyboard only: the skip link comes first and lands in the main content; sign-in needs no mouse.
import { DEMO_PASSWORD, expect, PERSONAS, test } from './support/fixtures.ts';
import { expectAccessible } from './support/axe.ts';
import { expectSignedIn, field } from './support/flows.ts';
import { t } from './support/i18n.ts';

test('the skip link is the first stop and moves focus to the main content', async ({ page }) => {
	await page.goto('/');
	await expectAccessible(page);
	await page.keyboard.press('Tab');
	const skip = page.getByRole('link', { name: t('vi', 'nav.skip') });
	await expect(skip).toBeFocused();
	await expect(skip).toBeInViewport();
	await expectAccessible(page);
	await page.keyboard.press('Enter');
	await expect(page.getByRole('main')).toBeFocused();
});

test('the sign-in form is completed and sent with the keyboard', async ({ page }) => {
	await page.goto('/login');
	await expectAccessible(page);
	await page.keyboard.press('Tab');
	await page.keyboard.press('Enter');
	await expect(page.getByRole('main')).toBeFocused();
	await page.keyboard.press('Tab');
	await expect(field(page, t('vi', 'auth.identifier'))).toBeFocused();
	await page.keyboard.type(PERSONAS.citizen.email);
	await page.keyboard.press('Tab');
	await expect(field(page, t('vi', 'auth.password'))).toBeFocused();
	await page.keyboard.type(DEMO_PASSWORD);
	await page.keyboard.press('Enter');
	await expectSignedIn(page, PERSONAS.citizen.name);
});

for (const javaScriptEnabled of [true, false]) {
	test.describe(`a phone, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
		test.use({ viewport: { width: 360, height: 740 }, javaScriptEnabled });

		test('the menu opens and leads to a page with the keyboard', async ({ page }) => {
			await page.goto('/');
			await expectAccessible(page);
			// The links are folded away: the bar shows the brand, the language and the menu.
			const nav = page.getByRole('navigation', { name: t('vi', 'nav.label') });
			await expect(nav.getByRole('link', { name: t('vi', 'nav.courses') })).toBeHidden();
			const menu = page.locator('header details.menu summary');
			await menu.focus();
			await page.keyboard.press('Enter');
			await expect(nav.getByRole('link', { name: t('vi', 'nav.home') })).toHaveAttribute('aria-current', 'page');
			await page.keyboard.press('Tab');
			await page.keyboard.press('Tab');
			await expect(nav.getByRole('link', { name: t('vi', 'nav.courses') })).toBeFocused();
			await page.keyboard.press('Enter');
			await expect(page).toHaveURL('/courses');
			// On the new page the menu is folded again, and marks where the reader is.
			await expect(nav.getByRole('link', { name: t('vi', 'nav.courses') })).toBeHidden();
			await expectAccessible(page);
			await menu.click();
			await expect(nav.getByRole('link', { name: t('vi', 'nav.courses') })).toHaveAttribute('aria-current', 'page');
		});
	});
}
