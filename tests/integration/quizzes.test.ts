// Quizzes and contests through the domain modules, as the pages use them: an attempt that resumes,
// saves, refuses what it must, submits once and reviews; and a contest whose ranking follows its rules.
import { beforeAll, describe, expect, it } from 'vitest';
import * as quizzes from '#lib/server/quizzes.ts';
import * as contests from '#lib/server/contests.ts';
import { ANON, asService } from '#lib/server/db/index.ts';
import { insertDrafts } from '#lib/server/banks.ts';
import type { QuestionDraft } from '#lib/quiz/question.ts';
import { currentUnitId, registerPerson } from './fixtures.ts';

const single = (prompt: string, right: string, wrong: string): QuestionDraft => ({
	kind: 'single', title: null, prompt, promptFormat: 'plain', explanation: `Vì ${right}`, points: 1, category: [], notKept: [],
	content: { kind: 'single', options: [{ id: 'a', text: right }, { id: 'b', text: wrong }] },
	key: { kind: 'single', correct: 'a' }
});
const numeric: QuestionDraft = {
	kind: 'numeric', title: null, prompt: 'Mã OTP thường có bao nhiêu chữ số?', promptFormat: 'plain', explanation: null, points: 2, category: [], notKept: [],
	content: { kind: 'numeric' }, key: { kind: 'numeric', value: 6, tolerance: 0 }
};

let bankId: number;
let province: number;

async function quiz(fields: Record<string, unknown>, draw = 3): Promise<number> {
	return asService(async (tx) => {
		const [{ id }] = await tx<{ id: number }[]>`insert into public.quiz ${tx({ title: 'Bài kiểm tra', owner_unit_id: province, status: 'published', ...fields })} returning id::int`;
		await tx`insert into public.quiz_pool (quiz_id, bank_id, draw_count) values (${id}, ${bankId}, ${draw})`;
		return id;
	});
}

/** The right answer to every question of the attempt (in the ids it shows), as the form would send it. */
async function rightAnswers(attemptId: string, wrong = 0): Promise<Record<string, unknown>> {
	const rows = await asService((tx) => tx<{ position: number; kind: string; key: { correct?: string; value?: number }; shown: string[] }[]>`
		select aq.position, v.kind, aq.key, array(select o ->> 'id' from jsonb_array_elements(coalesce(aq.content -> 'options', '[]')) o) as shown
		from public.attempt_question aq join public.question_version v on v.id = aq.question_version_id
		where aq.attempt_id = ${attemptId} order by aq.position`);
	return Object.fromEntries(rows.map((r, i) => [String(r.position),
		r.kind === 'numeric' ? { value: i < wrong ? 7 : r.key.value } : { choice: i < wrong ? r.shown.find((id) => id !== r.key.correct) : r.key.correct }]));
}

beforeAll(async () => {
	province = await asService(async (tx) => (await tx<{ id: number }[]>`select id::int from public.unit where kind = 'province' and valid_to is null`)[0].id);
	bankId = await asService(async (tx) => {
		const [{ id }] = await tx<{ id: number }[]>`insert into public.question_bank (title, owner_unit_id) values ('Ngân hàng', ${province}) returning id::int`;
		await insertDrafts(tx, id, [single('Có nên cho người lạ mã OTP?', 'Không bao giờ', 'Có, nếu họ xưng là ngân hàng'), single('Công an có làm việc qua video call để yêu cầu chuyển tiền?', 'Không', 'Có'), numeric]);
		return id;
	});
});

