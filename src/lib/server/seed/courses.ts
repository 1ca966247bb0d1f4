// Loads the demo courses (supabase/seed/courses/*.json: real Vietnamese content) as published courses.
// Idempotent: a course whose slug exists is left as it is.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Tx } from '../db/index.ts';
import { validateDocument } from '../../content/document.ts';
import { CONTENT_SCHEMA_VERSION } from '../../content/extensions.ts';
import { blocksToDocument, type Block } from './blocks.ts';

type Localised = { vi: string; en: string };
type Tag = { framework: string; code: string; level: number };
export type CourseFile = {
	slug: string;
	language: 'vi' | 'en';
	title: Localised;
	summary: Localised;
	audience: string;
	level: string;
	outcomes: { vi: string[]; en: string[] };
	competences: Tag[];
	modules: { title: Localised; lessons: { slug: string; title: Localised; minutes: number; required?: boolean; competences?: Tag[]; body: Block[] }[] }[];
};

export function readCourseFiles(dir = path.join(process.cwd(), 'supabase/seed/courses')): CourseFile[] {
	return readdirSync(dir)
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map((file) => JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as CourseFile);
}

async function tag(tx: Tx, table: 'course_competence' | 'lesson_competence', column: 'course_id' | 'lesson_id', id: number, tags: Tag[]) {
	for (const t of tags) {
		await tx`
			insert into ${tx('public.' + table)} (${tx(column)}, competence_id, level)
			select ${id}, c.id, ${t.level} from public.competence c where c.framework = ${t.framework} and c.code = ${t.code}
			on conflict do nothing`;
	}
}

export async function seedCourses(tx: Tx, ownerUnitId: number | null, files = readCourseFiles()): Promise<number> {
	let created = 0;
	for (const course of files) {
		const [exists] = await tx`select 1 from public.course where slug = ${course.slug}`;
		if (exists) continue;
		const [{ id: courseId }] = await tx<{ id: number }[]>`
			insert into public.course (slug, language, audience, level, status, published_version, published_at,
				title_vi, title_en, summary_vi, summary_en, outcomes_vi, outcomes_en, owner_unit_id, created_by)
			values (${course.slug}, ${course.language}, ${course.audience}, ${course.level}, 'published', 1, now(),
				${course.title.vi}, ${course.title.en}, ${course.summary.vi}, ${course.summary.en},
				${course.outcomes.vi}, ${course.outcomes.en}, ${ownerUnitId}, null)
			returning id::int`;
		await tag(tx, 'course_competence', 'course_id', courseId, course.competences);
		for (const [moduleIndex, module] of course.modules.entries()) {
			const [{ id: moduleId }] = await tx<{ id: number }[]>`
				insert into public.course_module (course_id, position, title_vi, title_en)
				values (${courseId}, ${moduleIndex + 1}, ${module.title.vi}, ${module.title.en}) returning id::int`;
			for (const [lessonIndex, lesson] of module.lessons.entries()) {
				const body = blocksToDocument(lesson.body);
				const valid = validateDocument(body);
				if (!valid.ok) throw new Error(`course ${course.slug}, lesson ${lesson.slug}: ${valid.reason}`);
				const [{ id: lessonId }] = await tx<{ id: number }[]>`
					insert into public.lesson (course_id, module_id, position, slug, kind, title_vi, title_en, minutes, required, body, body_schema)
					values (${courseId}, ${moduleId}, ${lessonIndex + 1}, ${lesson.slug}, 'text', ${lesson.title.vi}, ${lesson.title.en},
						${lesson.minutes}, ${lesson.required ?? true}, ${tx.json(body as never)}, ${CONTENT_SCHEMA_VERSION})
					returning id::int`;
				await tag(tx, 'lesson_competence', 'lesson_id', lessonId, lesson.competences ?? []);
			}
		}
		created++;
	}
	return created;
}
