// Hostile input gets a clean, localised answer, never a 500: control characters in an address are
// refused with a 400 page before any route reads them; in a form field they are refused beside the field.
import { expect, newPerson, test } from './support/fixtures.ts';
import { expectAccessible } from './support/axe.ts';
import { expectSignedIn, field, fillRegistration } from './support/flows.ts';
import { t } from './support/i18n.ts';

for (const address of ['/courses?q=%00', '/courses?q=ky%01nang', '/login?next=/%09/evil.example']) {
	test(`${address} answers 400 with a page that says why`, async ({ page }) => {
		const response = await page.goto(address);
		expect(response?.status()).toBe(400);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('vi', 'errors.title', { status: 400 }));
		await expect(page.getByText(t('vi', 'errors.bad_input'))).toBeVisible();
		await expect(page.getByRole('link', { name: t('vi', 'nav.home') })).toHaveAttribute('href', '/');
		await expectAccessible(page);
	});
}

test('the people search of /admin/roles answers a NUL with a 400', async ({ page, signedInAs }) => {
	await signedInAs('admin');
	expect((await page.goto('/admin/roles?q=%00'))?.status()).toBe(400);
	await expect(page.getByText(t('vi', 'errors.bad_input'))).toBeVisible();
	await expectAccessible(page);
});

test('the people search of /admin/roles takes % as a character to find, not a wildcard', async ({ page, signedInAs }) => {
	await signedInAs('admin');
	expect((await page.goto('/admin/roles?q=%25'))?.status()).toBe(200);
	await expect(page.getByText(t('vi', 'admin.roles.no_results'))).toBeVisible();
	await expectAccessible(page);
});

test('a catalogue search for % or _ is a search for that character, not for every course', async ({ page }) => {
	for (const q of ['%25', '_']) {
		expect((await page.goto(`/courses?q=${q}`))?.status()).toBe(200);
		await expectAccessible(page);
		await expect(page.getByText(t('vi', 'courses.no_results'))).toBeVisible();
	}
});

test('a display name holding a NUL is refused beside the field, and nothing is created', async ({ page }) => {
	const person = newPerson();
	await page.goto('/register');
	await expectAccessible(page);
	await fillRegistration(page, { name: `${person.name}\u0000`, identifier: person.phone, password: person.password });
	await expect(page.locator('#field-display_name-error')).toHaveText(t('vi', 'errors.control_characters'));
	await expect(field(page, t('vi', 'auth.name'))).toHaveAttribute('aria-invalid', 'true');
	await expectAccessible(page);
	// The same form without the NUL registers: the refused attempt left no account behind.
	await fillRegistration(page, { name: person.name, identifier: person.phone, password: person.password });
	await expectSignedIn(page, person.name);
});

test('a display name with a NUL posted without the browser form gets a 400, not a 500', async ({ page, baseURL }) => {
	const person = newPerson();
	const response = await page.request.post('/register', {
		headers: { origin: baseURL!, accept: 'text/html' },
		form: { display_name: `Lê\u0000Thu Hà`, identifier: person.email, password: person.password, home_unit_id: '' }
	});
	expect(response.status()).toBe(400);
	expect(await response.text()).toContain(t('vi', 'errors.control_characters'));
});
