// The quiz and contest part of the bench data set, loaded by generate.ts (in the app copy, before the
// server starts) with the app's own modules:
// - a contest question bank of 200 questions made from the demo GIFT banks (all their kinds), inserted
//   through question / question_version so that the version trigger and the shape check run;
// - a published contest whose one round has closed, taken by every generated learner (one submitted
//   attempt each, set-based, with ties on the score, durations to the millisecond and predictions), some
//   of them officials of bench agencies; public.compute_round_results then ranks it (timed);
// - an open practice quiz (20 questions drawn from the bank, 10 minutes, unlimited attempts) and, for the
//   quiz-submit scenario, a pool of attempts in progress at it: one per learner, started by
//   public.start_quiz_attempt as that learner, the answers of every page but the last saved (graded by
//   private.grade, as a save does), a session cookie for the learner, and the answers its last page will
//   send with the submission.
// Deterministic but for what the app draws at random (questions, choice order, session ids).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { QuestionDraft, QuestionKind } from '../../src/lib/quiz/question.ts';
import type { ImportResult } from '../../src/lib/quiz/import/result.ts';

type Db = typeof import('../../src/lib/server/db/index.ts');
type Contests = typeof import('../../src/lib/server/contests.ts');
type Tx = import('../../src/lib/server/db/index.ts').Tx;

/** A question on the last page of a pool attempt, and the answer its learner sends with the submission. */
export type PoolAnswer = { number: number; kind: QuestionKind; response: Record<string, unknown> };

/** An attempt in progress for quiz-submit: its learner's session token, the last page's answers, the score it must get. */
export type PoolAttempt = { id: string; token: string; expectedScore: number; answers: PoolAnswer[] };

export type QuizDataset = {
	bank: { questions: number; kinds: Record<string, number> };
	contest: {
		slug: string;
		title: string;
		id: number;
		roundId: number;
		roundNumber: number;
		participants: number;
		/** participants holding an official role in a bench agency (ranked by agency too) */
		officials: number;
		/** the display name ranked first in the round, and overall */
		first: { round: string; overall: string };
	};
	leaderboard: {
		/** public.compute_round_results over every participant, once (its transaction, commit included) */
		computeMs: number;
		/** ms, anonymous, after vacuum analyze: the median of 5 calls after a first one, or the first alone when over a second */
		queriesMs: Record<string, number>;
	};
	openQuiz: { id: number; title: string; questions: number; pages: number; perPage: number; timeLimitSeconds: number };
	pool: { size: number; startedAt: number; attempts: PoolAttempt[] };
};

const DEMO_BANKS = ['lua-dao-truc-tuyen.gift', 'an-toan-thong-tin-cho-can-bo.gift'];
export const BANK_QUESTIONS = 200;
export const QUIZ_QUESTIONS = 20;
const TIME_LIMIT_SECONDS = 600;
export const CONTEST_SLUG = 'bench-thi-ky-nang-so-2026';
const CONTEST_TITLE = 'Cuộc thi trắc nghiệm “Kỹ năng số cho mọi người” (bench)';
const OPEN_QUIZ_TITLE = 'Luyện tập kỹ năng số: 20 câu hỏi ngẫu nhiên (bench)';
/** Agencies whose officials take part: province departments, and the people's committees of communes. */
const DEPARTMENTS = ['Sở Khoa học và Công nghệ', 'Sở Nội vụ', 'Sở Tài chính', 'Sở Y tế', 'Sở Giáo dục và Đào tạo', 'Công an tỉnh'];
const COMMUNE_COMMITTEES = 18;
/** Share of the learners who are officials of a bench agency. */
export const OFFICIAL_SHARE = 0.08;
/** Whether generated learner n (an SQL expression) is one of them: the province data set enrols them in a course for officials first. */
export const isOfficial = (n: string) => `pg_temp.hashed(${n}, 77) < ${OFFICIAL_SHARE}`;