describe('an attempt', () => {
	it('resumes after a reload, saves, submits once and then shows the review', async () => {
		const { session } = await registerPerson();
		const id = await quiz({ time_limit_seconds: 600, pass_percent: 75 });
		const attempt = await quizzes.start(session.claims, id);
		expect(await quizzes.start(session.claims, id)).toBe(attempt);

		const before = await quizzes.getAttempt(session.claims, 'vi', attempt);
		expect(before!.questions).toHaveLength(3);
		expect(before!.questions.every((q) => q.key === null && q.score === null && q.explanation === null)).toBe(true);
		expect(before!.remainingMs).toBeGreaterThan(590_000);

		const answers = await rightAnswers(attempt, 1);
		await quizzes.saveAnswers(session.claims, attempt, answers);
		const resumed = await quizzes.getAttempt(session.claims, 'vi', attempt);
		expect(resumed!.questions.filter((q) => q.response !== null)).toHaveLength(3);

		const first = await quizzes.submit(session.claims, attempt, {}, null);
		const second = await quizzes.submit(session.claims, attempt, {}, null);
		expect(second).toEqual(first);
		expect(first.maxScore).toBe(4);
		expect(first.score).toBe(3 - (before!.questions[0].kind === 'numeric' ? 1 : 0));

		const review = await quizzes.getAttempt(session.claims, 'vi', attempt);
		expect(review!.reviewOpen).toBe(true);
		expect(review!.questions.every((q) => q.key !== null)).toBe(true);
		await expect(quizzes.saveAnswers(session.claims, attempt, answers)).rejects.toMatchObject({ code: 'attempt_submitted' });
	});

	it('refuses answers to questions not in the attempt, malformed choices, and someone else\'s attempt', async () => {
		const owner = await registerPerson();
		const stranger = await registerPerson();
		const id = await quiz({});
		const attempt = await quizzes.start(owner.session.claims, id);
		await expect(quizzes.saveAnswers(owner.session.claims, attempt, { '9': { choice: 'a' } })).rejects.toMatchObject({ code: 'question_not_in_attempt' });
		const view = await quizzes.getAttempt(owner.session.claims, 'vi', attempt);
		const choiceQuestion = view!.questions.find((q) => q.kind === 'single')!;
		await expect(quizzes.saveAnswers(owner.session.claims, attempt, { [choiceQuestion.number]: { choice: 'z' } })).rejects.toMatchObject({ code: 'invalid_response' });
		await expect(quizzes.saveAnswers(stranger.session.claims, attempt, { '1': null })).rejects.toMatchObject({ code: 'attempt_not_found' });
		expect(await quizzes.getAttempt(stranger.session.claims, 'vi', attempt)).toBeUndefined();
		await expect(quizzes.start(ANON, id)).rejects.toMatchObject({ code: 'quiz_sign_in' });
	});

	it('does not count an answer after the deadline, and finishes the attempt with what was saved', async () => {
		const { session } = await registerPerson();
		const id = await quiz({ time_limit_seconds: 60, max_attempts: 1 });
		const attempt = await quizzes.start(session.claims, id);
		const answers = await rightAnswers(attempt);
		const [firstNumber] = Object.keys(answers);
		await quizzes.saveAnswers(session.claims, attempt, { [firstNumber]: answers[firstNumber] });
		// The deadline passes (the clock cannot be moved, so the attempt is moved back in time).
		await asService((tx) => tx`update public.quiz_attempt set started_at = now() - interval '2 minutes', deadline_at = now() - interval '1 minute' where id = ${attempt}`);
		await expect(quizzes.saveAnswers(session.claims, attempt, answers)).rejects.toMatchObject({ code: 'attempt_time_up' });
		const result = await quizzes.submit(session.claims, attempt, answers, null);
		const saved = await quizzes.getAttempt(session.claims, 'vi', attempt);
		expect(result.score).toBe(saved!.questions.find((q) => q.number === Number(firstNumber))!.points);
		expect(saved!.attempt.durationMs).toBe(60_000);
		await expect(quizzes.start(session.claims, id)).rejects.toMatchObject({ code: 'quiz_no_attempts_left' });
	});

	it('keeps the question version it started with when the question is edited', async () => {
		const { session } = await registerPerson();
		const id = await quiz({});
		const attempt = await quizzes.start(session.claims, id);
		const answers = await rightAnswers(attempt);
		// The author swaps the right answer of every single-choice question.
		await asService((tx) => tx`
			insert into public.question_version (question_id, kind, prompt, content, key)
			select q.id, v.kind, v.prompt || ' (sửa)', v.content, '{"correct":"b"}' from public.question q
			join public.question_version v on v.id = q.current_version_id where q.bank_id = ${bankId} and v.kind = 'single'`);
		const view = await quizzes.getAttempt(session.claims, 'vi', attempt);
		expect(view!.questions.some((q) => q.prompt.endsWith('(sửa)'))).toBe(false);
		const result = await quizzes.submit(session.claims, attempt, answers, null);
		expect(result.score).toBe(result.maxScore);
		// A new attempt gets the new version.
		await asService((tx) => tx`update public.quiz set max_attempts = null where id = ${id}`);
		const next = await quizzes.start(session.claims, id);
		expect((await quizzes.getAttempt(session.claims, 'vi', next))!.questions.filter((q) => q.kind === 'single').every((q) => q.prompt.endsWith('(sửa)'))).toBe(true);
		await asService((tx) => tx`
			insert into public.question_version (question_id, kind, prompt, content, key)
			select q.id, v.kind, replace(v.prompt, ' (sửa)', ''), v.content, '{"correct":"a"}' from public.question q
			join public.question_version v on v.id = q.current_version_id where q.bank_id = ${bankId} and v.kind = 'single'`);
	});
});

