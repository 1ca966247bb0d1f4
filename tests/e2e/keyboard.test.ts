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
