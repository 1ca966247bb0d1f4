// The bench data set, loaded straight into the database before the server starts (so that embedded
// PGlite, which only one process can open, is free): the 8 demo courses plus N generated published
// courses (Vietnamese titles recombined from the demo courses' own titles, real lesson bodies), and M
// learner accounts with enrolments, lesson progress and completions for a realistic share of them; then
// the quizzes and the contest of quizzes.ts (a question bank, a closed contest round every learner took,
// ranked and timed, an open quiz and quiz-submit's pool of attempts), and the leaderboard's queries timed.
//
// Run as a child process by dataset.ts, with the app copy as cwd (so that it migrates and seeds with
// exactly the code the server runs) and the mode's DATABASE_URL or HOCSO_DATA_DIR in the environment:
//   node bench/lib/generate.ts <result.json>
// Courses go through the app's own seedCourses (validated bodies, competence tags); learners,
// enrolments and progress are set-based SQL (insert … select … from generate_series), with the
// database's own triggers (profile per account, enrolment on progress, completion) left on (in the
// standard data set; the province one inserts its completions set-based, province.ts).
// Deterministic: the same sizes give the same courses, accounts, enrolments and progress (ids aside).
// First of all the demo targets and population figures of every commune (the demo seed's seedTargets), so
// that the province data set can spread its learners by population; the rest of the demo content
// (seedDemo: demo accounts, quizzes of the demo courses…) after the learners' progress, as the server would
// load it at start (SEED_DEMO=always on Postgres, auto embedded; it then finds it done), so that the required
// quizzes of the demo courses come after the generated completions, as before. Then one refresh of the automatic
// target figures (the server's background refresh is off in the bench, server.ts). BENCH_GEN_PROFILE=province
// makes the province-scale data set of the dashboard instead of the standard one (province.ts);
// BENCH_GEN_DASHBOARD=1 times the refresh and the dashboard's queries at the end (dashboard.ts).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateCourses } from './courses.ts';
import { measureDashboard, type DashboardDataset } from './dashboard.ts';
import { provinceLearners, provincePeople, provinceProgress, type ProvinceProgress } from './province.ts';
import { generateQuizData, measureLeaderboard, type QuizDataset } from './quizzes.ts';

export type DatasetLesson = { slug: string; title: string };
export type DatasetCourse = { slug: string; title: string; lessons: DatasetLesson[] };

export type DatasetSummary = {
	/** Generated courses (the demo courses come on top). */
	generatedCourses: number;
	courses: number;
	lessons: number;
	learners: number;
	enrolments: number;
	lessonProgress: number;
	completions: number;
	/** Seconds per step, and in all (migrations excluded). */
	seconds: Record<string, number>;
	totalSeconds: number;
	migrateSeconds: number;
	/** Every published course with its lessons, in the titles (vi) the pages show. */
	catalogue: DatasetCourse[];
	/** The question bank, the contest with its closed round and leaderboard figures, the open quiz and its pool of attempts (quizzes.ts). */
	quiz: QuizDataset;
	/** refresh_target_values() once at the end, as recorded by the function (target_refresh.duration_ms). */
	targetRefreshMs: number;
	/** standard, or province (the dashboard's province-scale data set, province.ts) */
	profile: 'standard' | 'province';
	/** The province profile's particulars. */
	province?: ProvinceProgress & { progressPerLearner: number; villages: number; teamMembers: number };
	/** The target figures refreshed and the dashboard's queries timed (when a dashboard scenario runs, or the province profile). */
	dashboard?: DashboardDataset;
};

/** Vietnamese names for the learners' profiles (family, middle, given). */
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý', 'Chamaléa', 'Katơr', 'Pi Năng'];
const MIDDLE = ['Thị', 'Văn', 'Hữu', 'Minh', 'Ngọc', 'Thanh', 'Quốc', 'Đức', 'Thu', 'Hoàng', 'Xuân', 'Kim'];
const GIVEN = ['An', 'Bình', 'Chi', 'Dũng', 'Hà', 'Hải', 'Hạnh', 'Hòa', 'Hùng', 'Hương', 'Khánh', 'Lan', 'Linh', 'Long', 'Mai', 'Nam', 'Nga', 'Phúc', 'Phương', 'Quang', 'Sơn', 'Tâm', 'Thảo', 'Trang', 'Trung', 'Tuấn', 'Vy', 'Yến', 'Đào', 'Nhung'];

