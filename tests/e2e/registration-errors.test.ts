// Bad input on the sign-up form: the typed values stay, the localised message sits beside the field,
// and nothing is created until the form is right. A second account with the same contact is refused.
import { expect, newPerson, test } from './support/fixtures.ts';
import { expectAccessible } from './support/axe.ts';
import { expectSignedIn, field, fillRegistration, signOut, switchLanguage } from './support/flows.ts';
import { t, type Locale } from './support/i18n.ts';
import type { Page } from '@playwright/test';

async function expectFieldError(page: Page, name: string, label: string, message: string) {
	const input = field(page, label);
	const error = page.locator(`#field-${name}-error`);
	await expect(error).toHaveText(message);
	await expect(input).toHaveAttribute('aria-invalid', 'true');
	await expect(input).toHaveAttribute('aria-describedby', new RegExp(`\\bfield-${name}-error\\b`));
}

async function expectFormRejected(page: Page, locale: Locale = 'vi') {
	await expect(page.getByRole('alert')).toHaveText(t(locale, 'errors.form_has_errors'));
	await expect(page).toHaveURL('/register');
}

for (const javaScriptEnabled of [true, false]) {
	test.describe(`JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
		test.use({ javaScriptEnabled });

		test('an invalid phone number and a common password are explained beside their fields', async ({ page }) => {
			const person = newPerson();
			await page.goto('/register');
			await expectAccessible(page);

			await fillRegistration(page, { name: person.name, identifier: '0912 345', password: person.password });
			await expectFormRejected(page);
			await expectFieldError(page, 'identifier', t('vi', 'auth.identifier'), t('vi', 'errors.identifier_invalid'));
			await expect(field(page, t('vi', 'auth.name'))).toHaveValue(person.name);
			await expect(field(page, t('vi', 'auth.identifier'))).toHaveValue('0912 345');
			await expectAccessible(page);

			await fillRegistration(page, { name: person.name, identifier: person.phone, password: '12345678' });
			await expectFormRejected(page);
			await expectFieldError(page, 'password', t('vi', 'auth.password'), t('vi', 'errors.password_common'));
			await expect(page.locator('#field-identifier-error')).toHaveCount(0);
			await expect(field(page, t('vi', 'auth.name'))).toHaveValue(person.name);
			await expect(field(page, t('vi', 'auth.identifier'))).toHaveValue(person.phone);
			await expectAccessible(page);

			// Nothing was created by the refused attempts: the same number now registers.
			await fillRegistration(page, { name: person.name, identifier: person.phone, password: person.password });
			await expectSignedIn(page, person.name);
		});
	});
}

test('the messages follow the chosen language', async ({ page }) => {
	await page.goto('/register');
	await expectAccessible(page);
	await switchLanguage(page, 'en');
	await fillRegistration(page, { name: '', identifier: 'lan@example', password: 'short' }, 'en');
	await expectFormRejected(page, 'en');
	await expectFieldError(page, 'display_name', t('en', 'auth.name'), t('en', 'errors.name_required'));
	await expectFieldError(page, 'identifier', t('en', 'auth.identifier'), t('en', 'errors.identifier_invalid'));
	await expectFieldError(page, 'password', t('en', 'auth.password'), t('en', 'errors.password_too_short'));
	await expectAccessible(page);
});

test('a second account with the same phone number is refused with the generic message', async ({ page }) => {
	const person = newPerson();
	await page.goto('/register');
	await expectAccessible(page);
	await fillRegistration(page, { name: person.name, identifier: person.phone, password: person.password });
	await expectSignedIn(page, person.name);
	await signOut(page);

	await page.goto('/register');
	await expectAccessible(page);
	const other = newPerson();
	await fillRegistration(page, { name: other.name, identifier: person.phoneInternational, password: other.password });
	await expect(page.getByRole('alert')).toHaveText(t('vi', 'errors.account_exists'));
	await expect(field(page, t('vi', 'auth.name'))).toHaveValue(other.name);
	await expect(field(page, t('vi', 'auth.identifier'))).toHaveValue(person.phoneInternational);
	await expectAccessible(page);
});
