// The demo courses as the server loads them (supabase/seed/courses/*.json), and the steps of learning
// one, done the way a person does them; every page reached is checked with axe.
import { readdirSync, readFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';
import { expectAccessible } from './axe.ts';
import { field, header } from './flows.ts';
import { t, type Locale } from './i18n.ts';

type Localised = { vi: string; en: string };
type SeedLesson = { slug: string; title: Localised; required?: boolean };
type SeedCourse = { slug: string; title: Localised; audience: string; level: string; modules: { lessons: SeedLesson[] }[] };

export type DemoCourse = {
	slug: string;
	title: string;
	audience: string;
	lessons: { slug: string; title: string; required: boolean }[];
	/** How many lessons count towards completion (the "Đã học x/N bài bắt buộc" N). */
	required: number;
};

const SEED = new URL('../../../supabase/seed/courses/', import.meta.url);

/** The slugs of the demo courses, all published. */
export const demoCourseSlugs = () => readdirSync(SEED).filter((name) => name.endsWith('.json')).map((name) => name.slice(0, -5));

/** A demo course read from its seed file, in Vietnamese. */
export function demoCourse(slug: string): DemoCourse {
	const seed = JSON.parse(readFileSync(new URL(`${slug}.json`, SEED), 'utf8')) as SeedCourse;
	const lessons = seed.modules.flatMap((m) => m.lessons).map((l) => ({ slug: l.slug, title: l.title.vi, required: l.required !== false }));
	return { slug: seed.slug, title: seed.title.vi, audience: seed.audience, lessons, required: lessons.filter((l) => l.required).length };
}

/** The words of the progress bar, which is what a screen reader gets. */
export const progressText = (done: number, total: number) =>
	t('vi', 'courses.progress', { done, total, percent: total === 0 ? 0 : Math.round((done / total) * 100) });

/** Today as the app writes dates (`long` on the course page, `medium` on "Học tập của tôi"). */
/** Today as every page writes a day ("8 tháng 12, 2026"), in the province's time zone. */
export const today = (locale: Locale = 'vi') => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());

/** Types a query into the catalogue's search box and sends it. */
export async function searchCourses(page: Page, query: string) {
	await field(page, t('vi', 'courses.search_label')).fill(query);
	await page.getByRole('search').getByRole('button', { name: t('vi', 'courses.search_button'), exact: true }).click();
	await expect(page).toHaveURL(/\/courses\?(.*&)?q=/);
	await expectAccessible(page);
}

/** The titles of the courses listed on a catalogue page, in order. */
export const resultTitles = (page: Page) => page.locator('article.card h2').allInnerTexts();

export const resultCount = (page: Page) => page.getByRole('main').getByRole('status');

export async function openCatalogue(page: Page) {
	await header(page).getByRole('link', { name: t('vi', 'nav.courses'), exact: true }).click();
	await expect(page).toHaveURL('/courses');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('vi', 'courses.title'));
	await expectAccessible(page);
}

export async function openMyLearning(page: Page) {
	await header(page).getByRole('link', { name: t('vi', 'nav.me'), exact: true }).click();
	await expect(page).toHaveURL('/me');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('vi', 'me.title'));
	await expectAccessible(page);
}

export const lessonPath = (course: DemoCourse, index: number) => `/learn/${course.slug}/${course.lessons[index].slug}`;

export async function expectLesson(page: Page, course: DemoCourse, index: number) {
	await expect(page).toHaveURL(lessonPath(course, index));
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(course.lessons[index].title);
}

/**
 * On lesson `index`, presses the done button ("sang bài tiếp", or "Đã học xong bài này" on the last
 * lesson) and checks where it leads: the next lesson, or the course page after the last.
 */
export async function finishLesson(page: Page, course: DemoCourse, index: number) {
	const last = index === course.lessons.length - 1;
	await page.getByRole('button', { name: t('vi', last ? 'lesson.mark_done' : 'lesson.mark_done_next'), exact: true }).click();
	if (last) {
		await expect(page).toHaveURL(`/courses/${course.slug}`);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(course.title);
	} else {
		await expectLesson(page, course, index + 1);
	}
	await expectAccessible(page);
}