/** The demo banks' questions (every kind the demo uses), repeated to count, each copy titled apart. */
function bankDrafts(root: string, parse: (name: string, text: string) => ImportResult, count: number): QuestionDraft[] {
	const demo = DEMO_BANKS.flatMap((file) => {
		const result = parse(file, readFileSync(path.join(root, 'supabase', 'seed', 'quizzes', file), 'utf8'));
		if (!result.ok) throw new Error(`bench bank: ${file}: ${JSON.stringify(result.errors.slice(0, 3))}`);
		// The bench answers the kinds a contest draws most; its response generator has no cloze gaps or essays.
		return result.questions.filter((question) => question.kind !== 'cloze' && question.kind !== 'essay');
	});
	return Array.from({ length: count }, (_, i) => {
		const question = demo[i % demo.length];
		return { ...question, title: `${question.title ?? 'Câu hỏi'} · bản ${Math.floor(i / demo.length) + 1}` };
	});
}

const sqlArray = (items: string[]) => `array[${items.map((item) => `'${item.replaceAll("'", "''")}'`).join(',')}]`;
const withoutKind = (value: object) => Object.fromEntries(Object.entries(value).filter(([name]) => name !== 'kind'));

/**
 * Temp helpers of one transaction: hashed(n, salt) as in generate.ts, and the generated learners by their
 * number n (read back from the e-mail or phone generate.ts gave them).
 */
async function helpers(tx: Tx) {
	await tx.unsafe(`
		create or replace function pg_temp.hashed(n bigint, salt int) returns float8 language sql immutable as
		$$ select (hashint8extended(n, salt) & 2147483647)::float8 / 2147483648 $$`);
	await tx.unsafe(`
		create temp table bench_person on commit drop as
		select coalesce(substring(u.email from '^hoc-vien-([0-9]+)@learners\\.bench\\.hocso\\.example$'), right(u.phone, 7))::int as n, u.id
		from auth.users u
		where u.email like 'hoc-vien-%@learners.bench.hocso.example' or u.phone ~ '^\\+8498[0-9]{7}$'`);
	await tx.unsafe(`create unique index on bench_person (n)`);
}

/**
 * A learner's response to a question as shown in an attempt: the key's answer when right, else a plausible
 * wrong one (another choice, the opposite, a wrong number…). Valid for the question as shown.
 */
const RESPONSE_FUNCTION = `
	create or replace function pg_temp.bench_response(kind_ text, key_ jsonb, content_ jsonb, shown text[], right_ boolean) returns jsonb
	language sql stable as $$
		select case kind_
			when 'single' then jsonb_build_object('choice', case when right_ then key_ ->> 'correct'
				else coalesce((select c from unnest(shown) c where c <> key_ ->> 'correct' limit 1), key_ ->> 'correct') end)
			when 'multiple' then jsonb_build_object('choices', case when right_ then key_ -> 'correct'
				else jsonb_build_array(key_ -> 'correct' ->> 0)
					|| coalesce((select jsonb_agg(c) from (select c from unnest(shown) c where not (key_ -> 'correct') ? c limit 1) x), '[]') end)
			when 'true_false' then jsonb_build_object('value', case when right_ then key_ -> 'correct' else to_jsonb(not (key_ ->> 'correct')::boolean) end)
			when 'short_text' then jsonb_build_object('text', case when right_ then key_ -> 'answers' ->> 0 else 'không biết' end)
			when 'numeric' then jsonb_build_object('value', case when right_ then key_ -> 'value' else to_jsonb((key_ ->> 'value')::numeric + 10) end)
			when 'ordering' then jsonb_build_object('order', case when right_ then key_ -> 'order' else to_jsonb(shown) end)
			when 'matching' then jsonb_build_object('pairs', case when right_ then key_ -> 'pairs'
				else (select jsonb_object_agg(l ->> 'id', shown[1]) from jsonb_array_elements(content_ -> 'left') l) end)
		end
	$$`;

/** The ids an attempt shows for a question's choices, items or right-hand column, in the order shown. */
const SHOWN_IDS = `array(select c ->> 'id' from jsonb_array_elements(coalesce(aq.content -> 'options', aq.content -> 'items', aq.content -> 'right', '[]')) c)`;

/** How likely learner n answers a question right: between 0.3 and 0.95, the same for the round and the open quiz. */
const SKILL = (n: string) => `(0.3 + 0.65 * pg_temp.hashed(${n}, 72))`;

type GenerateOptions = {
	db: Db;
	/** the app copy (cwd of the generator) */
	root: string;
	parse: (name: string, text: string) => ImportResult;
	perPage: number;
	/** attempts in progress to prepare for quiz-submit (0: none) */
	poolSize: number;
	step: (name: string) => void;
};