describe('a contest', () => {
	it('ranks three participants from two communes by score, then time, then prediction, and counts them by commune', async () => {
		const [a1, a2, b1] = await Promise.all([
			registerPerson({ name: 'Người A1', homeUnit: 'Phường Nha Trang' }),
			registerPerson({ name: 'Người A2', homeUnit: 'Phường Nha Trang' }),
			registerPerson({ name: 'Người B1', homeUnit: 'Xã Bác Ái' })
		]);
		const quizId = await quiz({ opens_at: new Date(Date.now() - 3600_000), closes_at: new Date(Date.now() + 3600_000), time_limit_seconds: 600, review_policy: 'after_close' });
		const slug = `thi-thu-${Date.now()}`;
		const roundId = await asService(async (tx) => {
			const [{ id: campaign }] = await tx<{ id: number }[]>`insert into public.campaign (slug, title, owner_unit_id, status) values (${slug}, 'Chiến dịch', ${province}, 'published') returning id::int`;
			const [{ id: contest }] = await tx<{ id: number }[]>`insert into public.contest (campaign_id, slug, title, owner_unit_id, status) values (${campaign}, ${slug}, 'Cuộc thi', ${province}, 'published') returning id::int`;
			const [{ id }] = await tx<{ id: number }[]>`insert into public.contest_round (contest_id, number, quiz_id, prediction_prompt) values (${contest}, 1, ${quizId}, 'Bao nhiêu người?') returning id::int`;
			return id;
		});
		// A1 and B1 score full marks; A2 misses one. A1 and B1 take the same time; B1's prediction (3) is exact.
		const take = async (person: typeof a1, wrong: number, prediction: number) => {
			const attempt = await quizzes.start(person.session.claims, quizId);
			await quizzes.submit(person.session.claims, attempt, await rightAnswers(attempt, wrong), prediction);
			await asService((tx) => tx`update public.quiz_attempt set duration_ms = 200000 where id = ${attempt}`);
			return attempt;
		};
		await take(a1, 0, 10);
		await take(a2, 1, 3);
		await take(b1, 0, 3);

		const open = await contests.get(ANON, slug);
		expect(open!.rounds[0]).toMatchObject({ state: 'open', participants: 3, resultsAt: null });
		const counts = await contests.participation(ANON, roundId, 'commune');
		expect(counts.map((c) => [c.unitName, c.participants])).toEqual([['Phường Nha Trang', 2], ['Xã Bác Ái', 1]]);
		expect((await contests.roundResults(ANON, roundId, { commune: null, agency: null, page: 1 })).rows).toEqual([]);

		await asService((tx) => tx`update public.quiz set closes_at = now() - interval '1 second', opens_at = now() - interval '2 hours' where id = ${quizId}`);
		const closed = await contests.get(ANON, slug);
		expect(closed!.rounds[0].resultsAt).not.toBeNull();
		expect(closed!.rounds[0].predictionTruth).toBe(3);
		const results = await contests.roundResults(b1.session.claims, roundId, { commune: null, agency: null, page: 1 });
		expect(results.rows.map((r) => [r.rank, r.displayName, r.commune])).toEqual([
			[1, 'Người B1', 'Xã Bác Ái'], [2, 'Người A1', 'Phường Nha Trang'], [3, 'Người A2', 'Phường Nha Trang']
		]);
		expect(results.mine).toMatchObject({ rank: 1, isMe: true });
		const inNhaTrang = await contests.roundResults(ANON, roundId, { commune: await currentUnitId('Phường Nha Trang'), agency: null, page: 1 });
		expect(inNhaTrang.rows.map((r) => r.rank)).toEqual([2, 3]);
		expect(inNhaTrang.rows.every((r) => !r.isMe)).toBe(true);
		const overall = await contests.standings(ANON, closed!.id, { commune: null, agency: null, page: 1 });
		expect(overall.rows.map((r) => r.displayName)).toEqual(['Người B1', 'Người A1', 'Người A2']);
	});
});
