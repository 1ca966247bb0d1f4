// Tampered requests change nothing: an answer naming a choice the question does not offer is refused with
// a message and nothing is saved; a hidden field pointing at a page that does not exist lands on a real
// page; someone else's attempt is not found, to read or to write.
import { expect, newPerson, test } from './support/fixtures.ts';
import { expectAccessible } from './support/axe.ts';
import { expectSignedIn, register, signIn, signOut } from './support/flows.ts';
import { t } from './support/i18n.ts';
import { expectAnsweredCount, questionsOnPage, showing } from './support/quiz.ts';

test.use({ javaScriptEnabled: false });

test('tampered answers and someone else\'s attempt are refused, and nothing is saved', async ({ page, baseURL }) => {
	test.setTimeout(60_000);
	const owner = newPerson();
	await register(page, { name: owner.name, identifier: owner.email, password: owner.password });
	await page.goto('/quiz/1');
	await expectAccessible(page);
	await page.getByRole('button', { name: t('vi', 'quiz.start') }).click();
	await expect(page.getByText(showing(1, 5, 8))).toBeVisible();
	await expectAccessible(page);
	const attemptUrl = new URL(page.url());
	attemptUrl.search = '';

	// A choice the question does not offer: refused, with the reason, and nothing saved.
	// A choice question's input (true/false radios carry no choice id to invent).
	const choiceName = await questionsOnPage(page).locator('input[type=radio]:not([value=true]):not([value=false]), input[type=checkbox]').first().getAttribute('name');
	const form = page.locator('form[action="?/save"]');
	await form.evaluate((element, name) => {
		for (const input of element.querySelectorAll<HTMLInputElement>(`input[name="${name}"]`)) input.value = 'zz';
		element.querySelector<HTMLInputElement>(`input[name="${name}"]`)!.checked = true;
	}, choiceName);
	await page.getByRole('button', { name: t('vi', 'quiz.next') }).click();
	await expect(page.getByRole('alert')).toHaveText(t('vi', 'quiz.refusals.invalid_response'));
	await expectAccessible(page);
	await page.goto(attemptUrl.pathname);
	await expectAnsweredCount(page, 0, 8);
	await expectAccessible(page);

	// A hidden page number out of range is clamped to the last page.
	await form.evaluate((element) => { element.querySelector<HTMLInputElement>('input[name=page]')!.value = '99'; });
	await page.getByRole('button', { name: t('vi', 'quiz.next') }).click();
	await expect(page.getByText(showing(6, 8, 8))).toBeVisible();
	await expectAccessible(page);

	// Another person: the attempt is not found, and a save posted to it is refused.
	await signOut(page);
	const stranger = newPerson();
	await register(page, { name: stranger.name, identifier: stranger.email, password: stranger.password });
	const look = await page.goto(attemptUrl.pathname);
	expect(look?.status()).toBe(404);
	await expectAccessible(page);
	const write = await page.request.post(`${attemptUrl.pathname}?/save`, {
		form: { page: '1', [choiceName!]: 'a' },
		headers: { origin: new URL(baseURL!).origin },
		maxRedirects: 0
	});
	expect(write.status()).toBe(404);

	// The owner's attempt is as it was.
	await signOut(page);
	await signIn(page, owner.email, owner.password);
	await expectSignedIn(page, owner.name);
	await page.goto(attemptUrl.pathname);
	await expectAnsweredCount(page, 0, 8);
	await expectAccessible(page);
});
