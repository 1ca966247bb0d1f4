// Steps the journeys share, done the way a person does them (labels, buttons), each page checked with axe.
import { expect, type Page } from '@playwright/test';
import { expectAccessible } from './axe.ts';
import { t, type Locale } from './i18n.ts';

export type Registration = { name: string; identifier: string; password: string; homeUnit?: string };

export const header = (page: Page) => page.getByRole('banner');

/** On a phone the header folds its links and who is signed in into a menu: opens it where it is folded. */
export async function unfoldMenu(page: Page) {
	const menu = header(page).locator('details.menu');
	if (!(await menu.isVisible()) || (await menu.evaluate((details: HTMLDetailsElement) => details.open))) return;
	await menu.locator('summary').click();
	await expect(menu).toHaveAttribute('open', '', { timeout: 1_000 });
}

/** Closes the phone's menu again, where it is open, so that it no longer covers the page. */
export async function foldMenu(page: Page) {
	const menu = header(page).locator('details.menu');
	if (!(await menu.isVisible()) || !(await menu.evaluate((details: HTMLDetailsElement) => details.open))) return;
	await menu.locator('summary').click();
	await expect(menu).not.toHaveAttribute('open');
}

/** The input labelled exactly so (hints and errors are separate elements). */
export const field = (page: Page, label: string) => page.getByLabel(label, { exact: true });

export async function fillRegistration(page: Page, person: Registration, locale: Locale = 'vi') {
	await field(page, t(locale, 'auth.name')).fill(person.name);
	await field(page, t(locale, 'auth.identifier')).fill(person.identifier);
	await field(page, t(locale, 'auth.password')).fill(person.password);
	if (person.homeUnit) await field(page, t(locale, 'auth.home_unit_optional')).selectOption({ label: person.homeUnit });
	await page.getByRole('button', { name: t(locale, 'auth.register_submit') }).click();
}

/** Registers from the sign-up page and checks that the new person is signed in. */
export async function register(page: Page, person: Registration, locale: Locale = 'vi') {
	await page.goto('/register');
	await expectAccessible(page);
	await fillRegistration(page, person, locale);
	await expectSignedIn(page, person.name, locale);
}

/** Fills and submits the sign-in form; the caller checks the outcome. */
export async function signIn(page: Page, identifier: string, password: string, locale: Locale = 'vi') {
	await page.goto('/login');
	await expectAccessible(page);
	await field(page, t(locale, 'auth.identifier')).fill(identifier);
	await field(page, t(locale, 'auth.password')).fill(password);
	await page.getByRole('main').getByRole('button', { name: t(locale, 'auth.login') }).click();
}

export async function expectSignedIn(page: Page, name: string, locale: Locale = 'vi') {
	// The sign-in may still be finishing its navigation, which folds a menu opened meanwhile: try again.
	const signedIn = header(page).getByText(t(locale, 'auth.signed_in_as', { name })).filter({ visible: true });
	await expect(async () => {
		await unfoldMenu(page);
		await expect(signedIn).toBeVisible({ timeout: 1_000 });
	}).toPass();
	await foldMenu(page);
	await expectAccessible(page);
}

export async function signOut(page: Page, locale: Locale = 'vi') {
	await unfoldMenu(page);
	await header(page).getByRole('button', { name: t(locale, 'auth.logout') }).click();
	await expect(page).toHaveURL('/');
	await unfoldMenu(page);
	await expect(header(page).getByRole('link', { name: t(locale, 'auth.login'), exact: true })).toBeVisible();
	await expectAccessible(page);
}

/** The switch is named by the language it switches to, in that language. */
const AUTONYM: Record<Locale, string> = { vi: 'Tiếng Việt', en: 'English' };

/** Uses the header's language switch and checks that the whole page changed language. */
export async function switchLanguage(page: Page, to: Locale) {
	await header(page).getByRole('button', { name: AUTONYM[to], exact: true }).click();
	await expectLanguage(page, to);
	await expectAccessible(page);
}

export async function expectLanguage(page: Page, locale: Locale) {
	await expect(page.locator('html')).toHaveAttribute('lang', locale);
	await unfoldMenu(page);
	const nav = page.getByRole('navigation', { name: t(locale, 'nav.label') });
	await expect(nav.getByRole('link', { name: t(locale, 'nav.home'), exact: true })).toBeVisible();
	await foldMenu(page);
}
