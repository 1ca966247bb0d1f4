// Taking a quiz, with JavaScript on and off: a new citizen opens the practice quiz of a course, answers the
// first page, moves on, reloads mid-way (the same attempt and questions come back), leaves and resumes
// from the quiz page, submits, and reviews every question with its right answer. With JavaScript, answers
// are saved as they are given and a timer counts down a timed quiz.
import { expect, newPerson, test } from './support/fixtures.ts';
import { expectAccessible } from './support/axe.ts';
import { register } from './support/flows.ts';
import { t } from './support/i18n.ts';
import { answer, answerAll, expectAnsweredCount, prompts, questionsOnPage, showing } from './support/quiz.ts';

const PRACTICE = 'Kiểm tra nhanh: bạn có nhận ra lừa đảo?';
const FINAL = 'Bài kiểm tra cuối khóa: An toàn thông tin';

for (const javaScriptEnabled of [true, false]) {
	test.describe(`JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
		test.use({ javaScriptEnabled });

		test('a citizen takes a quiz, reloads mid-way, resumes, submits and reviews it', async ({ page }) => {
			test.setTimeout(60_000);
			const person = newPerson();
			await register(page, { name: person.name, identifier: person.email, password: person.password });

			await page.goto('/courses/nhan-biet-lua-dao-truc-tuyen');
			await expectAccessible(page);
			await page.getByRole('link', { name: PRACTICE }).click();
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(PRACTICE);
			await expect(page.getByText(t('vi', 'quiz.rules.questions_other', { count: 8 }), { exact: true })).toBeVisible();
			await expectAccessible(page);

			await page.getByRole('button', { name: t('vi', 'quiz.start') }).click();
			await expect(page.getByText(showing(1, 5, 8))).toBeVisible();
			await expect(questionsOnPage(page)).toHaveCount(5);
			await expectAccessible(page);
			const firstPage = await prompts(page);
			await answerAll(page);
			await page.getByRole('button', { name: t('vi', 'quiz.next') }).click();

			// Page 2 of the same attempt; a reload brings back the same questions and what was saved.
			await expect(page.getByText(showing(6, 8, 8))).toBeVisible();
			await expectAnsweredCount(page, 5, 8);
			await expectAccessible(page);
			const secondPage = await prompts(page);
			await page.reload();
			await expect(page.getByText(showing(6, 8, 8))).toBeVisible();
			expect(await prompts(page)).toEqual(secondPage);
			await expectAnsweredCount(page, 5, 8);
			await expectAccessible(page);

			// Leave, come back from the quiz page: the attempt in progress resumes on its first page, answers kept.
			await page.getByRole('navigation', { name: t('vi', 'lesson.breadcrumbs') }).getByRole('link', { name: PRACTICE }).click();
			// The attempt page's heading is the quiz's title too: wait for the quiz page itself.
			await expect(page).toHaveURL(/\/quiz\/\d+$/);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(PRACTICE);
			await expectAccessible(page);
			await page.getByRole('link', { name: t('vi', 'quiz.resume') }).click();
			await expect(page.getByText(showing(1, 5, 8))).toBeVisible();
			expect(await prompts(page)).toEqual(firstPage);
			for (const question of await questionsOnPage(page).all()) {
				const given = question.locator('input:checked, input[type=text]:not([value=""]), select option:checked:not([value=""])');
				await expect(given.first()).toBeAttached();
			}
			await expectAccessible(page);

			await page.getByRole('navigation', { name: t('vi', 'quiz.pages') }).getByRole('button', { name: '2' }).click();
			await expect(page.getByText(showing(6, 8, 8))).toBeVisible();
			await expectAccessible(page);
			await answerAll(page);
			await page.getByRole('button', { name: t('vi', 'quiz.submit') }).click();

			// The result and the review: every question with the learner's answer and the right one.
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('vi', 'quiz.result_title', { number: 1 }));
			await expect(page.locator('.result .score')).toHaveText(/^\d+(,\d+)?\/8 điểm$/);
			const reviewed = page.locator('section.review');
			await expect(reviewed).toHaveCount(8);
			for (const section of await reviewed.all()) {
				await expect(section.getByText(t('vi', 'quiz.right_answer'), { exact: true })).toBeVisible();
				await expect(section.getByText(t('vi', 'quiz.no_answer'), { exact: true })).toHaveCount(0);
			}
			const reviewedPrompts = await Promise.all((await reviewed.all()).map((section) => section.locator('.prompt').first().innerText()));
			expect(reviewedPrompts.sort()).toEqual([...firstPage, ...secondPage].sort());
			await expectAccessible(page);

			await page.getByRole('link', { name: t('vi', 'quiz.back_to_quiz') }).click();
			await expect(page).toHaveURL(/\/quiz\/\d+$/);
			await expect(page.getByRole('link', { name: t('vi', 'quiz.attempt_n', { number: 1 }) })).toBeVisible();
			await expect(page.getByRole('button', { name: t('vi', 'quiz.start_again') })).toBeVisible();
			await expectAccessible(page);
		});
	});
}

test('with JavaScript, an answer is saved as it is given and survives a reload; a timed quiz counts down', async ({ page }) => {
	const person = newPerson();
	await register(page, { name: person.name, identifier: person.email, password: person.password });
	await page.goto('/courses/an-toan-thong-tin-cho-can-bo');
	await expectAccessible(page);
	await page.getByRole('link', { name: FINAL }).click();
	await expect(page.getByText(t('vi', 'quiz.rules.time_limit_other', { count: 15 }))).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('button', { name: t('vi', 'quiz.start') }).click();

	await expect(page.getByRole('timer')).toContainText(/1[45]:\d\d/);
	const first = questionsOnPage(page).first();
	await answer(first);
	await expect(page.getByText(t('vi', 'quiz.autosave.saved'))).toBeVisible();
	await expectAccessible(page);
	await page.reload();
	await expectAnsweredCount(page, 1, 10);
	await expectAccessible(page);
});

test.describe('JavaScript off', () => {
	test.use({ javaScriptEnabled: false });

	test('a timed quiz says how long is left', async ({ page }) => {
		const person = newPerson();
		await register(page, { name: person.name, identifier: person.email, password: person.password });
		await page.goto('/courses/an-toan-thong-tin-cho-can-bo');
		await expectAccessible(page);
		await page.getByRole('link', { name: FINAL }).click();
		await expectAccessible(page);
		await page.getByRole('button', { name: t('vi', 'quiz.start') }).click();
		await expect(page.getByText(t('vi', 'quiz.deadline_other', { count: 15 }))).toBeVisible();
		await expect(page.getByRole('timer')).toHaveCount(0);
		await expectAccessible(page);
	});
});
