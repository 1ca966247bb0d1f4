// Taking a quiz the way a learner does: whatever the drawn questions are, each gets an answer of its kind.
import { expect, type Locator, type Page } from '@playwright/test';
import { t, type Locale } from './i18n.ts';

export const questionsOnPage = (page: Page) => page.locator('fieldset.question');

/** Answers one question: the first choice, "true", items in the order shown, or a short text/number. */
export async function answer(question: Locator) {
	const radios = question.getByRole('radio');
	if (await radios.count()) return radios.first().check();
	const boxes = question.getByRole('checkbox');
	if (await boxes.count()) return boxes.first().check();
	const selects = await question.getByRole('combobox').all();
	if (selects.length) {
		for (const [index, select] of selects.entries()) await select.selectOption({ index: index + 1 });
		return;
	}
	const box = question.getByRole('textbox');
	await box.fill((await box.getAttribute('inputmode')) === 'decimal' ? '3' : 'OTP');
}

export async function answerAll(page: Page) {
	for (const question of await questionsOnPage(page).all()) await answer(question);
}

/** The prompts of the questions on the page, in order. */
export const prompts = (page: Page) => page.locator('fieldset.question .prompt').allInnerTexts();

export const showing = (first: number, last: number, total: number, locale: Locale = 'vi') =>
	t(locale, 'quiz.showing', { first, last, total });

export async function expectAnsweredCount(page: Page, count: number, total: number, locale: Locale = 'vi') {
	await expect(page.getByText(t(locale, 'quiz.answered_other', { count, total }))).toBeVisible();
}
