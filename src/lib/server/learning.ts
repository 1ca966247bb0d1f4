// A course's outline and lessons as a reader sees them, and what a learner does: open a lesson (which
// enrols a signed-in reader), mark it done (idempotent by event id). Completion itself is recorded by the database.
import { asUser, type Claims, type Tx } from './db/index.ts';
import { isPostgresError } from './db/errors.ts';
import { localized, type Localized } from './db/localized.ts';
import type { Row } from './db/rows.ts';
import type { Locale } from '../i18n/index.ts';

type Lesson = Row<'lesson'>;
/** When the course was completed by the reader, if it was. */
type CompletedAt = Row<'course_completion'>['completed_at'] | null;

export type OutlineLesson = Pick<Lesson, 'id' | 'slug' | 'minutes' | 'required'> & { title: Localized<'lesson', 'title'>; done: boolean };
export type OutlineModule = { title: Localized<'course_module', 'title'>; lessons: OutlineLesson[] };
export type Competence = Pick<Row<'competence'>, 'framework' | 'code'> & { name: Localized<'competence', 'name'>; level: Row<'course_competence'>['level'] };
export type CourseQuiz = Pick<Row<'quiz'>, 'id' | 'title' | 'required'> & { passed: boolean };

export type CourseOutline = Pick<Row<'course'>, 'id' | 'slug' | 'audience' | 'level' | 'language'> & {
	title: Localized<'course', 'title'>;
	summary: Localized<'course', 'summary'>;
	outcomes: Localized<'course', 'outcomes'>;
	modules: OutlineModule[];
	competences: Competence[];
	quizzes: CourseQuiz[];
	enrolled: boolean;
	lastLessonSlug: Lesson['slug'] | null;
	completedAt: CompletedAt;
};

export class LearningError extends Error {
	readonly code: 'not_found' | 'not_allowed';
	constructor(code: 'not_found' | 'not_allowed') {
		super(code);
		this.name = 'LearningError';
		this.code = code;
	}
}

async function outline(tx: Tx, locale: Locale, slug: string, signedIn: boolean): Promise<CourseOutline | undefined> {
	const [course] = await tx<(Omit<CourseOutline, 'modules' | 'competences' | 'quizzes'> & { modules: OutlineModule[] | null })[]>`
		select c.id::int, c.slug, ${localized(tx, locale, 'c.title')} as title,
			${localized(tx, locale, 'c.summary')} as summary,
			c.audience, c.level, c.language,
			${localized(tx, locale, 'c.outcomes')} as outcomes,
			(e.person_id is not null) as enrolled,
			(select l.slug from public.lesson l where l.id = e.last_lesson_id) as "lastLessonSlug",
			cc.completed_at as "completedAt",
			(select json_agg(json_build_object('title', ${localized(tx, locale, 'm.title')}, 'lessons', (
				select json_agg(json_build_object('id', l.id, 'slug', l.slug, 'title', ${localized(tx, locale, 'l.title')}, 'minutes', l.minutes,
					'required', l.required,
					'done', exists (select 1 from public.lesson_progress p where p.person_id = (select auth.uid()) and p.lesson_id = l.id))
					order by l.position)
				from public.lesson l where l.module_id = m.id)) order by m.position)
			 from public.course_module m where m.course_id = c.id) as modules
		from public.course c
		left join public.enrolment e on e.course_id = c.id and e.person_id = (select auth.uid())
		left join public.course_completion cc on cc.course_id = c.id and cc.person_id = (select auth.uid())
		where c.slug = ${slug}`;
	if (!course) return undefined;
	const competences = await tx<Competence[]>`
		select k.framework, k.code, ${localized(tx, locale, 'k.name')} as name, cc.level
		from public.course_competence cc join public.competence k on k.id = cc.competence_id
		where cc.course_id = ${course.id} order by k.framework, k.code`;
	// private.passed_quiz is for signed-in readers only (anonymous ones may not call it).
	const passed = signedIn ? tx`coalesce(private.passed_quiz((select auth.uid()), q.id), false)` : tx`false`;
	const quizzes = await tx<CourseQuiz[]>`
		select q.id::int, q.title, q.required,
			${passed} as passed
		from public.quiz q where q.course_id = ${course.id} and q.status = 'published' order by q.required, q.id`;
	return { ...course, modules: (course.modules ?? []).map((m) => ({ ...m, lessons: m.lessons ?? [] })), competences, quizzes };
}

/** A published course (or one the caller may author) with its outline; undefined when not visible. */
export function getCourse(claims: Claims, locale: Locale, slug: string): Promise<CourseOutline | undefined> {
	return asUser(claims, (tx) => outline(tx, locale, slug, claims.role === 'authenticated'));
}

export type LessonView = {
	course: CourseOutline;
	lesson: OutlineLesson & Pick<Lesson, 'body' | 'kind'>;
	previous: OutlineLesson | null;
	next: OutlineLesson | null;
	done: number;
	total: number;
};

