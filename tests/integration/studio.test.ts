// Authoring quizzes and contests through the studio's domain module, as its pages use it: form input parsed
// by the shared schemas, then written as a real organiser, with RLS deciding and refusals named per field.
import { beforeAll, describe, expect, it } from 'vitest';
import * as v from 'valibot';
import * as studio from '#lib/server/studio.ts';
import * as quizzes from '#lib/server/quizzes.ts';
import * as contests from '#lib/server/contests.ts';
import * as banks from '#lib/server/banks.ts';
import { ANON, type Claims } from '#lib/server/db/index.ts';
import { parseForm } from '#lib/forms/auth.ts';
import { contestForm, localInput, quizForm, roundForm, slugify, zonedInstant } from '#lib/forms/studio-quiz.ts';
import type { QuestionDraft } from '#lib/quiz/question.ts';
import { currentUnitId, grant, registerPerson } from './fixtures.ts';

const question = (n: number): QuestionDraft => ({
	kind: 'true_false', title: null, prompt: `Câu hỏi số ${n}: mật khẩu mạnh có ít nhất 12 ký tự?`, promptFormat: 'plain', explanation: null, points: 1,
	category: [], notKept: [],
	content: { kind: 'true_false' }, key: { kind: 'true_false', correct: true }
});

function form(fields: Record<string, string>): FormData {
	const data = new FormData();
	for (const [key, value] of Object.entries(fields)) data.set(key, value);
	return data;
}

function parsed<S extends v.GenericSchema>(schema: S, fields: Record<string, string>): v.InferOutput<S> {
	const result = parseForm(schema, form(fields));
	if (!result.ok) throw new Error(`unexpected form errors: ${JSON.stringify(result.errors)}`);
	return result.data;
}

const quizFields = (fields: Record<string, string>) => ({
	title: 'Kiểm tra nhanh: mật khẩu an toàn', language: 'vi', draw_count: '3', shuffle_questions: 'on', pass_percent: '60',
	counting: 'best', review_policy: 'after_submit', status: 'published', ...fields
});

async function organizer(unit: string): Promise<Claims> {
	const { session } = await registerPerson();
	await grant(session.user.id, 'organizer', unit);
	return session.claims;
}

let province: number;
let commune: number;
let provinceAuthor: Claims;
let communeAuthor: Claims;
let provinceBank: number;
let communeBank: number;

beforeAll(async () => {
	province = await currentUnitId('Tỉnh Khánh Hòa');
	commune = await currentUnitId('Xã Bác Ái');
	provinceAuthor = await organizer('Tỉnh Khánh Hòa');
	communeAuthor = await organizer('Xã Bác Ái');
	provinceBank = await banks.create(provinceAuthor, 'Mật khẩu an toàn', province);
	await banks.importDrafts(provinceAuthor, provinceBank, [1, 2, 3, 4, 5].map(question));
	communeBank = await banks.create(communeAuthor, 'Ngân hàng của xã', commune);
	await banks.importDrafts(communeAuthor, communeBank, [1, 2, 3].map(question));
});

