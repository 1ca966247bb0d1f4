// Authoring quizzes, contests and their rounds: the author's lists, the choices their forms offer, and the
// writes, each in one transaction. Runs as the signed-in author: RLS decides what they may touch, and the
// database's refusals come back as StudioErrors naming the field and the message.
import { error } from '@sveltejs/kit';
import { asUser, type Claims, type Tx } from './db/index.ts';
import { requireSession } from './http.ts';
import { isPostgresError } from './db/errors.ts';
import { localized, type Localized } from './db/localized.ts';
import type { Camel, Row } from './db/rows.ts';
import type { Locale } from '../i18n/index.ts';
import { authorUnits as bankAuthorUnits, type OwnerUnit } from './banks.ts';
import type { Session } from './auth/index.ts';
import type { ContestInput, QuizInput, RoundInput } from '../forms/studio-quiz.ts';

type Quiz = Row<'quiz'>;
type QuizPool = Row<'quiz_pool'>;
type ContestRound = Row<'contest_round'>;

/** A refusal to show next to a field ('form' for the whole form); key is an i18n key. */
export class StudioError extends Error {
	readonly field: string;
	readonly key: string;
	constructor(field: string, key: string) {
		super(key);
		this.name = 'StudioError';
		this.field = field;
		this.key = key;
	}
}

type Refusals = Record<string, [field: string, key: string]>;

/** Runs fn as the author; a database refusal named (by hint, constraint or SQLSTATE) in refusals becomes a StudioError. */
async function asAuthor<T>(claims: Claims, refusals: Refusals, fn: (tx: Tx) => Promise<T>): Promise<T> {
	try {
		return await asUser(claims, fn);
	} catch (error) {
		if (!isPostgresError(error)) throw error;
		const match = refusals[error.hint ?? ''] ?? refusals[error.constraint_name ?? ''] ?? refusals[error.code];
		if (match) throw new StudioError(...match);
		if (/^(23|22)/.test(error.code)) throw new StudioError('form', 'studio_quiz.errors.rejected');
		throw error;
	}
}

export function isAuthor(session: Session): boolean {
	return session.user.roles.some((grant) => grant.role === 'organizer' || grant.role === 'province_admin');
}

/** The signed-in author's session; anyone else is sent to sign in, or refused (403). */
export function requireAuthor(event: Parameters<typeof requireSession>[0]): Session {
	const session = requireSession(event);
	if (!isAuthor(session)) error(403, 'forbidden');
	return session;
}

/** Units the author may own content in (as for banks), and the current owner if it is not one of them. */
export async function authorUnits(session: Session, current?: OwnerUnit | null) {
	const scopes = session.user.roles.filter((g) => g.role === 'organizer' && g.unitId !== null).map((g) => ({ id: g.unitId!, name: g.unitName ?? '' }));
	const units = await bankAuthorUnits(session.claims, scopes);
	return current && !units.some((u) => u.id === current.id) ? [current, ...units] : units;
}

// ───────────────────────────── quizzes ─────────────────────────────
export type StudioQuiz = Camel<Quiz, 'id' | 'title' | 'status' | 'opens_at' | 'closes_at'> & {
	courseTitle: Localized<'course', 'title'> | null;
	round: (Pick<ContestRound, 'number'> & { contestTitle: Row<'contest'>['title'] }) | null;
	questions: number;
	attempts: number;
};

/** The quizzes the author may edit, newest first. */
export function listQuizzes(claims: Claims, locale: Locale): Promise<StudioQuiz[]> {
	return asUser(claims, (tx) => tx<StudioQuiz[]>`
		select q.id::int, q.title, q.status, ${localized(tx, locale, 'c.title')} as "courseTitle",
			(select json_build_object('number', r.number, 'contestTitle', k.title) from public.contest_round r
				join public.contest k on k.id = r.contest_id where r.quiz_id = q.id) as round,
			q.opens_at as "opensAt", q.closes_at as "closesAt", coalesce(public.quiz_question_count(q.id), 0) as questions,
			(select count(*)::int from public.quiz_attempt a where a.quiz_id = q.id) as attempts
		from public.quiz q left join public.course c on c.id = q.course_id
		where private.can_author_quiz(q.id)
		order by q.created_at desc, q.id desc`);
}

