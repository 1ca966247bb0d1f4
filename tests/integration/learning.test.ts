import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import * as courses from '#lib/server/courses.ts';
import * as learning from '#lib/server/learning.ts';
import { ANON, asService } from '#lib/server/db/index.ts';
import { seedCourses, type CourseFile } from '#lib/server/seed/courses.ts';
import { registerPerson } from './fixtures.ts';

const lesson = (slug: string, required = true) => ({
	slug,
	title: { vi: `Bài ${slug}`, en: `Lesson ${slug}` },
	minutes: 5,
	required,
	body: [{ type: 'paragraph' as const, text: `Nội dung **${slug}**` }]
});

const course = (slug: string, title: string, extra: Partial<CourseFile> = {}): CourseFile => ({
	slug,
	language: 'vi' as const,
	title: { vi: title, en: `${title} (en)` },
	summary: { vi: 'Tóm tắt', en: 'Summary' },
	audience: 'citizen',
	level: 'basic',
	outcomes: { vi: ['Biết'], en: ['Know'] },
	competences: [{ framework: 'digcomp22', code: '4.2', level: 2 }],
	modules: [{ title: { vi: 'Phần 1', en: 'Part 1' }, lessons: [lesson('mot'), lesson('hai'), lesson('them', false)] }],
	...extra
});

const query = (q: string, filters: Partial<courses.CatalogueQuery> = {}): courses.CatalogueQuery => ({ q, audience: null, area: null, level: null, page: 1, ...filters });
const slugs = async (q: courses.CatalogueQuery) => (await courses.search(ANON, 'vi', q)).courses.map((c) => c.slug).sort();

beforeAll(async () => {
	await asService((tx) =>
		seedCourses(tx, null, [
			course('ky-nang-so-co-ban', 'Kỹ năng số cơ bản cho người dân'),
			course('thanh-toan-qr', 'Thanh toán bằng mã QR an toàn', { audience: 'everyone', competences: [{ framework: 'digcomp22', code: '2.1', level: 1 }] }),
			course('chu-ky-so', 'Chữ ký số cho cán bộ', { audience: 'official', level: 'intermediate', competences: [{ framework: 'tt02_2025', code: '3.1', level: 3 }] }),
			course('ban-nhap', 'Kỹ năng số nâng cao (bản nháp)')
		])
	);
	await asService((tx) => tx`update public.course set status = 'draft' where slug = 'ban-nhap'`);
	courses.forgetCachedPages();
});

describe('catalogue search', () => {
	it.each(['ky nang so', 'kỹ năng số', 'ki nang so', 'KY NANG SO', 'nang so co ban'])('%j finds the same course', async (q) => {
		expect(await slugs(query(q))).toEqual(['ky-nang-so-co-ban']);
	});

	it('finds nothing for an unrelated query, and every published course for none', async () => {
		expect(await slugs(query('xin visa du lich'))).toEqual([]);
		expect(await slugs(query(''))).toEqual(['chu-ky-so', 'ky-nang-so-co-ban', 'thanh-toan-qr']);
	});

	it.each(['%', '_', '\\', '％', '＿', '%%'])('takes %j as text to find, not as a LIKE wildcard', async (q) => {
		expect(await slugs(query(q))).toEqual([]);
	});

	it('finds a course from a query typed in decomposed Unicode (NFD), as from a precomposed one', async () => {
		expect(await slugs(query('Kỹ năng số cơ bản'.normalize('NFD')))).toEqual(['ky-nang-so-co-ban']);
	});

	it('combines filters with the search: audience (with "everyone"), level and competence area', async () => {
		expect(await slugs(query('', { audience: 'citizen' }))).toEqual(['ky-nang-so-co-ban', 'thanh-toan-qr']);
		expect(await slugs(query('', { audience: 'official', level: 'intermediate' }))).toEqual(['chu-ky-so']);
		expect(await slugs(query('', { area: '4' }))).toEqual(['ky-nang-so-co-ban']);
		expect(await slugs(query('', { area: '3' }))).toEqual(['chu-ky-so']);
		expect(await slugs(query('thanh toan', { area: '4' }))).toEqual([]);
		// Cards name the areas a course develops, through the DigComp → Circular 02 mapping too.
		const [card] = (await courses.search(ANON, 'vi', query('ky nang so'))).courses;
		expect(card.areas).toEqual(['4']);
	});

	it('never shows a draft, to anyone', async () => {
		expect(await slugs(query('nang cao'))).toEqual([]);
		expect(await learning.getCourse(ANON, 'vi', 'ban-nhap')).toBeUndefined();
		const { session } = await registerPerson();
		expect(await learning.getCourse(session.claims, 'vi', 'ban-nhap')).toBeUndefined();
	});
});