describe('a quiz made in the studio', () => {
	it('is created from a bank and shows on the learner page, and edits keep it in one piece', async () => {
		const input = parsed(quizForm, quizFields({ owner_unit_id: String(province), bank_id: String(provinceBank), time_limit_minutes: '10' }));
		const id = await studio.createQuiz(provinceAuthor, input);

		const page = await quizzes.getQuiz(ANON, 'vi', id);
		expect(page).toMatchObject({ title: 'Kiểm tra nhanh: mật khẩu an toàn', questionCount: 3, timeLimitSeconds: 600, passPercent: 60, round: null });
		expect((await studio.listQuizzes(provinceAuthor, 'vi')).find((q) => q.id === id)).toMatchObject({ questions: 3, attempts: 0, status: 'published' });

		await studio.updateQuiz(provinceAuthor, id, { ...input, draw_count: 5, title: 'Mật khẩu an toàn (sửa)' });
		expect(await quizzes.getQuiz(ANON, 'vi', id)).toMatchObject({ title: 'Mật khẩu an toàn (sửa)', questionCount: 5 });
		await expect(studio.updateQuiz(provinceAuthor, id, { ...input, draw_count: 6 })).rejects.toMatchObject({ field: 'draw_count', key: 'studio_quiz.errors.draw_exceeds_bank' });
		expect((await studio.getQuiz(provinceAuthor, id))!.draw_count).toBe(5);
	});

	it('refuses an organiser of one commune a quiz owned by another unit, to create or to edit', async () => {
		const mine = parsed(quizForm, quizFields({ owner_unit_id: String(commune), bank_id: String(communeBank) }));
		await expect(studio.createQuiz(communeAuthor, { ...mine, owner_unit_id: province })).rejects.toMatchObject({
			field: 'owner_unit_id', key: 'studio_quiz.errors.unit_not_allowed'
		});
		const theirs = await studio.createQuiz(provinceAuthor, parsed(quizForm, quizFields({ owner_unit_id: String(province), bank_id: String(provinceBank) })));
		await expect(studio.updateQuiz(communeAuthor, theirs, mine)).rejects.toMatchObject({ field: 'form', key: 'studio_quiz.errors.quiz_not_allowed' });
		expect(await studio.getQuiz(provinceAuthor, theirs)).toMatchObject({ owner_unit_id: province, bank_id: provinceBank });
		expect(await studio.getQuiz(communeAuthor, theirs)).toBeUndefined();
		expect((await studio.listQuizzes(communeAuthor, 'vi')).some((q) => q.id === theirs)).toBe(false);
		// Their own unit is fine: the quiz is made, theirs to see and to edit.
		const own = await studio.createQuiz(communeAuthor, mine);
		expect(await studio.getQuiz(communeAuthor, own)).toMatchObject({ owner_unit_id: commune, bank_id: communeBank, status: 'published' });
		await studio.updateQuiz(communeAuthor, own, { ...mine, title: 'Kiểm tra của xã' });
		expect((await studio.listQuizzes(communeAuthor, 'vi')).find((q) => q.id === own)).toMatchObject({ title: 'Kiểm tra của xã' });
	});
});

describe('a contest made in the studio', () => {
	it('is created with a new campaign, gets a round, and shows on the contest page with it', async () => {
		const input = parsed(contestForm, {
			campaign_id: 'new', campaign_title: 'Tháng an toàn số', title: 'Đố vui Đà Lạt – Đắk Lắk an toàn số', rules: 'Mỗi người thi tối đa 2 lần.',
			language: 'vi', owner_unit_id: String(province), status: 'published'
		});
		expect(input.slug).toBe('do-vui-da-lat-dak-lak-an-toan-so');
		const contestId = await studio.createContest(provinceAuthor, input);

		const opens = new Date(Date.now() + 3600_000);
		const quizId = await studio.createQuiz(provinceAuthor, parsed(quizForm, quizFields({
			title: 'Đợt 1', owner_unit_id: String(province), bank_id: String(provinceBank), review_policy: 'after_close',
			opens_at: localInput(opens), closes_at: localInput(new Date(opens.getTime() + 7 * 24 * 3600_000))
		})));
		const options = await studio.contestOptions(provinceAuthor);
		expect(options.quizzes.map((q) => q.id)).toContain(quizId);
		await studio.addRound(provinceAuthor, contestId, parsed(roundForm, { quiz_id: String(quizId), number: '1', prediction_prompt: 'Theo bạn, có bao nhiêu người tham gia đợt thi này?' }));

		const contest = await contests.get(ANON, input.slug);
		expect(contest).toMatchObject({ title: input.title, campaignTitle: 'Tháng an toàn số', rules: 'Mỗi người thi tối đa 2 lần.' });
		expect(contest!.rounds).toMatchObject([{ number: 1, quizId, state: 'upcoming', predictionPrompt: 'Theo bạn, có bao nhiêu người tham gia đợt thi này?' }]);
		await expect(studio.createContest(provinceAuthor, { ...input, campaign_id: null, campaign_slug: 'khac' })).rejects.toMatchObject({ field: 'slug', key: 'studio_contest.errors.slug_taken' });

		await expect(studio.addRound(provinceAuthor, contestId, parsed(roundForm, { quiz_id: String(quizId), number: '2' })))
			.rejects.toMatchObject({ field: 'quiz_id', key: 'studio_contest.errors.round_quiz_taken' });
		const round = (await studio.getContest(provinceAuthor, contestId))!.rounds[0];
		await studio.removeRound(provinceAuthor, contestId, round.id);
		expect((await contests.get(ANON, input.slug))!.rounds).toEqual([]);
	});

	it('refuses a round whose quiz has no window, with the studio\'s message', async () => {
		const contestId = await studio.createContest(provinceAuthor, parsed(contestForm, {
			campaign_id: 'new', campaign_title: 'Chiến dịch thử', title: 'Cuộc thi thử', language: 'vi', owner_unit_id: String(province), status: 'draft'
		}));
		const quizId = await studio.createQuiz(provinceAuthor, parsed(quizForm, quizFields({ owner_unit_id: String(province), bank_id: String(provinceBank) })));
		expect((await studio.contestOptions(provinceAuthor)).unwindowed.map((q) => q.id)).toContain(quizId);
		await expect(studio.addRound(provinceAuthor, contestId, parsed(roundForm, { quiz_id: String(quizId), number: '1' }))).rejects.toMatchObject({
			field: 'quiz_id', key: 'studio_contest.errors.round_needs_window'
		});
	});
});