export async function generateQuizData(options: GenerateOptions): Promise<QuizDataset> {
	const { db, step } = options;
	const drafts = bankDrafts(options.root, options.parse, BANK_QUESTIONS);
	const kinds: Record<string, number> = {};
	for (const draft of drafts) kinds[draft.kind] = (kinds[draft.kind] ?? 0) + 1;
	const maxScore = QUIZ_QUESTIONS; // every demo question is worth 1 point
	if (drafts.some((draft) => draft.points !== 1)) throw new Error('bench bank: the demo questions are expected to be worth 1 point each');

	const created = await db.asService(async (tx) => {
		const [province] = await tx<{ id: number }[]>`
			select id::int from public.unit where kind = 'province' and valid_from <= current_date and (valid_to is null or valid_to > current_date)
			order by id limit 1`;
		const [{ id: bankId }] = await tx<{ id: number }[]>`
			insert into public.question_bank (title, owner_unit_id) values ('Ngân hàng câu hỏi cuộc thi kỹ năng số (bench)', ${province.id}) returning id::int`;
		await tx`insert into public.question (bank_id) select ${bankId} from generate_series(1, ${drafts.length})`;
		const rows = drafts.map((draft) => ({ ...draft, content: withoutKind(draft.content), key: withoutKind(draft.key) }));
		await tx`
			insert into public.question_version (question_id, kind, title, prompt, content, key, explanation, points)
			select q.id, d ->> 'kind', d ->> 'title', d ->> 'prompt', d -> 'content', d -> 'key', d ->> 'explanation', (d ->> 'points')::numeric
			from (select id, row_number() over (order by id) as k from public.question where bank_id = ${bankId}) q
			join jsonb_array_elements(${tx.json(rows as never)}::jsonb) with ordinality j(d, k) on j.k = q.k`;
		const [{ current }] = await tx<{ current: number }[]>`
			select count(*)::int as current from public.question where bank_id = ${bankId} and current_version_id is not null`;
		if (current !== drafts.length) throw new Error(`bench bank: ${current} of ${drafts.length} questions have a current version`);
		return { bankId, provinceId: province.id };
	});
	step('quiz bank');

	const DAY = 24 * 3600 * 1000;
	const opens = new Date(Date.now() - 21 * DAY);
	const closes = new Date(Date.now() - 7 * DAY);
	const contest = await db.asService(async (tx) => {
		await helpers(tx);
		const { bankId, provinceId } = created;
		const quiz = async (fields: Record<string, unknown>) => {
			const [{ id }] = await tx<{ id: number }[]>`insert into public.quiz ${tx(fields)} returning id::int`;
			await tx`insert into public.quiz_pool (quiz_id, bank_id, draw_count) values (${id}, ${bankId}, ${QUIZ_QUESTIONS})`;
			return id;
		};
		const [{ id: campaignId }] = await tx<{ id: number }[]>`
			insert into public.campaign (slug, title, summary, owner_unit_id, status)
			values ('bench-chien-dich-ky-nang-so-2026', 'Chiến dịch “Kỹ năng số cho mọi người” (bench)',
				'Chiến dịch của bộ dữ liệu đo hiệu năng: một cuộc thi với 50 000 người tham gia.', ${provinceId}, 'published')
			returning id::int`;
		const [{ id: contestId }] = await tx<{ id: number }[]>`
			insert into public.contest (campaign_id, slug, title, rules, owner_unit_id, status)
			values (${campaignId}, ${CONTEST_SLUG}, ${CONTEST_TITLE},
				${'Mỗi lượt thi gồm 20 câu hỏi rút ngẫu nhiên, làm trong 10 phút; mỗi tài khoản được thi tối đa 2 lượt, tính lượt có kết quả cao nhất.\nXếp hạng theo điểm, rồi thời gian làm bài, rồi độ chính xác của câu dự đoán, rồi thời điểm nộp bài.'},
				${provinceId}, 'published')
			returning id::int`;
		const roundQuiz = await quiz({
			title: 'Đợt 1 (bench)', owner_unit_id: provinceId, status: 'published', time_limit_seconds: TIME_LIMIT_SECONDS, max_attempts: 2,
			pass_percent: 50, review_policy: 'after_close', opens_at: opens, closes_at: closes
		});
		const [{ id: roundId }] = await tx<{ id: number }[]>`
			insert into public.contest_round (contest_id, number, quiz_id, prediction_prompt)
			values (${contestId}, 1, ${roundQuiz}, 'Theo bạn, có bao nhiêu người tham gia đợt thi này?') returning id::int`;
		const openQuiz = await quiz({
			title: OPEN_QUIZ_TITLE, description: 'Bài luyện tập của bộ dữ liệu đo hiệu năng: 20 câu rút ngẫu nhiên từ ngân hàng 200 câu, 10 phút, làm bao nhiêu lần cũng được.',
			owner_unit_id: provinceId, status: 'published', time_limit_seconds: TIME_LIMIT_SECONDS, max_attempts: null, pass_percent: 50,
			review_policy: 'after_submit'
		});

		// Officials of bench agencies (province departments, communes' people's committees) rank by agency too.
		await tx.unsafe(`
			insert into public.unit (code, name, kind, parent_id, valid_from)
			select 'bench-ag-' || k, name, 'agency', parent, date '2025-07-01'
			from (
				select row_number() over (order by parent, name) as k, name, parent from (
					select d.name || ' (bench)' as name, ${provinceId}::bigint as parent from unnest(${sqlArray(DEPARTMENTS)}) d(name)
					union all
					(select 'Ủy ban nhân dân ' || lower(left(u.name, 1)) || substr(u.name, 2) || ' (bench)', u.id from public.unit u
					 where u.kind = 'commune' and u.valid_from <= current_date and (u.valid_to is null or u.valid_to > current_date)
					 order by u.id limit ${COMMUNE_COMMITTEES})
				) a
			) b`);
		await tx.unsafe(`
			create temp table bench_agency on commit drop as
			select row_number() over (order by id) as k, id from public.unit where code like 'bench-ag-%'`);
		const [{ officials }] = await tx.unsafe<{ officials: number }[]>(`
			with given as (
				insert into public.person_role (person_id, role, unit_id)
				select p.id, 'official'::public.app_role, a.id from bench_person p
				join bench_agency a on a.k = 1 + floor(pg_temp.hashed(p.n, 78) * (select count(*) from bench_agency))::int
				where ${isOfficial('p.n')}
				returning 1
			) select count(*)::int as officials from given`);

		// Every learner took the round once: started in the window, 45 s to the full 10 minutes (to the
		// millisecond), 20 questions answered right with the learner's own odds (half points for partly
		// right multiple choices), and 92 % of them predicted a number of participants.
		await tx.unsafe(`
			insert into public.quiz_attempt (quiz_id, person_id, number, started_at, deadline_at, submitted_at, score, max_score,
				pass_percent, passed, duration_ms, prediction)
			select ${roundQuiz}, p.id, 1, t.started, t.started + make_interval(secs => ${TIME_LIMIT_SECONDS}),
				t.started + make_interval(secs => d.ms / 1000.0), s.score, ${maxScore}, 50, s.score * 100 >= 50 * ${maxScore}, d.ms, r.prediction
			from bench_person p
			cross join lateral (select '${opens.toISOString()}'::timestamptz
				+ ('${closes.toISOString()}'::timestamptz - '${opens.toISOString()}'::timestamptz - make_interval(secs => ${TIME_LIMIT_SECONDS})) * pg_temp.hashed(p.n, 70) as started) t
			cross join lateral (select (45000 + floor(pg_temp.hashed(p.n, 71) * ${TIME_LIMIT_SECONDS * 1000 - 45000}))::int as ms) d
			cross join lateral (select least(${maxScore},
				(select count(*) from generate_series(1, ${QUIZ_QUESTIONS}) i where pg_temp.hashed(p.n * 64 + i, 73) < ${SKILL('p.n')})
				+ case when pg_temp.hashed(p.n, 74) < 0.3 then 0.5 else 0 end) as score) s
			cross join lateral (select case when pg_temp.hashed(p.n, 75) < 0.92
				then (5000 + floor(power(pg_temp.hashed(p.n, 76), 2) * 120000))::bigint end as prediction) r`);
		const [{ participants }] = await tx<{ participants: number }[]>`
			select count(*)::int as participants from public.quiz_attempt where quiz_id = ${roundQuiz}`;
		return { contestId, roundId, roundQuiz, openQuiz, participants, officials };
	});
	// What autovacuum would have done by the close, a week after the last attempt.
	await db.asService((tx) => tx`analyze public.quiz_attempt, public.profile, public.person_role, public.unit`);
	step('contest');

	const computeStarted = performance.now();
	await db.asService((tx) => tx`select public.compute_round_results(${contest.roundId})`);
	const computeMs = Math.round(performance.now() - computeStarted);
	step('leaderboard');

	const first = await db.asService(async (tx) => {
		const [round] = await tx<{ name: string }[]>`select display_name as name from public.contest_result where round_id = ${contest.roundId} and rank = 1`;
		const [overall] = await tx<{ name: string }[]>`select display_name as name from public.contest_standings(${contest.contestId}) where rank = 1`;
		const [{ ranked }] = await tx<{ ranked: number }[]>`select count(*)::int as ranked from public.contest_result where round_id = ${contest.roundId}`;
		if (ranked !== contest.participants) throw new Error(`compute_round_results ranked ${ranked} of ${contest.participants} participants`);
		return { round: round.name, overall: overall.name };
	});

	const pages = Math.ceil(QUIZ_QUESTIONS / options.perPage);
	const savedUpTo = (pages - 1) * options.perPage;
	const startedAt = Date.now();
	const attempts = options.poolSize > 0 ? await preparePool(db, contest.openQuiz, options.poolSize, savedUpTo) : [];
	if (attempts.length !== Math.min(options.poolSize, contest.participants)) {
		throw new Error(`bench pool: ${attempts.length} attempts in progress instead of ${Math.min(options.poolSize, contest.participants)}`);
	}
	if (options.poolSize > 0) step('quiz attempts');

	return {
		bank: { questions: drafts.length, kinds },
		contest: {
			slug: CONTEST_SLUG, title: CONTEST_TITLE, id: contest.contestId, roundId: contest.roundId, roundNumber: 1,
			participants: contest.participants, officials: contest.officials, first
		},
		leaderboard: { computeMs, queriesMs: {} },
		openQuiz: { id: contest.openQuiz, title: OPEN_QUIZ_TITLE, questions: QUIZ_QUESTIONS, pages, perPage: options.perPage, timeLimitSeconds: TIME_LIMIT_SECONDS },
		pool: { size: attempts.length, startedAt, attempts }
	};
}

