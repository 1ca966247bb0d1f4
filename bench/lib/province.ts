// The province-scale data set of the dashboard (BENCH_DATASET=province), the parts generate.ts does
// differently from the standard one. All in the generator's transaction, set-based and deterministic
// (pg_temp.hashed(n, salt) of generate.ts; ids aside):
// - learners live where people live: each commune's share of the learners is its share of the adults in
//   the population figures of the demo seed (about 1.2 M residents), a few bench villages take part of
//   some communes' learners; accounts were opened over the last two years (the profile's created_at, which
//   the metrics read, is set to the account's);
// - two learners of most communes hold the community technology team role (communes_with_team);
// - 92 % of the learners are enrolled in 1…K courses (popular ones far more often; the officials of
//   quizzes.ts in a course for officials first), K chosen so that there are about BENCH_PROGRESS_PER_LEARNER
//   lesson_progress rows per learner (25: 5 M rows at 200 000 learners); per enrolment 10 % did nothing yet,
//   30 % some lessons in order, 60 % all of them, a few days apart;
// - the progress is inserted with the table's own row triggers off (they check the course, enrol, and look
//   for a completion at every row: 120 µs a row, ten minutes for 5 M), and the completions the trigger
//   would have recorded are inserted set-based instead, by the same rule (every required lesson done, the
//   course has lessons, at the time the last required lesson was done). A 2 % sample of the enrolments is
//   checked afterwards against private.course_requirements_met, the app's own rule.
import { isOfficial } from './quizzes.ts';

type Tx = import('../../src/lib/server/db/index.ts').Tx;

/** Share of the learners enrolled in at least one course; and of an enrolment's outcomes (nothing, some lessons, all). */
const ENROLLED = 0.92;
const NOTHING = 0.1;
const SOME = 0.3;
/** Communes (by their rank, every eleventh) with three bench villages each, and the share of their learners who live in one. */
const VILLAGE_EVERY = 11;
const VILLAGES = 3;
const IN_VILLAGE = 0.4;
/** Share of the communes with community technology team members, and how many each. */
const WITH_TEAM = 0.85;
const TEAM_MEMBERS = 2;
/** Courses drawn per course enrolled in (the same course drawn twice, mostly a popular one), measured at 500 courses. */
const REPEATS = 1.02;
/** Accounts were opened over this many days. */
const HISTORY_DAYS = 730;

const CURRENT = `valid_from <= current_date and (valid_to is null or valid_to > current_date)`;

/**
 * The communes (bench_commune: k, id, adults, lo = the lower bound of its share of the learners, in [0, 1)), the
 * bench villages (bench_village: commune, i, id), then the learners (bench_learner: n, id, k, home, created).
 */
export async function provinceLearners(tx: Tx, learnerCount: number): Promise<{ villages: number }> {
	await tx.unsafe(`
		insert into public.unit (code, name, kind, parent_id, valid_from)
		select 'bench-v-' || c.id || '-' || i, 'Thôn ' || i || ' (bench)', 'village', c.id, date '2025-07-01'
		from (select id, row_number() over (order by id) as k from public.unit where kind = 'commune' and ${CURRENT}) c
		cross join generate_series(1, ${VILLAGES}) i
		where c.k % ${VILLAGE_EVERY} = 1`);
	await tx.unsafe(`
		create temp table bench_village on commit drop as
		select parent_id as commune, row_number() over (partition by parent_id order by id)::int as i, id
		from public.unit where code like 'bench-v-%'`);
	// A commune's adults: its latest population figure (none: no learner lives there, unless no commune has any).
	await tx.unsafe(`
		create temp table bench_commune on commit drop as
		select k, id, adults,
			coalesce((sum(adults) over (order by k) - adults)::float8 / nullif(sum(adults) over (), 0), (k - 1)::float8 / count(*) over ()) as lo
		from (
			select row_number() over (order by u.id) as k, u.id, coalesce(p.adults, 0) as adults
			from public.unit u
			left join lateral (select x.adults from public.unit_population x where x.unit_id = u.id order by x.year desc limit 1) p on true
			where u.kind = 'commune' and u.valid_from <= current_date and (u.valid_to is null or u.valid_to > current_date)
		) c`);
	await tx.unsafe(`
		create temp table bench_learner on commit drop as
		select l.n::bigint as n, gen_random_uuid() as id, c.k, coalesce(v.id, c.id) as home,
			now() - make_interval(secs => pg_temp.hashed(l.n, 4) * ${HISTORY_DAYS} * 86400) as created
		from generate_series(1, ${learnerCount}) l(n)
		join bench_commune c on c.k = width_bucket(pg_temp.hashed(l.n, 5), (select array_agg(lo order by k) from bench_commune))
		left join bench_village v on v.commune = c.id and v.i = 1 + floor(pg_temp.hashed(l.n, 6) * ${VILLAGES})::int
			and pg_temp.hashed(l.n, 7) < ${IN_VILLAGE}`);
	const [{ villages }] = await tx.unsafe<{ villages: number }[]>(`select count(*)::int as villages from bench_village`);
	return { villages };
}