describe('the studio forms', () => {
	const errors = (schema: v.GenericSchema, fields: Record<string, string>) => {
		const result = parseForm(schema, form(fields));
		return result.ok ? {} : result.errors;
	};

	it('name each wrong quiz field with its message', () => {
		expect(errors(quizForm, quizFields({
			title: ' ', owner_unit_id: '1', bank_id: '', draw_count: '0', time_limit_minutes: '241', max_attempts: '1.5', pass_percent: '101',
			review_policy: 'after_close', opens_at: '2026-12-01T08:00', required: 'on'
		}))).toEqual({
			title: 'studio_quiz.errors.title_required', bank_id: 'studio_quiz.errors.bank_required', draw_count: 'studio_quiz.errors.draw_count_invalid',
			time_limit_minutes: 'studio_quiz.errors.time_limit_invalid', max_attempts: 'studio_quiz.errors.max_attempts_invalid',
			pass_percent: 'studio_quiz.errors.pass_percent_invalid', review_policy: 'studio_quiz.errors.review_needs_close',
			required: 'studio_quiz.errors.required_needs_course'
		});
		expect(errors(quizForm, quizFields({ owner_unit_id: '1', bank_id: '1', opens_at: '2026-12-01T08:00', closes_at: '2026-12-01T07:59' })))
			.toEqual({ closes_at: 'studio_quiz.errors.window_order' });
		expect(errors(quizForm, quizFields({ owner_unit_id: '1', bank_id: '1', opens_at: '2026-02-30T08:00', status: 'live' })))
			.toEqual({ opens_at: 'studio_quiz.errors.time_invalid', status: 'studio_quiz.errors.status_invalid' });
	});

	it('read times in the province\'s zone and show them back the same way', () => {
		expect(zonedInstant('2026-12-01T08:00')!.toISOString()).toBe('2026-12-01T01:00:00.000Z');
		expect(localInput(new Date('2026-12-31T17:30:00Z'))).toBe('2027-01-01T00:30');
		expect(parsed(quizForm, quizFields({ owner_unit_id: '1', bank_id: '1', closes_at: '2026-12-01T23:59' })).closes_at).toEqual(new Date('2026-12-01T16:59:00Z'));
	});

	it('suggest a contest address from the title and refuse what cannot be one', () => {
		expect(slugify('Cuộc thi “Đường đến Điện Biên” 2026!')).toBe('cuoc-thi-duong-den-dien-bien-2026');
		expect(errors(contestForm, { campaign_id: 'new', title: '!!!', owner_unit_id: '1', language: 'vi', status: 'draft' })).toEqual({
			campaign_title: 'studio_contest.errors.campaign_title_required'
		});
		expect(errors(contestForm, { campaign_id: '3', title: '!!!', owner_unit_id: '1', language: 'vi', status: 'draft' })).toEqual({
			slug: 'studio_contest.errors.slug_invalid'
		});
		expect(errors(contestForm, { campaign_id: '3', campaign_title: 'Chiến dịch mới', title: 'Đố vui', owner_unit_id: '1', language: 'vi', status: 'draft' })).toEqual({
			campaign_id: 'studio_contest.errors.campaign_ambiguous'
		});
		expect(errors(roundForm, { quiz_id: '', number: '101', prediction_truth: '-1' })).toEqual({
			quiz_id: 'studio_contest.errors.round_quiz_required', number: 'studio_contest.errors.round_number_invalid',
			prediction_truth: 'studio_contest.errors.truth_invalid'
		});
	});
});