/** Attempts started per transaction, and transactions at once (real Postgres; embedded runs one at a time). */
const POOL_BATCH = 500;
const POOL_WORKERS = 2;

/**
 * The pool of quiz-submit: an attempt in progress per learner 1..size, started by the app's own function
 * as that learner, its earlier pages saved and graded, and a session for the learner.
 */
async function preparePool(db: Db, quizId: number, size: number, savedUpTo: number): Promise<PoolAttempt[]> {
	const batches = Array.from({ length: Math.ceil(size / POOL_BATCH) }, (_, i) => [i * POOL_BATCH, Math.min(size, (i + 1) * POOL_BATCH)]);
	const work = async () => {
		for (let batch = batches.shift(); batch; batch = batches.shift()) {
			const [from, to] = batch;
			await db.asService(async (tx) => {
				await helpers(tx);
				// One by one, as each learner (auth.uid() reads these claims), exactly as the start action does.
				await tx.unsafe(`
					do $$
					declare p record;
					begin
						for p in select id from bench_person where n > ${from} and n <= ${to} order by n loop
							perform set_config('request.jwt.claims', json_build_object('sub', p.id, 'role', 'authenticated')::text, true);
							perform public.start_quiz_attempt(${quizId});
						end loop;
						perform set_config('request.jwt.claims', '', true);
					end
					$$`);
			});
		}
	};
	await Promise.all(Array.from({ length: POOL_WORKERS }, work));
	return db.asService(async (tx) => {
		await helpers(tx);
		await tx.unsafe(RESPONSE_FUNCTION);
		await tx.unsafe(`
			create temp table bench_answer on commit drop as
			select a.id as attempt_id, p.n, aq.position, v.kind, aq.key, aq.points,
				pg_temp.bench_response(v.kind, aq.key, aq.content, ${SHOWN_IDS},
					pg_temp.hashed(p.n * 64 + aq.position, 80) < ${SKILL('p.n')}) as response,
				private.is_valid_response(v.kind, aq.content,
					pg_temp.bench_response(v.kind, aq.key, aq.content, ${SHOWN_IDS}, pg_temp.hashed(p.n * 64 + aq.position, 80) < ${SKILL('p.n')})) as valid
			from public.quiz_attempt a
			join bench_person p on p.id = a.person_id
			join public.attempt_question aq on aq.attempt_id = a.id
			join public.question_version v on v.id = aq.question_version_id
			where a.quiz_id = ${quizId} and a.submitted_at is null`);
		const [{ invalid }] = await tx.unsafe<{ invalid: number }[]>(`select count(*)::int as invalid from bench_answer where not valid`);
		if (invalid) throw new Error(`bench pool: ${invalid} generated responses are not valid for their question`);
		// The earlier pages, saved (and graded) as the learner went, the way save_quiz_answers stores them.
		await tx.unsafe(`
			update public.attempt_question aq
			set response = b.response, answered_at = now(), score = private.grade(b.kind, b.key, b.response, aq.points)
			from bench_answer b
			where aq.attempt_id = b.attempt_id and aq.position = b.position and b.position <= ${savedUpTo}`);
		// A session per learner; the cookie token is derived from n, the database keeps its SHA-256 only.
		await tx.unsafe(`
			create temp table bench_token on commit drop as
			select p.n, p.id, translate(encode(sha256(convert_to('hocso-bench-session:' || p.n, 'UTF8')), 'base64'), '+/=', '-_') as token
			from bench_person p where p.n <= ${size}`);
		await tx.unsafe(`
			insert into local_auth.session (user_id, token_hash, expires_at, user_agent)
			select id, sha256(convert_to(token, 'UTF8')), now() + interval '30 days', 'hoc-so-bench' from bench_token`);
		const rows = await tx.unsafe<PoolAttempt[]>(`
			select b.attempt_id as id, t.token, sum(private.grade(b.kind, b.key, b.response, b.points))::float as "expectedScore",
				json_agg(json_build_object('number', b.position, 'kind', b.kind, 'response', b.response) order by b.position)
					filter (where b.position > ${savedUpTo}) as answers
			from bench_answer b join bench_token t on t.n = b.n
			group by b.attempt_id, t.token, b.n
			order by b.n`);
		return [...rows];
	});
}

