// On a slow connection people type before the page's scripts have loaded. What they typed stays when the
// scripts take over (hydration), and the form then does what it says. The scripts are held back 2 s here.
import type { Page } from '@playwright/test';
import { DEMO_PASSWORD, PERSONAS, expect, newPerson, test } from './support/fixtures.ts';
import { expectAccessible } from './support/axe.ts';
import { expectSignedIn, field, register } from './support/flows.ts';
import { t } from './support/i18n.ts';
import { answerAll, expectAnsweredCount, questionsOnPage, showing } from './support/quiz.ts';

const PRACTICE = 'Kiểm tra nhanh: bạn có nhận ra lừa đảo?';

/** Holds every script of the app back 2 s, and opens the page as soon as its HTML is there. */
async function openWithSlowScripts(page: Page, path: string) {
	await page.route('**/_app/immutable/**/*.js', async (route) => {
		await new Promise((resolve) => setTimeout(resolve, 2000));
		await route.continue();
	});
	await page.goto(path, { waitUntil: 'domcontentloaded' });
}

/** Waits until the held-back scripts have loaded (and so run, taking over the page). */
async function scriptsTakeOver(page: Page) {
	await page.waitForLoadState('networkidle');
}

test('what is typed into the sign-in form before its scripts load is kept, and signs in', async ({ page }) => {
	const citizen = PERSONAS.citizen;
	await openWithSlowScripts(page, '/login');
	await field(page, t('vi', 'auth.identifier')).fill(citizen.email);
	await field(page, t('vi', 'auth.password')).fill(DEMO_PASSWORD);
	await scriptsTakeOver(page);
	await expect(field(page, t('vi', 'auth.identifier'))).toHaveValue(citizen.email);
	await expect(field(page, t('vi', 'auth.password'))).toHaveValue(DEMO_PASSWORD);
	await expectAccessible(page);
	await page.getByRole('main').getByRole('button', { name: t('vi', 'auth.login') }).click();
	await expectSignedIn(page, citizen.name);
});

test('what is typed into the sign-up form before its scripts load is kept, and registers', async ({ page }) => {
	const person = newPerson();
	await openWithSlowScripts(page, '/register');
	await field(page, t('vi', 'auth.name')).fill(person.name);
	await field(page, t('vi', 'auth.identifier')).fill(person.email);
	await field(page, t('vi', 'auth.password')).fill(person.password);
	await scriptsTakeOver(page);
	await expect(field(page, t('vi', 'auth.name'))).toHaveValue(person.name);
	await expect(field(page, t('vi', 'auth.identifier'))).toHaveValue(person.email);
	await expectAccessible(page);
	await page.getByRole('button', { name: t('vi', 'auth.register_submit') }).click();
	await expectSignedIn(page, person.name);
});

test('an answer given on a quiz page before its scripts load is kept, and saved', async ({ page }) => {
	const person = newPerson();
	await register(page, { name: person.name, identifier: person.email, password: person.password });
	await page.goto('/courses/nhan-biet-lua-dao-truc-tuyen');
	await expectAccessible(page);
	await page.getByRole('link', { name: PRACTICE }).click();
	await expect(page).toHaveURL(/\/quiz\/\d+$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(PRACTICE);
	await expectAccessible(page);
	await page.getByRole('button', { name: t('vi', 'quiz.start') }).click();
	await expect(page.getByText(showing(1, 5, 8))).toBeVisible();
	await expectAccessible(page);

	// The same attempt page, opened again on a slow connection: every question answered before the scripts run.
	await openWithSlowScripts(page, page.url());
	await answerAll(page);
	const given = questionsOnPage(page).locator('input:checked, input[type=text], select');
	const before = await given.evaluateAll((fields) => fields.map((f) => (f instanceof HTMLInputElement && f.type !== 'text' ? f.checked : (f as HTMLInputElement).value)));
	await scriptsTakeOver(page);
	expect(await given.evaluateAll((fields) => fields.map((f) => (f instanceof HTMLInputElement && f.type !== 'text' ? f.checked : (f as HTMLInputElement).value)))).toEqual(before);
	await expectAccessible(page);
	await page.getByRole('button', { name: t('vi', 'quiz.next') }).click();
	await expect(page.getByText(showing(6, 8, 8))).toBeVisible();
	await expectAnsweredCount(page, 5, 8);
	await expectAccessible(page);
});