/** After the accounts: their profiles opened when they were, and the community technology team members. */
export async function provincePeople(tx: Tx): Promise<{ teamMembers: number }> {
	await tx.unsafe(`update public.profile p set created_at = l.created from bench_learner l where p.id = l.id`);
	const [{ teamMembers }] = await tx.unsafe<{ teamMembers: number }[]>(`
		with given as (
			insert into public.person_role (person_id, role, unit_id, granted_at)
			select id, 'team_member'::public.app_role, home, created + (now() - created) * pg_temp.hashed(n, 92)
			from (
				select l.n, l.id, l.home, l.created, row_number() over (partition by l.k order by l.n) as r
				from bench_learner l join bench_commune c on c.k = l.k
				where pg_temp.hashed(c.k, 91) < ${WITH_TEAM}
			) x
			where r <= ${TEAM_MEMBERS}
			returning 1
		) select count(*)::int as "teamMembers" from given`);
	return { teamMembers };
}

export type ProvinceProgress = { coursesPerLearnerAtMost: number; expectedRows: number; checked: number };

/**
 * Enrolments, lesson progress and completions (see the top of the file); step() is called after each part.
 * Needs bench_course (k, id, audience, lessons in reading order, last_required: the position of the last
 * required lesson, 0 if none) and bench_learner.
 */