export type QuizOptions = {
	courses: (Pick<Row<'course'>, 'id'> & { title: Localized<'course', 'title'> })[];
	banks: (Pick<Row<'question_bank'>, 'id' | 'title'> & { questions: number })[];
	/** every category of those banks, with its path of names ("Phần 1 / Lừa đảo") in tree order */
	categories: (Camel<Row<'question_category'>, 'id' | 'bank_id'> & { path: string; questions: number })[];
};

/** What the quiz form offers: the courses and the banks the author may use. */
export function quizOptions(claims: Claims, locale: Locale): Promise<QuizOptions> {
	const byTitle = (a: { title: string }, b: { title: string }) => a.title.localeCompare(b.title, locale);
	return asUser(claims, async (tx) => ({
		courses: (await tx<QuizOptions['courses']>`
			select c.id::int, ${localized(tx, locale, 'c.title')} as title
			from public.course c where private.can_author_course(c.id)`).sort(byTitle),
		banks: (await tx<QuizOptions['banks']>`
			select b.id::int, b.title, (select count(*)::int from public.question q
				where q.bank_id = b.id and not q.archived and q.current_version_id is not null) as questions
			from public.question_bank b`).sort(byTitle),
		categories: await tx<QuizOptions['categories']>`
			with recursive tree as (
				select c.id, c.bank_id, c.name::text as path, array[c.name::text] as sort from public.question_category c where c.parent_id is null
				union all
				select c.id, c.bank_id, t.path || ' / ' || c.name, t.sort || c.name::text from public.question_category c join tree t on c.parent_id = t.id
			)
			select t.id::int, t.bank_id::int as "bankId", t.path,
				(select count(*)::int from public.question q where q.category_id = any (private.category_subtree(t.id))
					and not q.archived and q.current_version_id is not null) as questions
			from tree t order by t.bank_id, t.sort`
	}));
}

/** A quiz's columns as the form edits them, and its first pool's (null without one). */
export type QuizRecord = Pick<
	Quiz,
	| 'id' | 'title' | 'description' | 'language' | 'course_id' | 'required' | 'owner_unit_id' | 'status' | 'shuffle_questions' | 'shuffle_options'
	| 'time_limit_seconds' | 'max_attempts' | 'pass_percent' | 'counting' | 'review_policy' | 'opens_at' | 'closes_at'
> & {
	bank_id: QuizPool['bank_id'] | null;
	draw_count: QuizPool['draw_count'] | null;
	category_id: QuizPool['category_id'];
	ownerUnit: OwnerUnit | null;
	attempts: number;
	/** pools after the first, and fixed questions: sources the form does not show */
	otherSources: number;
	contestId: ContestRound['contest_id'] | null;
};

/** A quiz the author may edit, with its first pool (the form's question source), or undefined. */
export function getQuiz(claims: Claims, quizId: number): Promise<QuizRecord | undefined> {
	return asUser(claims, async (tx) => {
		const [quiz] = await tx<QuizRecord[]>`
			select q.id::int, q.title, q.description, q.language, q.course_id::int, q.required, q.owner_unit_id::int, q.status,
				q.shuffle_questions, q.shuffle_options, q.time_limit_seconds, q.max_attempts, q.pass_percent::float, q.counting,
				q.review_policy, q.opens_at, q.closes_at, p.bank_id::int, p.draw_count, p.category_id::int,
				(select json_build_object('id', u.id, 'name', u.name) from public.unit u where u.id = q.owner_unit_id) as "ownerUnit",
				(select count(*)::int from public.quiz_attempt a where a.quiz_id = q.id) as attempts,
				(select count(*)::int from public.quiz_pool o where o.quiz_id = q.id) - (p.id is not null)::int
					+ (select count(*)::int from public.quiz_question x where x.quiz_id = q.id) as "otherSources",
				(select r.contest_id::int from public.contest_round r where r.quiz_id = q.id) as "contestId"
			from public.quiz q
			left join lateral (select * from public.quiz_pool o where o.quiz_id = q.id order by o.id limit 1) p on true
			where q.id = ${quizId} and private.can_author_quiz(q.id)`;
		return quiz;
	});
}

