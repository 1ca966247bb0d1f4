// A 360 px phone: the catalogue (filters open), a course page, a lesson with its done button and
// "Học tập của tôi" fit the width, with no sideways scrolling.
import { expect, newPerson, test } from './support/fixtures.ts';
import { expectAccessible } from './support/axe.ts';
import { register } from './support/flows.ts';
import { demoCourse, lessonPath } from './support/courses.ts';
import { t } from './support/i18n.ts';
import type { Page } from '@playwright/test';

test.use({ viewport: { width: 360, height: 740 } });

// The course with the longest title and lesson titles.
const course = demoCourse('nhan-biet-lua-dao-truc-tuyen');

async function expectFitsWidth(page: Page) {
	const width = await page.evaluate(() => document.scrollingElement!.scrollWidth);
	expect(width, `page width of ${page.url()}`).toBeLessThanOrEqual(360);
}

test('the catalogue, a course, a lesson and my learning fit a 360 px screen', async ({ page }) => {
	await page.goto('/courses?q=lua+dao');
	await expectFitsWidth(page);
	await expectAccessible(page);
	await page.getByText(t('vi', 'courses.filters'), { exact: true }).click();
	await expect(page.getByLabel(t('vi', 'courses.filter_area'), { exact: true })).toBeVisible();
	await expectFitsWidth(page);
	await expectAccessible(page);

	await page.goto(`/courses/${course.slug}`);
	await expectFitsWidth(page);
	await expectAccessible(page);
	await page.goto(lessonPath(course, 1));
	await expectFitsWidth(page);
	await expectAccessible(page);

	// Signed in, the lesson has a progress bar and the done button, and there is "Học tập của tôi".
	const person = newPerson();
	await register(page, { name: person.name, identifier: person.email, password: person.password });
	await page.goto(lessonPath(course, 1));
	await expect(page.getByRole('button', { name: t('vi', 'lesson.mark_done_next') })).toBeVisible();
	await expect(page.getByRole('progressbar')).toBeVisible();
	await expectFitsWidth(page);
	await expectAccessible(page);
	await page.goto('/me');
	await expectFitsWidth(page);
	await expectAccessible(page);
});
