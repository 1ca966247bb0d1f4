// Changing one's password: the old one stops working, the new one signs in.
import { expect, newPerson, test } from './support/fixtures.ts';
import { expectAccessible } from './support/axe.ts';
import { expectSignedIn, field, header, register, signIn, signOut } from './support/flows.ts';
import { t } from './support/i18n.ts';

test('a new account changes its password and signs in with the new one', async ({ page }) => {
	const person = newPerson();
	const newPassword = `${person.password}-moi`;
	await register(page, { name: person.name, identifier: person.email, password: person.password });

	await header(page).getByRole('link', { name: t('vi', 'nav.account') }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('vi', 'account.title'));
	await expectAccessible(page);
	await page.getByRole('link', { name: t('vi', 'account.change_password') }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('vi', 'auth.password_title'));
	await expectAccessible(page);

	await field(page, t('vi', 'auth.current_password')).fill('not-my-password');
	await field(page, t('vi', 'auth.new_password')).fill(newPassword);
	await page.getByRole('button', { name: t('vi', 'auth.password_title') }).click();
	await expect(page.locator('#field-current_password-error')).toHaveText(t('vi', 'errors.wrong_current_password'));
	await expectAccessible(page);

	await field(page, t('vi', 'auth.current_password')).fill(person.password);
	await field(page, t('vi', 'auth.new_password')).fill(newPassword);
	await page.getByRole('button', { name: t('vi', 'auth.password_title') }).click();
	await expect(page.getByRole('status')).toHaveText(t('vi', 'auth.password_changed'));
	await expectAccessible(page);
	await signOut(page);

	await signIn(page, person.email, person.password);
	await expect(page.getByRole('alert')).toHaveText(t('vi', 'errors.invalid_credentials'));
	await expect(page.getByRole('alert')).toHaveText('Số điện thoại/e-mail hoặc mật khẩu không đúng.');
	await expect(field(page, t('vi', 'auth.identifier'))).toHaveValue(person.email);
	await expectAccessible(page);

	await signIn(page, person.email.toUpperCase(), newPassword);
	await expectSignedIn(page, person.name);
});
