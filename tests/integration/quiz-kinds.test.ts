// Cloze and essay questions through the domain modules, as the pages use them: a cloze question answered
// gap by gap from a posted form and graded by each gap's weight; an essay that makes the attempt wait for a
// grade, graded blind by the quiz's author, after which the attempt counts.
import { beforeAll, describe, expect, it } from 'vitest';
import * as quizzes from '#lib/server/quizzes.ts';
import * as grading from '#lib/server/grading.ts';
import { asService } from '#lib/server/db/index.ts';
import { insertDrafts } from '#lib/server/banks.ts';
import { readAnswers, toDatabase } from '#lib/quiz/answers.ts';
import type { QuestionDraft } from '#lib/quiz/question.ts';
import { grant, registerPerson } from './fixtures.ts';

const base = { title: null, promptFormat: 'plain' as const, explanation: null, category: [], notKept: [] };

const cloze: QuestionDraft = {
	...base, kind: 'cloze', prompt: 'Trước khi bấm vào đường link lạ, hãy _____ người gửi và _____ lại địa chỉ trang web.', points: 4,
	content: {
		kind: 'cloze', text: 'Trước khi bấm vào đường link lạ, hãy {#1} người gửi và {#2} lại địa chỉ trang web.',
		gaps: [{ kind: 'single', options: [{ id: 'a', text: 'xác minh' }, { id: 'b', text: 'tin ngay' }, { id: 'c', text: 'chuyển tiền cho' }] }, { kind: 'short_text' }]
	},
	key: {
		kind: 'cloze',
		gaps: [
			{ kind: 'single', points: 1, correct: 'a', feedback: { b: 'Kẻ gian thường giả danh người quen.' } },
			{ kind: 'short_text', points: 3, answers: ['kiểm tra'], accentInsensitive: true }
		]
	}
};
const essay: QuestionDraft = {
	...base, kind: 'essay', prompt: 'Kể lại một lần bạn nhận được tin nhắn lừa đảo và cách bạn xử lý.', points: 5,
	content: { kind: 'essay' }, key: { kind: 'essay', graderInfo: 'Cho điểm tối đa khi có cách xử lý đúng: không bấm link, báo cho người thân.' }
};
const truth: QuestionDraft = {
	...base, kind: 'true_false', prompt: 'Ngân hàng có thể gọi điện xin mã OTP của bạn.', points: 1,
	content: { kind: 'true_false' }, key: { kind: 'true_false', correct: false }
};

let province: number;

async function quizOf(drafts: QuestionDraft[], fields: Record<string, unknown> = {}): Promise<number> {
	return asService(async (tx) => {
		const [{ id: bankId }] = await tx<{ id: number }[]>`insert into public.question_bank (title, owner_unit_id) values ('Ngân hàng', ${province}) returning id::int`;
		const questionIds = await insertDrafts(tx, bankId, drafts);
		const [{ id }] = await tx<{ id: number }[]>`
			insert into public.quiz ${tx({ title: 'Bài kiểm tra', owner_unit_id: province, status: 'published', shuffle_questions: false, pass_percent: 60, ...fields })}
			returning id::int`;
		for (const [i, questionId] of questionIds.entries()) {
			await tx`insert into public.quiz_question (quiz_id, position, question_id) values (${id}, ${i + 1}, ${questionId})`;
		}
		return id;
	});
}

/** A form as the attempt page posts it. */
const posted = (fields: [string, string][]) => {
	const data = new FormData();
	for (const [name, value] of fields) data.append(name, value);
	return data;
};

beforeAll(async () => {
	province = await asService(async (tx) => (await tx<{ id: number }[]>`select id::int from public.unit where kind = 'province' and valid_to is null`)[0].id);
});

describe('a cloze question', () => {
	it('shows its gaps with the attempt\'s own ids, and grades each gap by its weight', async () => {
		const { session } = await registerPerson();
		const quizId = await quizOf([cloze]);
		const attempt = await quizzes.start(session.claims, quizId);
		const [shown] = (await quizzes.getAttempt(session.claims, 'vi', attempt))!.questions;
		expect(shown.kind).toBe('cloze');
		expect(shown.key).toBeNull();
		const options = shown.content.gaps![0].options!;
		expect(options.map((o) => o.text).sort()).toEqual(['chuyển tiền cho', 'tin ngay', 'xác minh']);
		expect(options.every((o) => /^[0-9a-f]{10}$/.test(o.id))).toBe(true);

		// The right choice in the first gap (worth 1 of 4), a wrong word in the second (worth 3 of 4).
		const right = options.find((o) => o.text === 'xác minh')!.id;
		const shapes = await quizzes.attemptShapes(session.claims, attempt);
		const read = readAnswers(posted([['q1.g1', right], ['q1.g2', 'bỏ qua']]), shapes);
		expect(read.errors).toEqual({});
		await quizzes.saveAnswers(session.claims, attempt, toDatabase(read.answers));
		const result = await quizzes.submit(session.claims, attempt, {}, null);
		expect(result).toMatchObject({ score: 1, maxScore: 4, passed: false });

		const review = (await quizzes.getAttempt(session.claims, 'vi', attempt))!.questions[0];
		expect(review.score).toBe(1);
		expect(review.key).toMatchObject({ gaps: [{ correct: right }, { answers: ['kiểm tra'] }] });
	});

	it('gives all the points for every gap right, accents aside when the key allows', async () => {
		const { session } = await registerPerson();
		const attempt = await quizzes.start(session.claims, await quizOf([cloze]));
		const [shown] = (await quizzes.getAttempt(session.claims, 'vi', attempt))!.questions;
		const right = shown.content.gaps![0].options!.find((o) => o.text === 'xác minh')!.id;
		const read = readAnswers(posted([['q1.g1', right], ['q1.g2', 'KIEM TRA']]), await quizzes.attemptShapes(session.claims, attempt));
		expect((await quizzes.submit(session.claims, attempt, toDatabase(read.answers), null)).score).toBe(4);
	});
});

