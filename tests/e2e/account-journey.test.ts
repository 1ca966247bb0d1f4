// The core account journey, with JavaScript on and off: register with a phone number, sign out, sign
// in with the same number written another way, switch to English (remembered), sign out.
import { expect, newPerson, test } from './support/fixtures.ts';
import { expectAccessible } from './support/axe.ts';
import { expectLanguage, expectSignedIn, field, fillRegistration, header, signOut, switchLanguage } from './support/flows.ts';
import { t } from './support/i18n.ts';

for (const javaScriptEnabled of [true, false]) {
	test.describe(`JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
		test.use({ javaScriptEnabled });

		test('register by phone, sign in as +84…, switch to English, sign out', async ({ page }) => {
			// Eleven pages, each checked with axe (twice over where JavaScript is off): more than the default.
			test.setTimeout(60_000);
			const person = newPerson();
			await page.goto('/');
			await expectAccessible(page);
			await expectLanguage(page, 'vi');

			await header(page).getByRole('link', { name: t('vi', 'auth.register') }).click();
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('vi', 'auth.register_title'));
			await expectAccessible(page);
			await fillRegistration(page, { name: person.name, identifier: person.phone, password: person.password, homeUnit: 'Xã Bác Ái Tây' });
			await expectSignedIn(page, person.name);
			await expect(page.getByText(t('vi', 'home.welcome', { name: person.name }))).toBeVisible();

			await header(page).getByRole('link', { name: t('vi', 'nav.account') }).click();
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('vi', 'account.title'));
			await expect(page.getByText(person.phoneInternational.replaceAll(' ', ''))).toBeVisible();
			await expect(field(page, t('vi', 'account.home_unit')).locator('option:checked')).toHaveText('Xã Bác Ái Tây');
			await expectAccessible(page);

			await signOut(page);
			await header(page).getByRole('link', { name: t('vi', 'auth.login'), exact: true }).click();
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('vi', 'auth.login_title'));
			await expectAccessible(page);
			await field(page, t('vi', 'auth.identifier')).fill(person.phoneInternational);
			await field(page, t('vi', 'auth.password')).fill(person.password);
			await page.getByRole('main').getByRole('button', { name: t('vi', 'auth.login') }).click();
			await expectSignedIn(page, person.name);

			await switchLanguage(page, 'en');
			await expectSignedIn(page, person.name, 'en');
			await page.reload();
			await expectLanguage(page, 'en');
			await expectSignedIn(page, person.name, 'en');

			await signOut(page, 'en');
			await expectLanguage(page, 'en');
		});
	});
}