const sqlArray = (items: string[]) => `array[${items.map((item) => `'${item.replaceAll("'", "''")}'`).join(',')}]`;

async function main(resultFile: string) {
	const courseCount = Number(process.env.BENCH_GEN_COURSES ?? 500);
	const learnerCount = Number(process.env.BENCH_GEN_LEARNERS ?? 50_000);
	const quizAttempts = Number(process.env.BENCH_GEN_QUIZ_ATTEMPTS ?? 0);
	const profile = process.env.BENCH_GEN_PROFILE === 'province' ? 'province' : 'standard';
	const progressPerLearner = Number(process.env.BENCH_GEN_PROGRESS ?? 25);
	const measuresDashboard = process.env.BENCH_GEN_DASHBOARD === '1';
	const root = process.cwd();
	const load = <T>(file: string) => import(pathToFileURL(path.join(root, file)).href) as Promise<T>;
	const { readConfig } = await load<typeof import('../../src/lib/server/config.ts')>('src/lib/server/config.ts');
	const db = await load<typeof import('../../src/lib/server/db/index.ts')>('src/lib/server/db/index.ts');
	const seed = await load<typeof import('../../src/lib/server/seed/courses.ts')>('src/lib/server/seed/courses.ts');
	const contests = await load<typeof import('../../src/lib/server/contests.ts')>('src/lib/server/contests.ts');
	const demoSeed = await load<typeof import('../../src/lib/server/seed/demo.ts')>('src/lib/server/seed/demo.ts');
	const targetSeed = await load<typeof import('../../src/lib/server/seed/targets.ts')>('src/lib/server/seed/targets.ts');
	const targets = await load<typeof import('../../src/lib/server/targets.ts')>('src/lib/server/targets.ts');
	const { parseQuestionFile } = await load<typeof import('../../src/lib/quiz/import/result.ts')>('src/lib/quiz/import/result.ts');
	const { QUESTIONS_PER_PAGE } = await load<typeof import('../../src/lib/quiz/paging.ts')>('src/lib/quiz/paging.ts');

	const seconds: Record<string, number> = {};
	let mark = performance.now();
	const step = (name: string) => {
		const now = performance.now();
		seconds[name] = Math.round((now - mark) / 100) / 10;
		mark = now;
		console.error(`generate: ${name} ${seconds[name]} s`);
	};
	const started = performance.now();
	await db.startDatabase(readConfig());
	const migrateSeconds = Math.round((performance.now() - started) / 100) / 10;
	mark = performance.now();
	const generationStarted = mark;
	try {
		// Idempotent: seedDemo, after the learners, and the server then, find them done.
		await db.asService((tx) => targetSeed.seedTargets(tx, async (sql, name) => {
			const [row] = await sql<{ id: number }[]>`
				select id::int from public.unit where name = ${name} and valid_from <= current_date and (valid_to is null or valid_to > current_date)`;
			if (!row) throw new Error(`no current unit named ${name}`);
			return row.id;
		}));
		step('population and targets');
		const demo = seed.readCourseFiles();
		const generated = generateCourses(demo, courseCount);
		await db.asService(async (tx) => {
			const [unit] = await tx<{ id: number }[]>`
				select id::int from public.unit where name = 'Tỉnh Khánh Hòa' and valid_from <= current_date and (valid_to is null or valid_to > current_date)`;
			await seed.seedCourses(tx, unit?.id ?? null, demo as never);
			await seed.seedCourses(tx, unit?.id ?? null, generated as never);
			// Published over the last two years rather than all this second.
			await tx`update public.course set published_at = now() - make_interval(days => (id * 37 % 730)::int), created_at = now() - make_interval(days => (id * 37 % 730)::int + 14)`;
		});
		step('courses');

		const summary = await db.asService(async (tx) => {
			// hashed(n, salt): a uniform number in [0, 1), the same for the same arguments.
			await tx.unsafe(`
				create function pg_temp.hashed(n bigint, salt int) returns float8 language sql immutable as
				$$ select (hashint8extended(n, salt) & 2147483647)::float8 / 2147483648 $$`);
			// Courses by popularity: the demo ones first, then the generated ones in order; lessons in reading order,
			// and the position of the last required one (0 if none).
			await tx.unsafe(`
				create temp table bench_course on commit drop as
				select row_number() over (order by c.id) as k, c.id, c.audience, array_agg(x.lesson order by x.i) as lessons,
					coalesce(max(x.i) filter (where x.required), 0)::int as last_required
				from public.course c
				cross join lateral (
					select l.id as lesson, l.required, row_number() over (order by m.position, l.position)::int as i
					from public.lesson l join public.course_module m on m.id = l.module_id
					where l.course_id = c.id
				) x
				where c.status = 'published'
				group by c.id`);
			let villages = 0;
			if (profile === 'province') {
				({ villages } = await provinceLearners(tx, learnerCount));
			} else {
				await tx.unsafe(`
					create temp table bench_commune on commit drop as
					select row_number() over (order by id) as k, id from public.unit
					where kind = 'commune' and valid_from <= current_date and (valid_to is null or valid_to > current_date)`);
				await tx.unsafe(`
					create temp table bench_learner on commit drop as
					select n, gen_random_uuid() as id from generate_series(1, ${learnerCount}) n`);
			}
			// Standard: spread evenly over the communes, accounts opened over the last year; province: where
			// provinceLearners placed them (by population, some in villages), over the last two years.
			const home = profile === 'province'
				? { unit: 'l.home', join: '', created: 'l.created' }
				: {
					unit: 'u.id',
					join: 'join bench_commune u on u.k = 1 + floor(pg_temp.hashed(l.n, 5) * (select count(*) from bench_commune))::int',
					created: 'now() - make_interval(days => floor(pg_temp.hashed(l.n, 4) * 365)::int)'
				};
			// Accounts: 80 % by e-mail, 20 % by phone; the profile is created by the on_auth_user_created trigger.
			await tx.unsafe(`
				insert into auth.users (id, email, phone, raw_app_meta_data, raw_user_meta_data, created_at, updated_at, email_confirmed_at)
				select l.id,
					case when l.n % 5 <> 0 then format('hoc-vien-%s@learners.bench.hocso.example', l.n) end,
					case when l.n % 5 = 0 then '+8498' || lpad(l.n::text, 7, '0') end,
					'{"provider": "local", "providers": ["local"]}'::jsonb,
					jsonb_build_object(
						'display_name', concat_ws(' ',
							(${sqlArray(FAMILY)})[1 + floor(pg_temp.hashed(l.n, 1) * ${FAMILY.length})::int],
							(${sqlArray(MIDDLE)})[1 + floor(pg_temp.hashed(l.n, 2) * ${MIDDLE.length})::int],
							(${sqlArray(GIVEN)})[1 + floor(pg_temp.hashed(l.n, 3) * ${GIVEN.length})::int]),
						'home_unit_id', ${home.unit},
						'locale', case when l.n % 20 = 0 then 'en' else 'vi' end),
					${home.created},
					now(), now()
				from bench_learner l
				${home.join}`);
			const people = profile === 'province' ? await provincePeople(tx) : undefined;
			step('learners');
			if (profile === 'province') {
				const progress = await provinceProgress(tx, progressPerLearner, step);
				return { ...(await counts(tx)), province: { ...progress, progressPerLearner, villages, teamMembers: people!.teamMembers } };
			}
			// 60 % of learners are enrolled in 1–3 courses, popular courses (low k) far more often.
			await tx.unsafe(`
				insert into public.enrolment (person_id, course_id, enrolled_at, last_activity_at)
				select l.id, c.id, t.at, t.at
				from bench_learner l
				cross join lateral generate_series(1, 1 + floor(pg_temp.hashed(l.n, 11) * 3)::int) s
				join bench_course c on c.k = 1 + floor(power(pg_temp.hashed(l.n, 20 + s), 2) * (select count(*) from bench_course))::int
				cross join lateral (select now() - make_interval(days => floor(pg_temp.hashed(l.n, 30 + s) * 300)::int) as at) t
				where pg_temp.hashed(l.n, 10) < 0.6
				on conflict do nothing`);
			step('enrolments');
			// Progress: per enrolment 30 % only opened the course, 40 % did some lessons in order, 30 % all of them.
			// The triggers enrol (already done), check the course and record completions.
			await tx.unsafe(`
				insert into public.lesson_progress (person_id, lesson_id, course_id, event_id, completed_at)
				select e.person_id, c.lessons[i], c.id, gen_random_uuid(), e.enrolled_at + make_interval(days => i)
				from public.enrolment e
				join bench_learner l on l.id = e.person_id
				join bench_course c on c.id = e.course_id
				cross join lateral (select pg_temp.hashed(l.n::bigint * 100003 + c.k, 40) as u) r
				cross join lateral generate_series(1, case
					when r.u < 0.3 then 0
					when r.u < 0.7 then 1 + floor((r.u - 0.3) / 0.4 * (cardinality(c.lessons) - 1))::int
					else cardinality(c.lessons) end) i`);
			step('progress');
			// Where each learner is: the last lesson done (or the first), and when.
			await tx.unsafe(`
				update public.enrolment e set last_lesson_id = x.last_lesson, last_activity_at = x.last_at
				from (
					select e.person_id, e.course_id, coalesce(p.last_lesson, c.lessons[1]) as last_lesson, coalesce(p.last_at, e.enrolled_at) as last_at
					from public.enrolment e
					join bench_course c on c.id = e.course_id
					left join (
						select person_id, course_id, (array_agg(lesson_id order by completed_at desc))[1] as last_lesson, max(completed_at) as last_at
						from public.lesson_progress group by person_id, course_id
					) p on p.person_id = e.person_id and p.course_id = e.course_id
				) x
				where x.person_id = e.person_id and x.course_id = e.course_id`);
			await tx.unsafe(`
				update public.course_completion cc set completed_at = p.last_at
				from (select person_id, course_id, max(completed_at) as last_at from public.lesson_progress group by 1, 2) p
				where p.person_id = cc.person_id and p.course_id = cc.course_id`);
			step('places');
			return { ...(await counts(tx)), province: undefined };
		});
		await demoSeed.seedDemo();
		step('demo content');
		const quiz = await generateQuizData({ db, root, parse: parseQuestionFile, perPage: QUESTIONS_PER_PAGE, poolSize: quizAttempts, step });
		// Statistics and visibility maps as autovacuum would leave them a minute later, so that autovacuum does
		// not start in the middle of the first scenarios (on Postgres; PGlite has no autovacuum, and there
		// only the app's own connection exists: analyze within a transaction).
		const url = process.env.DATABASE_URL;
		if (url) {
			const sql = db.connect(url, { max: 1 });
			try {
				await sql`vacuum analyze`;
			} finally {
				await sql.end({ timeout: 5 });
			}
		} else {
			await db.asService((tx) => tx`analyze`);
		}
		step(url ? 'vacuum analyze' : 'analyze');
		quiz.leaderboard.queriesMs = await measureLeaderboard(db, contests, quiz);
		step('leaderboard queries');
		// The figures the dashboard shows until the next refresh (the measurement below refreshes again, timed).
		const { ms: targetRefreshMs } = await targets.refresh();
		step('target refresh');
		const dashboard = measuresDashboard ? await measureDashboard({ db, targets, demo: demoSeed, step }) : undefined;
		const result: DatasetSummary = {
			generatedCourses: generated.length,
			courses: summary.counts.courses,
			lessons: summary.counts.lessons,
			learners: summary.counts.learners,
			enrolments: summary.counts.enrolments,
			lessonProgress: summary.counts.progress,
			completions: summary.counts.completions,
			seconds,
			totalSeconds: Math.round((performance.now() - generationStarted) / 100) / 10,
			migrateSeconds,
			catalogue: summary.catalogue,
			quiz,
			targetRefreshMs,
			profile,
			province: summary.province,
			dashboard
		};
		writeFileSync(resultFile, JSON.stringify(result));
	} finally {
		await db.stopDatabase();
	}
}

/** The sizes of what was generated, and every published course with its lessons. */
async function counts(tx: import('../../src/lib/server/db/index.ts').Tx) {
	const [counted] = await tx<{ courses: number; lessons: number; learners: number; enrolments: number; progress: number; completions: number }[]>`
		select (select count(*)::int from public.course where status = 'published') as courses,
			(select count(*)::int from public.lesson) as lessons,
			(select count(*)::int from bench_learner) as learners,
			(select count(*)::int from public.enrolment) as enrolments,
			(select count(*)::int from public.lesson_progress) as progress,
			(select count(*)::int from public.course_completion) as completions`;
	const catalogue = await tx<DatasetCourse[]>`
		select c.slug, c.title_vi as title,
			json_agg(json_build_object('slug', l.slug, 'title', l.title_vi) order by m.position, l.position) as lessons
		from public.course c join public.lesson l on l.course_id = c.id join public.course_module m on m.id = l.module_id
		where c.status = 'published' group by c.id order by c.id`;
	return { counts: counted, catalogue };
}

if (import.meta.filename === process.argv[1]) {
	const resultFile = process.argv[2];
	if (!resultFile) throw new Error('usage: node bench/lib/generate.ts <result.json> (cwd: the app)');
	await main(resultFile);
}