const QUIZ_REFUSALS: Refusals = {
	round_quiz_window: ['closes_at', 'studio_quiz.errors.round_needs_window'],
	quiz_window: ['closes_at', 'studio_quiz.errors.window_order'],
	quiz_review_needs_close: ['review_policy', 'studio_quiz.errors.review_needs_close'],
	quiz_required_needs_course: ['required', 'studio_quiz.errors.required_needs_course'],
	category_bank: ['category_id', 'studio_quiz.errors.category_not_in_bank'],
	round_quiz_essay: ['bank_id', 'studio_quiz.errors.round_quiz_essay']
};

const quizRow = (input: QuizInput) => ({
	title: input.title, description: input.description, language: input.language, course_id: input.course_id, required: input.required,
	owner_unit_id: input.owner_unit_id, status: input.status, shuffle_questions: input.shuffle_questions, shuffle_options: input.shuffle_options,
	time_limit_seconds: input.time_limit_minutes === null ? null : input.time_limit_minutes * 60, max_attempts: input.max_attempts,
	pass_percent: input.pass_percent, counting: input.counting, review_policy: input.review_policy, opens_at: input.opens_at, closes_at: input.closes_at
});

/**
 * The bank (or the chosen category of it, with the categories under it) must hold as many questions as the
 * quiz draws; a bank the author may not see holds none.
 */
async function checkDraw(tx: Tx, input: QuizInput) {
	const [bank] = await tx<{ questions: number; categoryInBank: boolean }[]>`
		select (select count(*)::int from public.question q where q.bank_id = b.id and not q.archived and q.current_version_id is not null
				and (${input.category_id}::bigint is null or q.category_id = any (private.category_subtree(${input.category_id})))) as questions,
			(${input.category_id}::bigint is null or exists (
				select 1 from public.question_category c where c.id = ${input.category_id} and c.bank_id = b.id)) as "categoryInBank"
		from public.question_bank b where b.id = ${input.bank_id}`;
	if (!bank) throw new StudioError('bank_id', 'studio_quiz.errors.bank_not_allowed');
	if (!bank.categoryInBank) throw new StudioError('category_id', 'studio_quiz.errors.category_not_in_bank');
	if (bank.questions < input.draw_count) throw new StudioError('draw_count', 'studio_quiz.errors.draw_exceeds_bank');
}

/** RLS refused a write: find which choice the author may not use, to say so next to it. */
async function quizRefusal(claims: Claims, input: QuizInput): Promise<StudioError> {
	const [may] = await asUser(claims, (tx) => tx<{ unit: boolean; course: boolean }[]>`
		select private.may_author_in_unit(${input.owner_unit_id}) as unit,
			(${input.course_id}::bigint is null or private.can_author_course(${input.course_id})) as course`);
	if (!may.unit) return new StudioError('owner_unit_id', 'studio_quiz.errors.unit_not_allowed');
	if (!may.course) return new StudioError('course_id', 'studio_quiz.errors.course_not_allowed');
	return new StudioError('bank_id', 'studio_quiz.errors.bank_not_allowed');
}

async function writeQuiz(claims: Claims, input: QuizInput, write: (tx: Tx) => Promise<number>): Promise<number> {
	try {
		return await asAuthor(claims, QUIZ_REFUSALS, async (tx) => {
			await checkDraw(tx, input);
			return write(tx);
		});
	} catch (error) {
		if (isPostgresError(error, '42501')) throw await quizRefusal(claims, input);
		throw error;
	}
}

/** Creates a quiz drawing from one bank: the quiz and its pool, or nothing. */
export function createQuiz(claims: Claims, input: QuizInput): Promise<number> {
	return writeQuiz(claims, input, async (tx) => {
		const [{ id }] = await tx<{ id: number }[]>`insert into public.quiz ${tx(quizRow(input))} returning id::int`;
		await tx`insert into public.quiz_pool (quiz_id, bank_id, draw_count, category_id) values (${id}, ${input.bank_id}, ${input.draw_count}, ${input.category_id})`;
		return id;
	});
}

/** Saves a quiz and its first pool; other pools and fixed questions stay. Started attempts keep what they drew. */
export function updateQuiz(claims: Claims, quizId: number, input: QuizInput): Promise<number> {
	return writeQuiz(claims, input, async (tx) => {
		const updated = await tx`update public.quiz set ${tx(quizRow(input))} where id = ${quizId} returning id`;
		if (updated.count === 0) throw new StudioError('form', 'studio_quiz.errors.quiz_not_allowed');
		const pool = await tx`
			update public.quiz_pool set bank_id = ${input.bank_id}, draw_count = ${input.draw_count}, category_id = ${input.category_id}
			where id = (select min(id) from public.quiz_pool where quiz_id = ${quizId}) returning id`;
		if (pool.count === 0) {
			await tx`insert into public.quiz_pool (quiz_id, bank_id, draw_count, category_id) values (${quizId}, ${input.bank_id}, ${input.draw_count}, ${input.category_id})`;
		}
		return quizId;
	});
}

