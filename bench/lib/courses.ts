// The generated courses of the bench data set: count published courses built from the demo courses
// (supabase/seed/courses/*.json), in the app's seed format. Titles recombine the demo courses' own
// titles with an audience ("Hướng dẫn chuyển tiền và quét mã QR cho hộ kinh doanh"); each course has 3–6
// of its source's real lessons (real bodies of a few paragraphs) in 1–2 modules. Deterministic.

import type { CourseFile } from '../../src/lib/server/seed/courses.ts';

/** mulberry32: a small seeded PRNG, so that a given size always yields the same courses. */
function prng(seed: number) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

type Localised = CourseFile['title'];

/** Whom a generated course is for: appended to its title, and its audience. */
const QUALIFIERS: { audience: string; text: Localised }[] = [
	{ audience: 'citizen', text: { vi: 'cho người cao tuổi', en: 'for older people' } },
	{ audience: 'citizen', text: { vi: 'cho phụ nữ nông thôn', en: 'for rural women' } },
	{ audience: 'citizen', text: { vi: 'cho thanh niên', en: 'for young people' } },
	{ audience: 'citizen', text: { vi: 'cho người dân xã, phường', en: 'for residents of communes and wards' } },
	{ audience: 'citizen', text: { vi: 'cho đồng bào dân tộc thiểu số', en: 'for ethnic minority communities' } },
	{ audience: 'citizen', text: { vi: 'cho phụ huynh học sinh', en: 'for parents of pupils' } },
	{ audience: 'official', text: { vi: 'cho cán bộ cấp xã', en: 'for commune officials' } },
	{ audience: 'official', text: { vi: 'cho công chức bộ phận một cửa', en: 'for one-stop-shop civil servants' } },
	{ audience: 'official', text: { vi: 'cho cán bộ văn thư, lưu trữ', en: 'for clerical and archive staff' } },
	{ audience: 'business', text: { vi: 'cho hộ kinh doanh', en: 'for household businesses' } },
	{ audience: 'business', text: { vi: 'cho hợp tác xã', en: 'for cooperatives' } },
	{ audience: 'business', text: { vi: 'cho tiểu thương chợ truyền thống', en: 'for traditional market traders' } },
	{ audience: 'everyone', text: { vi: 'từ cơ bản đến thực hành', en: 'from basics to practice' } },
	{ audience: 'everyone', text: { vi: 'trên điện thoại', en: 'on your phone' } },
	{ audience: 'everyone', text: { vi: 'qua các tình huống thường gặp', en: 'through everyday situations' } },
	{ audience: 'everyone', text: { vi: 'hỏi đáp nhanh', en: 'quick questions and answers' } }
];

const PREFIXES: Localised[] = [
	{ vi: 'Hướng dẫn', en: 'A guide to' },
	{ vi: 'Thực hành', en: 'Practising' },
	{ vi: 'Cẩm nang', en: 'Handbook:' },
	{ vi: 'Kỹ năng', en: 'Skills:' },
	{ vi: 'Làm quen:', en: 'Getting started:' },
	{ vi: 'Từng bước:', en: 'Step by step:' }
];

const LEVELS = ['basic', 'basic', 'basic', 'intermediate', 'intermediate', 'advanced'];

/** "Chữ ký số và Điện tử" → "chu-ky-so-va-dien-tu". */
export function slugify(text: string): string {
	return text
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[đĐ]/g, 'd')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
}

/** Lower-cases the first letter unless the first word looks like a name ("VNeID", "Cổng", "Wi-Fi"). */
function lowerFirst(text: string): string {
	const first = text.split(/\s/)[0];
	if (/\p{Lu}.*\p{Lu}/u.test(first) || ['Cổng', 'Zalo', 'Internet'].includes(first)) return text;
	return text.charAt(0).toLocaleLowerCase('vi') + text.slice(1);
}

// The app's seed format; a type-only import, erased when Node runs this file.
export type SeedCourse = CourseFile;
export type SeedModule = CourseFile['modules'][number];
export type SeedLesson = SeedModule['lessons'][number];

/** count courses built from the demo ones: a topic from one of them, 3–6 of its lessons in 1–2 modules. */
export function generateCourses(demo: SeedCourse[], count: number, seed = 20261126): SeedCourse[] {
	const random = prng(seed);
	const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)];
	const courses: SeedCourse[] = [];
	for (let k = 1; k <= count; k++) {
		const source = demo[(k - 1) % demo.length];
		const sourceLessons = source.modules.flatMap((m) => m.lessons);
		// A topic: the source course's title, one of its modules, or one of its lessons.
		const topics: Localised[] = [source.title, ...source.modules.map((m) => m.title), ...sourceLessons.map((l) => l.title)];
		// Only the head of a topic ("Bí mật nhà nước: những điều …" → "Bí mật nhà nước"), no question.
		const head = (text: string) => text.split(/[:?]/)[0].replace(/\s+là gì$/, '').trim();
		const chosen = pick(topics);
		const topic = { vi: head(chosen.vi), en: head(chosen.en) };
		const qualifier = pick(QUALIFIERS);
		const prefix = random() < 0.5 ? pick(PREFIXES) : null;
		const vi = `${prefix ? `${prefix.vi} ${lowerFirst(topic.vi)}` : topic.vi} ${qualifier.text.vi}`;
		const en = `${prefix ? `${prefix.en} ${topic.en.charAt(0).toLowerCase() + topic.en.slice(1)}` : topic.en} ${qualifier.text.en}`;
		// 3–6 lessons, taken in order from the source (and, past its end, from the next demo course).
		const wanted = 3 + Math.floor(random() * 4);
		const start = Math.floor(random() * Math.max(1, sourceLessons.length - wanted + 1));
		const pool = [...sourceLessons, ...demo[k % demo.length].modules.flatMap((m) => m.lessons)];
		const lessons: SeedLesson[] = [];
		const slugs = new Set<string>();
		for (const lesson of pool.slice(start)) {
			if (lessons.length === wanted) break;
			if (slugs.has(lesson.slug)) continue;
			slugs.add(lesson.slug);
			lessons.push(lesson);
		}
		const split = lessons.length >= 4 && random() < 0.6 ? Math.ceil(lessons.length / 2) : lessons.length;
		const moduleTitle = (i: number): Localised => source.modules[i % source.modules.length].title;
		const modules: SeedModule[] = [{ title: moduleTitle(0), lessons: lessons.slice(0, split) }];
		if (split < lessons.length) modules.push({ title: moduleTitle(1), lessons: lessons.slice(split) });
		courses.push({
			slug: `${slugify(vi).slice(0, 60).replace(/-+$/, '')}-${k}`,
			language: 'vi',
			title: { vi, en },
			summary: {
				vi: `${source.summary.vi} Phiên bản ${qualifier.text.vi}.`.slice(0, 1000),
				en: `${source.summary.en} This edition: ${qualifier.text.en}.`.slice(0, 1000)
			},
			audience: qualifier.audience,
			level: pick(LEVELS),
			outcomes: source.outcomes,
			competences: source.competences,
			modules
		});
	}
	return courses;
}
