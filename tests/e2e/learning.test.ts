// Learning a course, with JavaScript on and off: a new citizen finds a course by a search typed without
// accents, starts it, sees it in progress on "Học tập của tôi" (whose "Học tiếp" goes to the exact next
// lesson), finishes every lesson with the done button, and gets the completion on the course page and
// on "Học tập của tôi".
import { randomUUID } from 'node:crypto';
import { expect, newPerson, test } from './support/fixtures.ts';
import { expectAccessible } from './support/axe.ts';
import { header, register } from './support/flows.ts';
import { demoCourse, expectLesson, finishLesson, openCatalogue, openMyLearning, progressText, resultCount, searchCourses, today } from './support/courses.ts';
import { t } from './support/i18n.ts';

const course = demoCourse('dich-vu-cong-truc-tuyen');

for (const javaScriptEnabled of [true, false]) {
	test.describe(`JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
		test.use({ javaScriptEnabled });

		test('a new citizen finds a course without accents, learns every lesson and completes it', async ({ page }) => {
			// Some twenty pages, each checked with axe (twice over where JavaScript is off): more than the default.
			test.setTimeout(60_000);
			const person = newPerson();
			await register(page, { name: person.name, identifier: person.email, password: person.password });

			// Find it: "dich vu cong", typed without accents, finds "…Dịch vụ công…".
			await openCatalogue(page);
			await searchCourses(page, 'dich vu cong');
			await expect(resultCount(page)).toHaveText(t('vi', 'courses.results_other', { count: 1 }));
			const card = page.locator('article.card');
			await expect(card).toHaveCount(1);
			await card.getByRole('link', { name: course.title }).click();
			await expect(page).toHaveURL(`/courses/${course.slug}`);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(course.title);
			await expect(page.getByRole('link', { name: t('vi', 'course.continue') })).toHaveCount(0);
			await expectAccessible(page);

			// Start it: the first lesson, nothing done yet.
			await page.getByRole('link', { name: t('vi', 'course.start'), exact: true }).click();
			await expectLesson(page, course, 0);
			await expect(page.getByText(progressText(0, course.required))).toBeVisible();
			await expectAccessible(page);
			await finishLesson(page, course, 0);
			await expect(page.getByText(progressText(1, course.required))).toBeVisible();

			// In progress on "Học tập của tôi", and "Học tiếp" goes to the lesson after the one done.
			await openMyLearning(page);
			const inProgress = page.getByRole('region', { name: t('vi', 'me.in_progress') });
			const completed = page.getByRole('region', { name: t('vi', 'me.completed') });
			await expect(inProgress.getByRole('heading', { name: course.title })).toBeVisible();
			await expect(inProgress.getByText(progressText(1, course.required))).toBeVisible();
			await expect(completed.getByText(t('vi', 'me.none_completed'))).toBeVisible();
			// The link's name carries the course's title for screen readers: "Học tiếp: <title>".
			await inProgress.getByRole('listitem').filter({ hasText: course.title }).getByRole('link', { name: t('vi', 'course.continue') }).click();
			await expectLesson(page, course, 1);
			await expectAccessible(page);

			// The rest, one done button after another; the last one leads back to the course page.
			for (let index = 1; index < course.lessons.length; index++) await finishLesson(page, course, index);
			await expect(page.getByRole('main').getByRole('status')).toHaveText(t('vi', 'course.completed_on', { date: today() }));
			await expect(page.getByRole('link', { name: t('vi', 'course.review'), exact: true })).toHaveAttribute('href', `/learn/${course.slug}/${course.lessons[0].slug}`);
			const outline = page.getByRole('region', { name: t('vi', 'course.outline') });
			await expect(outline.getByRole('listitem').filter({ hasText: t('vi', 'course.lesson_done') })).toHaveCount(course.lessons.length);

			// Completed, with the date, and no longer in progress.
			await openMyLearning(page);
			await expect(completed.getByRole('heading', { name: course.title })).toBeVisible();
			await expect(completed.getByText(t('vi', 'me.completed_on', { date: today() }))).toBeVisible();
			// Nothing is in progress, and the page says why: everything started is finished.
			await expect(inProgress.getByText(t('vi', 'me.all_started_done'))).toBeVisible();
			await expect(inProgress.getByRole('link', { name: t('vi', 'me.find_next_course') })).toHaveAttribute('href', '/courses');
			// The course trains Circular 02/2025 area 2 (communication and collaboration).
			const area2 = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /^2\./ }) });
			await expect(area2.getByRole('cell')).toHaveText(t('vi', 'me.area_courses_other', { count: 1 }));
		});
	});
}

test('an anonymous reader reads a lesson without progress, and unknown courses and lessons are a 404', async ({ page }) => {
	const scams = demoCourse('nhan-biet-lua-dao-truc-tuyen');
	await page.goto(`/courses/${scams.slug}`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(scams.title);
	await expect(header(page).getByRole('link', { name: t('vi', 'nav.me') })).toHaveCount(0);
	await expect(page.getByText(t('vi', 'course.sign_in_to_save'))).toBeVisible();
	await expectAccessible(page);

	await page.getByRole('link', { name: t('vi', 'course.start'), exact: true }).click();
	await expectLesson(page, scams, 0);
	expect(await page.getByRole('article').getByRole('paragraph').count(), 'paragraphs of the lesson').toBeGreaterThan(2);
	await expect(page.getByRole('progressbar')).toHaveCount(0);
	await expect(page.getByText(t('vi', 'courses.progress_label'))).toHaveCount(0);
	await expect(page.getByRole('button', { name: t('vi', 'lesson.mark_done_next') })).toHaveCount(0);
	const hint = page.getByText(t('vi', 'course.sign_in_to_save'));
	await expect(hint).toBeVisible();
	await expect(hint.getByRole('link', { name: t('vi', 'auth.login') })).toHaveAttribute('href', `/login?next=${encodeURIComponent(`/learn/${scams.slug}/${scams.lessons[0].slug}`)}`);
	await expectAccessible(page);

	// The next lesson is a link away.
	await page.getByRole('navigation', { name: t('vi', 'lesson.navigation') }).getByRole('link', { name: scams.lessons[1].title }).click();
	await expectLesson(page, scams, 1);
	await expectAccessible(page);

	for (const path of ['/courses/khong-co', `/learn/${scams.slug}/khong-co`, '/learn/khong-co/khong-co']) {
		const response = await page.goto(path);
		expect(response?.status(), path).toBe(404);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('vi', 'errors.title', { status: 404 }));
		await expect(page.getByText(t('vi', 'errors.not_found'))).toBeVisible();
		await expectAccessible(page);
	}
});

test('a done form sent twice, or a second "done" for the same lesson, counts the lesson once', async ({ page, baseURL }) => {
	const payments = demoCourse('thanh-toan-khong-tien-mat');
	const person = newPerson();
	await register(page, { name: person.name, identifier: person.email, password: person.password });
	await page.goto(`/courses/${payments.slug}`);
	await expectAccessible(page);
	await page.getByRole('link', { name: t('vi', 'course.start'), exact: true }).click();
	await expectLesson(page, payments, 0);
	await expectAccessible(page);

	// An impatient double click sends the form twice, with the same event id.
	const button = page.getByRole('button', { name: t('vi', 'lesson.mark_done_next'), exact: true });
	const form = page.locator('form').filter({ has: button });
	const lessonId = await form.locator('input[name="lesson_id"]').inputValue();
	const eventId = await form.locator('input[name="event_id"]').inputValue();
	const posts: string[] = [];
	page.on('request', (request) => {
		if (request.method() === 'POST' && request.url().includes('?/done')) posts.push(request.postData() ?? '');
	});
	await button.dblclick();
	await expectLesson(page, payments, 1);
	await expect(page.getByText(progressText(1, payments.required))).toBeVisible();
	// However many of the clicks got through, they carried the page's one event id.
	expect(new Set(posts.map((body) => new URLSearchParams(body).get('event_id')))).toEqual(new Set([eventId]));
	await expectAccessible(page);

	// The form resent later (same event), and the lesson marked done again from an old page (new event).
	for (const event_id of [eventId, randomUUID()]) {
		const response = await page.request.post(`/learn/${payments.slug}/${payments.lessons[0].slug}?/done`, {
			form: { lesson_id: lessonId, event_id },
			headers: { origin: baseURL!, accept: 'text/html' },
			maxRedirects: 0
		});
		expect(response.status(), `resent with ${event_id === eventId ? 'the same' : 'a new'} event id`).toBe(303);
		expect(response.headers().location).toBe(`/learn/${payments.slug}/${payments.lessons[1].slug}`);
	}

	await openMyLearning(page);
	const inProgress = page.getByRole('region', { name: t('vi', 'me.in_progress') });
	await expect(inProgress.getByRole('listitem').filter({ hasText: payments.title })).toContainText(progressText(1, payments.required));
});