// ───────────────────────────── contests ─────────────────────────────
export type StudioContest = Pick<Row<'contest'>, 'id' | 'slug' | 'title' | 'status'> & {
	campaignTitle: Row<'campaign'>['title'];
	rounds: number;
	opensAt: Quiz['opens_at'];
	closesAt: Quiz['closes_at'];
};

/** The contests the author may edit, newest first. */
export function listContests(claims: Claims): Promise<StudioContest[]> {
	return asUser(claims, (tx) => tx<StudioContest[]>`
		select k.id::int, k.slug, k.title, k.status, g.title as "campaignTitle", count(r.id)::int as rounds,
			min(q.opens_at) as "opensAt", max(q.closes_at) as "closesAt"
		from public.contest k join public.campaign g on g.id = k.campaign_id
		left join public.contest_round r on r.contest_id = k.id left join public.quiz q on q.id = r.quiz_id
		where private.can_author_contest(k.id)
		group by k.id, g.title order by k.created_at desc, k.id desc`);
}

export type StudioRound = Camel<ContestRound, 'id' | 'number' | 'prediction_prompt' | 'prediction_truth'> & {
	quizId: Quiz['id'];
	quizTitle: Quiz['title'];
	/** a round's quiz always has both (the round_quiz_window check) */
	opensAt: NonNullable<Quiz['opens_at']>;
	closesAt: NonNullable<Quiz['closes_at']>;
	attempts: number;
};
/** A contest's columns as the form edits them. */
export type ContestRecord = Pick<Row<'contest'>, 'id' | 'campaign_id' | 'title' | 'slug' | 'rules' | 'language' | 'owner_unit_id' | 'status'> & {
	campaign: Pick<Row<'campaign'>, 'title' | 'status'>;
	ownerUnit: OwnerUnit | null;
	rounds: StudioRound[];
};

/** A contest the author may edit, with its rounds, or undefined. */
export function getContest(claims: Claims, contestId: number): Promise<ContestRecord | undefined> {
	return asUser(claims, async (tx) => {
		const [contest] = await tx<ContestRecord[]>`
			select k.id::int, k.campaign_id::int, k.title, k.slug, k.rules, k.language, k.owner_unit_id::int, k.status,
				json_build_object('title', g.title, 'status', g.status) as campaign,
				(select json_build_object('id', u.id, 'name', u.name) from public.unit u where u.id = k.owner_unit_id) as "ownerUnit"
			from public.contest k join public.campaign g on g.id = k.campaign_id
			where k.id = ${contestId} and private.can_author_contest(k.id)`;
		if (!contest) return undefined;
		const rounds = await tx<StudioRound[]>`
			select r.id::int, r.number, q.id::int as "quizId", q.title as "quizTitle", q.opens_at as "opensAt", q.closes_at as "closesAt",
				r.prediction_prompt as "predictionPrompt", r.prediction_truth::float as "predictionTruth",
				(select count(*)::int from public.quiz_attempt a where a.quiz_id = q.id) as attempts
			from public.contest_round r join public.quiz q on q.id = r.quiz_id where r.contest_id = ${contestId} order by r.number`;
		return { ...contest, rounds };
	});
}

export type RoundQuiz = Camel<Quiz, 'id' | 'title' | 'opens_at' | 'closes_at'>;

/** What the contest forms offer: the author's campaigns, and their quizzes that are no round yet (with a window or not). */
export function contestOptions(claims: Claims, currentCampaign: number | null = null) {
	return asUser(claims, async (tx) => {
		const campaigns = await tx<Pick<Row<'campaign'>, 'id' | 'title'>[]>`
			select g.id::int, g.title from public.campaign g
			where private.may_author_in_unit(g.owner_unit_id) or g.id = ${currentCampaign} order by g.created_at desc, g.id desc`;
		const quizzes = await tx<RoundQuiz[]>`
			select q.id::int, q.title, q.opens_at as "opensAt", q.closes_at as "closesAt" from public.quiz q
			where private.can_author_quiz(q.id) and not exists (select 1 from public.contest_round r where r.quiz_id = q.id)
			order by q.opens_at nulls last, q.id`;
		return { campaigns, quizzes: quizzes.filter((q) => q.opensAt && q.closesAt), unwindowed: quizzes.filter((q) => !q.opensAt || !q.closesAt) };
	});
}