describe('learning a course', () => {
	it('anyone may read a lesson; only a signed-in reader is enrolled and remembered', async () => {
		const view = await learning.openLesson(ANON, 'vi', 'ky-nang-so-co-ban', 'hai');
		expect(view).toMatchObject({ lesson: { slug: 'hai' }, previous: { slug: 'mot' }, next: { slug: 'them' }, done: 0, total: 2 });
		expect(view?.course.enrolled).toBe(false);

		const { session } = await registerPerson();
		await learning.openLesson(session.claims, 'vi', 'ky-nang-so-co-ban', 'hai');
		const course = await learning.getCourse(session.claims, 'vi', 'ky-nang-so-co-ban');
		expect(course).toMatchObject({ enrolled: true, lastLessonSlug: 'hai' });
	});

	it('counts a lesson once, however often "done" arrives', async () => {
		const { session } = await registerPerson();
		const view = await learning.openLesson(session.claims, 'vi', 'ky-nang-so-co-ban', 'mot');
		const eventId = randomUUID();
		await learning.markDone(session.claims, view!.lesson.id, eventId);
		await learning.markDone(session.claims, view!.lesson.id, eventId);
		await learning.markDone(session.claims, view!.lesson.id, randomUUID());
		const rows = await asService((tx) => tx`select count(*)::int as n from public.lesson_progress where person_id = ${session.user.id}`);
		expect(rows[0].n).toBe(1);
		expect((await learning.openLesson(session.claims, 'vi', 'ky-nang-so-co-ban', 'mot'))?.done).toBe(1);
	});

	it('completes the course when every required lesson is done, once, with its time', async () => {
		const { session } = await registerPerson();
		const course = await learning.getCourse(session.claims, 'vi', 'ky-nang-so-co-ban');
		const [first, second] = course!.modules[0].lessons;
		expect(await learning.markDone(session.claims, first.id, randomUUID())).toEqual({ courseCompleted: false });
		const before = Date.now();
		expect(await learning.markDone(session.claims, second.id, randomUUID())).toEqual({ courseCompleted: true });
		expect(await learning.markDone(session.claims, second.id, randomUUID())).toEqual({ courseCompleted: true });
		const completions = await asService((tx) => tx<{ completed_at: Date }[]>`
			select completed_at from public.course_completion where person_id = ${session.user.id}`);
		expect(completions).toHaveLength(1);
		expect(completions[0].completed_at.getTime()).toBeGreaterThan(before - 5_000);

		const mine = await learning.myLearning(session.claims, 'vi');
		expect(mine.courses).toMatchObject([{ slug: 'ky-nang-so-co-ban', done: 2, required: 2 }]);
		expect(mine.courses[0].completedAt).toBeInstanceOf(Date);
		expect(mine.coverage.find((a) => a.code === '4')?.courses).toBe(1);
		expect(mine.coverage.find((a) => a.code === '1')?.courses).toBe(0);
	});

	it('refuses progress on a draft course or a lesson that does not exist, and anonymous progress', async () => {
		const { session } = await registerPerson();
		const lessonOf = async (course: string) => (await asService((tx) => tx<{ id: number }[]>`
			select l.id::int from public.lesson l join public.course c on c.id = l.course_id where c.slug = ${course} order by l.id limit 1`))[0].id;
		const draftLesson = await lessonOf('ban-nhap');
		await expect(learning.markDone(session.claims, draftLesson, randomUUID())).rejects.toEqual(new learning.LearningError('not_found'));
		await expect(learning.markDone(session.claims, 999_999, randomUUID())).rejects.toEqual(new learning.LearningError('not_found'));
		// Anonymous visitors read published lessons but record no progress on them.
		await expect(learning.markDone(ANON, await lessonOf('ky-nang-so-co-ban'), randomUUID())).rejects.toEqual(new learning.LearningError('not_allowed'));
		const rows = await asService((tx) => tx`select count(*)::int as n from public.lesson_progress where person_id = ${session.user.id}`);
		expect(rows[0].n).toBe(0);
	});
});

describe('basic digital skills', () => {
	it('a person has them after completing a basic course that develops a Decision 757 group, directly or by mapping', async () => {
		const { session } = await registerPerson();
		const has = async () =>
			(await asService((tx) => tx<{ has: boolean }[]>`select public.has_basic_digital_skills(${session.user.id}) as has`))[0].has;
		expect(await has()).toBe(false);
		// chu-ky-so is intermediate: completing it does not count.
		const advanced = await learning.getCourse(session.claims, 'vi', 'chu-ky-so');
		for (const l of advanced!.modules[0].lessons) await learning.markDone(session.claims, l.id, randomUUID());
		expect(await has()).toBe(false);
		// ky-nang-so-co-ban is basic and tagged DigComp 4.2, which maps onto Decision 757 group 4.
		const basic = await learning.getCourse(session.claims, 'vi', 'ky-nang-so-co-ban');
		for (const l of basic!.modules[0].lessons) await learning.markDone(session.claims, l.id, randomUUID());
		expect(await has()).toBe(true);
	});
});
