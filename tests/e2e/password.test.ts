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

test('wrong passwords from another browser are slowed, with how long to wait; the browser that signed in before is not', async ({ page }) => {
	const person = newPerson();
	await register(page, { name: person.name, identifier: person.email, password: person.password });
	await signOut(page);
	const deviceCookie = (await page.context().cookies()).find((cookie) => cookie.name === 'hs_device');
	expect(deviceCookie?.httpOnly).toBe(true);

	// A stranger's browser: no cookies at all. The first three wrong passwords are answered at once, then
	// each must wait (1 s, 2 s, 4 s …); a form page takes well under that to come back.
	await page.context().clearCookies();
	const [before, after] = t('vi', 'errors.throttled').split('{{wait}}');
	const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	const throttled = new RegExp(`^${escape(before)}\\d+ ${escape(t('vi', 'auth.wait_seconds_other').replace('{{count}} ', ''))}${escape(after)}$`);
	let attempts = 0;
	for (; attempts < 8; attempts++) {
		await signIn(page, person.email, `not-my-password-${attempts}`);
		const alert = page.getByRole('alert');
		await expect(alert).toBeVisible();
		if (throttled.test(await alert.innerText())) break;
		await expect(alert).toHaveText(t('vi', 'errors.invalid_credentials'));
	}
	expect(attempts).toBeGreaterThanOrEqual(3);
	await expect(page.getByRole('alert')).toHaveText(throttled);
	await expectAccessible(page);

	// The owner's own browser still holds its device cookie, and goes straight in.
	await page.context().addCookies([deviceCookie!]);
	await signIn(page, person.email, person.password);
	await expectSignedIn(page, person.name);
});