export async function provinceProgress(tx: Tx, progressPerLearner: number, step: (name: string) => void): Promise<ProvinceProgress> {
	await tx`set local work_mem = '256MB'`;
	await tx.unsafe(`
		create temp table bench_official_course on commit drop as
		select row_number() over (order by k) as j, k from bench_course where audience = 'official'`);
	// Lessons per enrolment, on average: a course drawn as k = 1 + floor(u² × N) is course k with probability
	// √(k/N) − √((k−1)/N); an enrolment does 0, about half, or all of its lessons.
	const [{ lessons }] = await tx.unsafe<{ lessons: number }[]>(`
		select sum((sqrt(k::float8 / t.n) - sqrt((k - 1)::float8 / t.n)) * cardinality(lessons))::float8 as lessons
		from bench_course, (select count(*) as n from bench_course) t`);
	// A learner draws 1 + floor(u × M) courses (about (M + 1) / 2 on average); a few draws repeat a course.
	const perEnrolment = (SOME / 2 + (1 - NOTHING - SOME)) * lessons;
	const spread = Math.max(1, (2 * progressPerLearner * REPEATS) / (ENROLLED * perEnrolment) - 1);
	const mostCourses = Math.ceil(spread);
	await tx.unsafe(`
		create temp table bench_enrol on commit drop as
		select distinct on (l.id, c.id) l.id as person_id, l.n, c.id as course_id, c.k as course_k, t.at as enrolled_at, g.gap,
			case when g.u < ${NOTHING} then 0
				when g.u < ${NOTHING + SOME} then 1 + floor((g.u - ${NOTHING}) / ${SOME} * (cardinality(c.lessons) - 1))::int
				else cardinality(c.lessons) end as done
		from bench_learner l
		cross join lateral generate_series(1, 1 + floor(pg_temp.hashed(l.n, 11) * ${spread})::int) s
		join bench_course c on c.k = case
			when s = 1 and ${isOfficial('l.n')} then
				(select o.k from bench_official_course o where o.j = 1 + floor(pg_temp.hashed(l.n, 12) * (select count(*) from bench_official_course))::int)
			else 1 + floor(power(pg_temp.hashed(l.n, 20 + s), 2) * (select count(*) from bench_course))::int end
		cross join lateral (select l.created + (now() - l.created) * pg_temp.hashed(l.n, 30 + s) as at) t
		cross join lateral (select pg_temp.hashed(l.n * 100003 + c.k, 40) as u,
			make_interval(secs => pg_temp.hashed(l.n * 100003 + c.k, 41) * 3 * 86400) as gap) g
		where pg_temp.hashed(l.n, 10) < ${ENROLLED}
		order by l.id, c.id, s`);
	// Where each learner is in each course (the last lesson done, or the first) and when they were last there.
	await tx.unsafe(`
		insert into public.enrolment (person_id, course_id, enrolled_at, last_lesson_id, last_activity_at)
		select e.person_id, e.course_id, e.enrolled_at, c.lessons[greatest(e.done, 1)], least(now(), e.enrolled_at + e.done * e.gap)
		from bench_enrol e join bench_course c on c.k = e.course_k`);
	step('enrolments');
	const [{ expected }] = await tx.unsafe<{ expected: number }[]>(`select coalesce(sum(done), 0)::int as expected from bench_enrol`);
	const triggers = ['lesson_progress_check_course', 'lesson_progress_enrol', 'lesson_progress_record_completion'];
	for (const name of triggers) await tx.unsafe(`alter table public.lesson_progress disable trigger ${name}`);
	await tx.unsafe(`
		insert into public.lesson_progress (person_id, lesson_id, course_id, event_id, completed_at)
		select e.person_id, c.lessons[i], e.course_id, gen_random_uuid(), least(now(), e.enrolled_at + i * e.gap)
		from bench_enrol e join bench_course c on c.k = e.course_k
		cross join lateral generate_series(1, e.done) i`);
	for (const name of triggers) await tx.unsafe(`alter table public.lesson_progress enable trigger ${name}`);
	step('progress');
	// The completions record_completion would have made: the rule met at the last required lesson (the first
	// lesson when none is required), lessons being done in order.
	await tx.unsafe(`
		insert into public.course_completion (person_id, course_id, completed_at)
		select e.person_id, e.course_id, least(now(), e.enrolled_at + greatest(c.last_required, 1) * e.gap)
		from bench_enrol e join bench_course c on c.k = e.course_k
		where e.done >= greatest(c.last_required, 1)`);
	const [check] = await tx.unsafe<{ checked: number; wrong: number }[]>(`
		select count(*)::int as checked, count(*) filter (where recorded <> should)::int as wrong
		from (
			select exists (select 1 from public.course_completion cc where cc.person_id = e.person_id and cc.course_id = e.course_id) as recorded,
				e.done > 0 and private.course_requirements_met(e.person_id, e.course_id) as should
			from bench_enrol e where pg_temp.hashed(e.n * 100003 + e.course_k, 42) < 0.02
		) x`);
	if (check.wrong) throw new Error(`province data set: ${check.wrong} of ${check.checked} sampled enrolments have a completion the app's rule would not give (or lack one)`);
	step('completions');
	return { coursesPerLearnerAtMost: mostCourses, expectedRows: expected, checked: check.checked };
}
