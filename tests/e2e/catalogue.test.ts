// The catalogue's search: accents and small typos do not matter, a shared search link shows what typing
// the query shows, and a filter narrows a query's results. With JavaScript on and off (a GET form).
import { expect, test } from './support/fixtures.ts';
import { expectAccessible } from './support/axe.ts';
import { field } from './support/flows.ts';
import { demoCourse, demoCourseSlugs, resultCount, resultTitles, searchCourses } from './support/courses.ts';
import { t } from './support/i18n.ts';

const scams = demoCourse('nhan-biet-lua-dao-truc-tuyen');
const smartphone = demoCourse('dien-thoai-thong-minh-an-toan');
const security = demoCourse('an-toan-thong-tin-cho-can-bo');
const phone = demoCourse('dien-thoai-thong-minh-an-toan');

for (const javaScriptEnabled of [true, false]) {
	test.describe(`JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
		test.use({ javaScriptEnabled });

		test('a shared search link shows what typing the query shows, and a filter narrows it', async ({ page }) => {
			// The link as someone would paste it into a message.
			await page.goto('/courses?q=an+toan');
			await expect(field(page, t('vi', 'courses.search_label'))).toHaveValue('an toan');
			const shared = await resultTitles(page);
			expect(shared).toEqual(expect.arrayContaining([security.title, phone.title]));
			await expect(resultCount(page)).toHaveText(t('vi', 'courses.results_other', { count: shared.length }));
			await expectAccessible(page);

			await page.goto('/courses');
			await expect(resultCount(page)).toHaveText(t('vi', 'courses.results_other', { count: demoCourseSlugs().length }));
			await expectAccessible(page);
			await searchCourses(page, 'an toan');
			expect(new URL(page.url()).searchParams.get('q')).toBe('an toan');
			expect(await resultTitles(page)).toEqual(shared);

			// Filters: for officials (courses for everyone stay), still "an toan".
			const filters = page.locator('details').filter({ has: page.getByText(t('vi', 'courses.filters'), { exact: true }) });
			await filters.getByText(t('vi', 'courses.filters'), { exact: true }).click();
			await field(page, t('vi', 'courses.filter_audience')).selectOption({ label: t('vi', 'audience.official') });
			await expectAccessible(page);
			await page.getByRole('button', { name: t('vi', 'courses.apply_filters') }).click();
			await expect(page).toHaveURL(/\/courses\?q=an\+toan&audience=official/);
			await expect(filters).toHaveAttribute('open', '');
			await expect(field(page, t('vi', 'courses.filter_audience'))).toHaveValue('official');
			const narrowed = await resultTitles(page);
			expect(narrowed).toContain(security.title);
			expect(narrowed).not.toContain(phone.title);
			expect(narrowed.length).toBeLessThan(shared.length);
			expect(shared).toEqual(expect.arrayContaining(narrowed));
			await expect(resultCount(page)).toHaveText(t('vi', 'courses.results_other', { count: narrowed.length }));
			for (const card of await page.locator('article.card').all()) {
				await expect(card.getByRole('listitem').first()).toHaveText(new RegExp(`^(${t('vi', 'audience.official')}|${t('vi', 'audience.everyone')})$`));
			}
			await expectAccessible(page);
		});
	});
}

test('search ignores accents and tolerates a typo', async ({ page }) => {
	for (const query of ['lừa đảo', 'lua dao', 'lua dao truc tuyen', 'LUA DAO truc tuyn']) {
		await page.goto(`/courses?${new URLSearchParams({ q: query })}`);
		expect(await resultTitles(page), query).toEqual([scams.title]);
		await expectAccessible(page);
	}
	// The issue's own example: the three spellings of "kỹ năng số" find the same course.
	for (const query of ['ky nang so', 'kỹ năng số', 'ki nang so']) {
		await page.goto(`/courses?${new URLSearchParams({ q: query })}`);
		expect(await resultTitles(page), query).toEqual([smartphone.title]);
		await expectAccessible(page);
	}
	await page.goto('/courses?q=khong+co+khoa+nao+nhu+vay');
	await expect(resultCount(page)).toHaveText(t('vi', 'courses.results_other', { count: 0 }));
	await expect(page.getByText(t('vi', 'courses.no_results'))).toBeVisible();
	await expectAccessible(page);
});