const CONTEST_REFUSALS: Refusals = {
	'42501': ['owner_unit_id', 'studio_quiz.errors.unit_not_allowed'],
	contest_slug_key: ['slug', 'studio_contest.errors.slug_taken'],
	campaign_slug_key: ['campaign_slug', 'studio_contest.errors.slug_taken'],
	contest_campaign_id_fkey: ['campaign_id', 'studio_contest.errors.campaign_required']
};

/** The contest's campaign: the chosen one, or a new one in the contest's unit. A published contest publishes its draft campaign. */
async function campaignFor(tx: Tx, input: ContestInput): Promise<number> {
	const id = input.campaign_id ?? (await tx<{ id: number }[]>`
		insert into public.campaign (slug, title, language, owner_unit_id, status)
		values (${input.campaign_slug}, ${input.campaign_title}, ${input.language}, ${input.owner_unit_id}, ${input.status}) returning id::int`)[0].id;
	if (input.status === 'published') await tx`update public.campaign set status = 'published' where id = ${id} and status = 'draft'`;
	return id;
}

const contestRow = (input: ContestInput, campaignId: number) => ({
	campaign_id: campaignId, title: input.title, slug: input.slug, rules: input.rules, language: input.language,
	owner_unit_id: input.owner_unit_id, status: input.status
});

/** Creates a contest (and its new campaign, if asked): all or nothing. */
export function createContest(claims: Claims, input: ContestInput): Promise<number> {
	return asAuthor(claims, CONTEST_REFUSALS, async (tx) => {
		const [{ id }] = await tx<{ id: number }[]>`insert into public.contest ${tx(contestRow(input, await campaignFor(tx, input)))} returning id::int`;
		return id;
	});
}

export function updateContest(claims: Claims, contestId: number, input: ContestInput): Promise<void> {
	return asAuthor(claims, CONTEST_REFUSALS, async (tx) => {
		const updated = await tx`update public.contest set ${tx(contestRow(input, await campaignFor(tx, input)))} where id = ${contestId} returning id`;
		if (updated.count === 0) throw new StudioError('form', 'studio_contest.errors.not_allowed');
	});
}

/** Adds a round; the database refuses a quiz without opening and closing times, or one already used. */
export function addRound(claims: Claims, contestId: number, input: RoundInput): Promise<void> {
	return asAuthor(claims, {
		round_quiz_window: ['quiz_id', 'studio_contest.errors.round_needs_window'],
		contest_round_quiz_id_key: ['quiz_id', 'studio_contest.errors.round_quiz_taken'],
		contest_round_quiz_id_fkey: ['quiz_id', 'studio_contest.errors.round_quiz_required'],
		contest_round_contest_id_number_key: ['number', 'studio_contest.errors.round_number_taken'],
		'42501': ['quiz_id', 'studio_contest.errors.round_quiz_not_allowed']
	}, async (tx) => {
		await tx`insert into public.contest_round (contest_id, number, quiz_id, prediction_prompt, prediction_truth)
			values (${contestId}, ${input.number}, ${input.quiz_id}, ${input.prediction_prompt}, ${input.prediction_truth})`;
	});
}

/** Removes a round nobody has taken yet (its quiz stays, free to be used again). */
export function removeRound(claims: Claims, contestId: number, roundId: number): Promise<void> {
	return asUser(claims, async (tx) => {
		const removed = await tx`
			delete from public.contest_round r where r.id = ${roundId} and r.contest_id = ${contestId}
				and not exists (select 1 from public.quiz_attempt a where a.quiz_id = r.quiz_id) returning r.id`;
		if (removed.count === 0) throw new StudioError('form', 'studio_contest.errors.round_not_removable');
	}).catch((error: unknown) => {
		// The database keeps a round with attempts even where the author cannot see them.
		if (isPostgresError(error, '23514')) throw new StudioError('form', 'studio_contest.errors.round_not_removable');
		throw error;
	});
}