describe('an essay', () => {
	it('waits for a grade, is graded blind by the quiz\'s author, and then the attempt counts', async () => {
		const learner = await registerPerson({ name: 'Người học' });
		const author = await registerPerson({ name: 'Người ra đề' });
		await grant(author.session.user.id, 'organizer', 'Tỉnh Khánh Hòa');
		const quizId = await quizOf([truth, essay]);
		const attempt = await quizzes.start(learner.session.claims, quizId);
		const shapes = await quizzes.attemptShapes(learner.session.claims, attempt);
		const read = readAnswers(posted([['q1', 'false'], ['q2', 'Tôi nhận tin nhắn báo trúng thưởng.\nTôi không bấm vào link và báo cho con trai.']]), shapes);
		const submitted = await quizzes.submit(learner.session.claims, attempt, toDatabase(read.answers), null);
		// The true/false point is counted; the essay's five wait; passing is not known yet.
		expect(submitted).toMatchObject({ score: 1, maxScore: 6, passed: null });
		const waiting = (await quizzes.getAttempt(learner.session.claims, 'vi', attempt))!;
		expect(waiting.attempt.gradingPending).toBe(true);
		expect(waiting.questions[1]).toMatchObject({ awaitingGrade: true, score: null, graderComment: null });
		expect(waiting.questions[1].key).toEqual({});

		// The learner cannot see the queue nor grade; the author sees the answer, not who wrote it.
		expect(await grading.essayAnswers(learner.session.claims, quizId, true)).toEqual([]);
		await expect(grading.gradeEssay(learner.session.claims, attempt, 2, 5, '')).rejects.toMatchObject({ code: 'attempt_not_found' });
		const claims = author.session.claims;
		const queue = await grading.essayAnswers(claims, quizId, false);
		expect(queue).toHaveLength(1);
		expect(queue[0]).toMatchObject({ attemptId: attempt, questionNumber: 2, points: 5, score: null, graderInfo: essay.key.kind === 'essay' ? essay.key.graderInfo : null });
		expect(queue[0].answer).toContain('báo cho con trai');
		expect(JSON.stringify(queue)).not.toContain('Người học');
		expect(await grading.waitingCount(claims, quizId)).toBe(1);

		await expect(grading.gradeEssay(claims, attempt, 2, 6, '')).rejects.toMatchObject({ code: 'essay_points_range' });
		await expect(grading.gradeEssay(claims, attempt, 1, 1, '')).rejects.toMatchObject({ code: 'not_an_essay' });
		await grading.gradeEssay(claims, attempt, 2, 4.5, 'Cách xử lý đúng. Nên báo thêm cho công an xã.');

		const graded = (await quizzes.getAttempt(learner.session.claims, 'vi', attempt))!;
		expect(graded.attempt).toMatchObject({ gradingPending: false, score: 5.5, passed: true });
		expect(graded.questions[1]).toMatchObject({ awaitingGrade: false, score: 4.5, graderComment: 'Cách xử lý đúng. Nên báo thêm cho công an xã.' });
		expect(await grading.waitingCount(claims, quizId)).toBe(0);
		expect(await grading.essayAnswers(claims, quizId, true)).toHaveLength(1);

		// A regrade changes the total, and can change the result.
		await grading.gradeEssay(claims, attempt, 2, 1, 'Chưa nêu cách xử lý.');
		expect((await quizzes.getAttempt(learner.session.claims, 'vi', attempt))!.attempt).toMatchObject({ score: 2, passed: false });
	});

	it('needs no grade when left empty', async () => {
		const { session } = await registerPerson();
		const attempt = await quizzes.start(session.claims, await quizOf([truth, essay]));
		const result = await quizzes.submit(session.claims, attempt, { '1': { value: false } }, null);
		expect(result).toMatchObject({ score: 1, maxScore: 6, passed: false });
	});
});