/** Median ms of 5 calls after a first one; a call over a second is timed once (its first call). */
async function median(fn: () => Promise<unknown>): Promise<number> {
	const time = async () => {
		const started = performance.now();
		await fn();
		return performance.now() - started;
	};
	const first = await time();
	const took = first > 1000 ? [first] : [await time(), await time(), await time(), await time(), await time()];
	took.sort((a, b) => a - b);
	return Math.round(took[Math.floor(took.length / 2)] * 10) / 10;
}

/**
 * The leaderboard's queries as an anonymous reader runs them (the app's own functions, RLS on), at the
 * data set's size: what one contest page spends in the database.
 */
export async function measureLeaderboard(db: Db, contests: Contests, quiz: QuizDataset): Promise<Record<string, number>> {
	const { contest } = quiz;
	const firstPage = { commune: null, agency: null, page: 1 };
	return {
		/** contest_result: one page of the round's ranking and its count (contests.roundResults) */
		roundResultsPage: await median(() => contests.roundResults(db.ANON, contest.roundId, firstPage)),
		/** public.contest_standings over every participant, all rows counted */
		standingsCall: await median(() => db.asUser(db.ANON, (tx) => tx`select count(*) from public.contest_standings(${contest.id})`)),
		/** one page of the overall ranking (contests.standings, which calls contest_standings) */
		standingsPage: await median(() => contests.standings(db.ANON, contest.id, firstPage)),
		/** the contest with its rounds and their participants (contests.get: round_participation per round) */
		contestRounds: await median(() => contests.get(db.ANON, contest.slug)),
		/** the communes and agencies of the results, for the filters (contests.resultUnits) */
		resultUnits: await median(() => contests.resultUnits(db.ANON, contest.id))
	};
}