/** A lesson with its course's outline; for a signed-in reader it also remembers the place and enrols. */
export function openLesson(claims: Claims, locale: Locale, courseSlug: string, lessonSlug: string): Promise<LessonView | undefined> {
	return asUser(claims, async (tx) => {
		const course = await outline(tx, locale, courseSlug, claims.role === 'authenticated');
		if (!course) return undefined;
		const lessons = course.modules.flatMap((m) => m.lessons);
		const index = lessons.findIndex((l) => l.slug === lessonSlug);
		if (index === -1) return undefined;
		const [row] = await tx<Pick<Lesson, 'body' | 'kind'>[]>`select body, kind from public.lesson where id = ${lessons[index].id}`;
		if (claims.role === 'authenticated') {
			await tx`
				insert into public.enrolment (person_id, course_id, last_lesson_id) values ((select auth.uid()), ${course.id}, ${lessons[index].id})
				on conflict (person_id, course_id) do update set last_lesson_id = excluded.last_lesson_id, last_activity_at = now()
				where public.enrolment.last_lesson_id is distinct from excluded.last_lesson_id`;
			course.enrolled = true;
			course.lastLessonSlug = lessonSlug;
		}
		const required = lessons.filter((l) => l.required);
		return {
			course,
			lesson: { ...lessons[index], ...row },
			previous: lessons[index - 1] ?? null,
			next: lessons[index + 1] ?? null,
			done: required.filter((l) => l.done).length,
			total: required.length
		};
	});
}

/**
 * Records that the signed-in person did a lesson. The event id makes it idempotent: the same event
 * delivered twice, or a second "done" for the same lesson, changes nothing. Returns whether the course is
 * complete afterwards (the database records the completion when its rule is met).
 */
export async function markDone(claims: Claims, lessonId: number, eventId: string): Promise<{ courseCompleted: boolean }> {
	try {
		return await asUser(claims, async (tx) => {
			const [lesson] = await tx<Pick<Lesson, 'course_id'>[]>`select course_id::int from public.lesson where id = ${lessonId}`;
			if (!lesson) throw new LearningError('not_found');
			await tx`
				insert into public.lesson_progress (person_id, lesson_id, course_id, event_id)
				values ((select auth.uid()), ${lessonId}, ${lesson.course_id}, ${eventId})
				on conflict do nothing`;
			const [completion] = await tx`select 1 from public.course_completion where person_id = (select auth.uid()) and course_id = ${lesson.course_id}`;
			return { courseCompleted: !!completion };
		});
	} catch (error) {
		if (isPostgresError(error, '42501')) throw new LearningError('not_allowed');
		throw error;
	}
}

export type MyCourse = Pick<Row<'course'>, 'slug'> & {
	title: Localized<'course', 'title'>;
	done: number;
	required: number;
	lastActivityAt: Row<'enrolment'>['last_activity_at'];
	/** the lesson to go on with: the last one opened if not done, else the first not done, else the last opened */
	continueSlug: Lesson['slug'] | null;
	completedAt: CompletedAt;
};

export type AreaCoverage = Pick<Row<'competence_area'>, 'code'> & { name: Localized<'competence_area', 'name'>; courses: number };

/** The signed-in person's courses (in progress and completed) and which competence areas they cover. */
export function myLearning(claims: Claims, locale: Locale): Promise<{ courses: MyCourse[]; coverage: AreaCoverage[] }> {
	return asUser(claims, async (tx) => {
		const courses = await tx<MyCourse[]>`
			select c.slug, ${localized(tx, locale, 'c.title')} as title,
				(select count(*)::int from public.lesson_progress p join public.lesson l on l.id = p.lesson_id and l.required
					where p.person_id = e.person_id and p.course_id = c.id) as done,
				(select count(*)::int from public.lesson l where l.course_id = c.id and l.required) as required,
				e.last_activity_at as "lastActivityAt",
				coalesce(
					(select l.slug from public.lesson l where l.id = e.last_lesson_id
						and not exists (select 1 from public.lesson_progress p where p.person_id = e.person_id and p.lesson_id = l.id)),
					(select l.slug from public.lesson l join public.course_module m on m.id = l.module_id
						where l.course_id = c.id and not exists (select 1 from public.lesson_progress p where p.person_id = e.person_id and p.lesson_id = l.id)
						order by m.position, l.position limit 1),
					(select l.slug from public.lesson l where l.id = e.last_lesson_id)
				) as "continueSlug",
				cc.completed_at as "completedAt"
			from public.enrolment e
			join public.course c on c.id = e.course_id
			left join public.course_completion cc on cc.person_id = e.person_id and cc.course_id = c.id
			where e.person_id = (select auth.uid())
			order by e.last_activity_at desc`;
		// From the person's completions (few) to the areas their courses develop, directly or by mapping.
		const coverage = await tx<AreaCoverage[]>`
			with covered as (
				select a.id as area_id, count(distinct done.course_id) as courses
				from public.course_completion done
				join public.course_competence cc on cc.course_id = done.course_id
				join public.competence k on k.id = cc.competence_id
				left join public.competence_mapping m on m.from_competence_id = k.id
				left join public.competence k2 on k2.id = m.to_competence_id
				join public.competence_area a on a.id in (k.area_id, k2.area_id) and a.framework = 'tt02_2025'
				where done.person_id = (select auth.uid())
				group by a.id
			)
			select a.code, ${localized(tx, locale, 'a.name')} as name, coalesce(covered.courses, 0)::int as courses
			from public.competence_area a left join covered on covered.area_id = a.id
			where a.framework = 'tt02_2025'
			order by a.position`;
		return { courses, coverage };
	});
}
