// An unknown address answers 404 with a page in the reader's language.
import { expect, test } from './support/fixtures.ts';
import { expectAccessible } from './support/axe.ts';
import { expectLanguage, switchLanguage } from './support/flows.ts';
import { t } from './support/i18n.ts';

test('the 404 page speaks Vietnamese, then English', async ({ page }) => {
	const response = await page.goto('/khong-co-trang-nay');
	expect(response?.status()).toBe(404);
	await expectLanguage(page, 'vi');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('vi', 'errors.title', { status: 404 }));
	await expect(page.getByText(t('vi', 'errors.not_found'))).toBeVisible();
	await expectAccessible(page);

	await switchLanguage(page, 'en');
	await expect(page).toHaveURL('/khong-co-trang-nay');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('en', 'errors.title', { status: 404 }));
	await expect(page.getByText(t('en', 'errors.not_found'))).toBeVisible();
	await expect(page.getByRole('main').getByRole('link', { name: t('en', 'nav.home') })).toBeVisible();
});
