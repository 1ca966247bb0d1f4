// The demo accounts, and the province admin's page for giving and taking roles.
import { DEMO_PASSWORD, expect, PERSONAS, test, type Persona } from './support/fixtures.ts';
import { expectAccessible } from './support/axe.ts';
import { expectSignedIn, field, header } from './support/flows.ts';
import { t } from './support/i18n.ts';

for (const persona of Object.keys(PERSONAS) as Persona[]) {
	test(`the demo ${persona} can sign in and sees their role`, async ({ page, signedInAs }) => {
		const account = await signedInAs(persona);
		await header(page).getByRole('link', { name: t('vi', 'nav.account') }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('vi', 'account.title'));
		await expect(page.getByText(account.email)).toBeVisible();
		// The citizen's own roles are not asserted: the admin test below lends them one for a moment.
		if (account.role) await expect(page.getByRole('listitem').filter({ hasText: t('vi', `roles.${account.role}`) })).toBeVisible();
		await expectAccessible(page);
		const adminLink = header(page).getByRole('link', { name: t('vi', 'admin.nav') });
		await expect(adminLink).toHaveCount(account.role === 'province_admin' ? 1 : 0);
	});
}

test('the province admin gives the citizen a scoped role and takes it away', async ({ page, signedInAs }) => {
	const citizen = PERSONAS.citizen;
	const commune = 'Xã Bác Ái Tây';
	const role = t('vi', 'roles.team_member');
	await signedInAs('admin');
	await header(page).getByRole('link', { name: t('vi', 'admin.nav') }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('vi', 'admin.roles.title'));
	await expectAccessible(page);

	await page.getByRole('searchbox', { name: t('vi', 'admin.roles.search') }).fill(citizen.email);
	await page.getByRole('button', { name: t('vi', 'admin.roles.search_button') }).click();
	await expect(page).toHaveURL(/[?&]q=citizen%40hocso\.example/);
	await expectAccessible(page);
	await page.getByRole('link', { name: citizen.name }).click();
	const panel = page.getByRole('region', { name: t('vi', 'admin.roles.person_roles', { name: citizen.name }) });
	await expect(panel).toBeVisible();
	await expectAccessible(page);

	const granted = panel.getByRole('listitem').filter({ hasText: `${role} – ${commune}` });
	const revoke = panel.getByRole('button', { name: t('vi', 'admin.roles.revoke_label', { role, name: citizen.name }) });
	// A database kept from an interrupted earlier run may still hold the grant.
	if (await revoke.count()) {
		await revoke.click();
		await expect(revoke).toHaveCount(0);
	}

	await field(page, t('vi', 'admin.roles.role')).selectOption({ label: role });
	await field(page, t('vi', 'admin.roles.scope')).selectOption({ label: commune });
	await panel.getByRole('button', { name: t('vi', 'admin.roles.grant') }).click();
	await expect(panel.getByRole('status')).toHaveText(t('vi', 'admin.roles.granted'));
	await expect(granted).toBeVisible();
	await expectAccessible(page);

	await revoke.click();
	await expect(panel.getByRole('status')).toHaveText(t('vi', 'admin.roles.revoked'));
	await expect(granted).toHaveCount(0);
	await expectAccessible(page);
});

test('a citizen is refused the roles page', async ({ page, signedInAs }) => {
	await signedInAs('citizen');
	const response = await page.goto('/admin/roles');
	expect(response?.status()).toBe(403);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('vi', 'errors.title', { status: 403 }));
	await expect(page.getByText(t('vi', 'errors.forbidden'))).toBeVisible();
	await expectAccessible(page);
});

test('someone signed out is sent to sign in, then back to the roles page', async ({ page }) => {
	await page.goto('/admin/roles');
	await expect(page).toHaveURL('/login?next=%2Fadmin%2Froles');
	await expectAccessible(page);
	await field(page, t('vi', 'auth.identifier')).fill(PERSONAS.admin.email);
	await field(page, t('vi', 'auth.password')).fill(DEMO_PASSWORD);
	await page.getByRole('main').getByRole('button', { name: t('vi', 'auth.login') }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('vi', 'admin.roles.title'));
	await expectSignedIn(page, PERSONAS.admin.name);
});
