// Demo quizzes and a demo contest: question banks imported from GIFT files (supabase/seed/quizzes/, written
// from the course lessons), a practice quiz, a required final quiz, and a three-round contest whose first
// round has closed with demo participants who took it through the real attempt functions.
// Idempotent: nothing is added once the demo campaign exists.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Tx } from '../db/index.ts';
import { insertDrafts } from '../banks.ts';
import { parseQuestionFile } from '../../quiz/import/result.ts';

const DAY = 24 * 3600 * 1000;
const CAMPAIGN_SLUG = 'phong-chong-lua-dao-truc-tuyen-2026';

const BANKS = [
	{ file: 'lua-dao-truc-tuyen.gift', course: 'nhan-biet-lua-dao-truc-tuyen', title: 'Nhận biết lừa đảo trực tuyến (ngân hàng câu hỏi demo)' },
	{ file: 'an-toan-thong-tin-cho-can-bo.gift', course: 'an-toan-thong-tin-cho-can-bo', title: 'An toàn thông tin cho cán bộ (ngân hàng câu hỏi demo)' }
];

/** Demo participants of the closed round: name, home commune, and how often they answer right. */
const PARTICIPANTS = [
	['Nguyễn Văn An', 'Xã Bác Ái', 0.95], ['Trần Thị Bích', 'Xã Bác Ái', 0.85], ['Lê Văn Cường', 'Xã Bác Ái Tây', 0.8],
	['Phạm Thị Dung', 'Xã Bác Ái Tây', 0.7], ['Hoàng Văn Em', 'Phường Nha Trang', 0.9], ['Huỳnh Thị Giang', 'Phường Nha Trang', 0.6],
	['Võ Minh Hải', 'Phường Phan Rang', 0.75], ['Đặng Thị Kim', 'Phường Phan Rang', 0.85], ['Bùi Văn Long', 'Phường Nha Trang', 0.5],
	['Đỗ Thị Mỹ', 'Xã Bác Ái', 0.65], ['Ngô Văn Nghĩa', 'Phường Phan Rang', 0.9], ['Dương Thị Oanh', 'Xã Bác Ái Tây', 0.55]
] as const;

type Unit = (tx: Tx, name: string) => Promise<number>;

function readBank(file: string) {
	const text = readFileSync(path.join(process.cwd(), 'supabase/seed/quizzes', file), 'utf8');
	const result = parseQuestionFile(file, text);
	if (!result.ok) throw new Error(`demo seed: ${file}: ${JSON.stringify(result.errors.slice(0, 3))}`);
	return result.questions;
}

async function createQuiz(tx: Tx, fields: Record<string, unknown>, bankId: number, draw: number): Promise<number> {
	const [{ id }] = await tx<{ id: number }[]>`insert into public.quiz ${tx(fields)} returning id::int`;
	await tx`insert into public.quiz_pool (quiz_id, bank_id, draw_count) values (${id}, ${bankId}, ${draw})`;
	return id;
}

/** A response to an attempt question (in the attempt's own ids): the key's answer, or (when wrong) a plausible wrong one. */
function respond(kind: string, key: Record<string, unknown>, order: string[], right: boolean): unknown {
	switch (kind) {
		case 'single':
			return { choice: right ? key.correct : (order.find((id) => id !== key.correct) ?? key.correct) };
		case 'multiple': {
			const correct = key.correct as string[];
			return { choices: right ? correct : [correct[0], ...order.filter((id) => !correct.includes(id)).slice(0, 1)] };
		}
		case 'true_false':
			return { value: right ? key.correct : !key.correct };
		case 'short_text':
			return { text: right ? (key.answers as string[])[0] : 'không biết' };
		case 'numeric':
			return { value: right ? key.value : Number(key.value) + 10 };
		case 'ordering':
			return { order: right ? key.order : order };
		case 'matching': {
			const pairs = key.pairs as Record<string, string>;
			if (right) return { pairs };
			const lefts = Object.keys(pairs);
			return { pairs: Object.fromEntries(lefts.map((l, i) => [l, pairs[lefts[(i + 1) % lefts.length]]])) };
		}
		default:
			return null;
	}
}

/** Takes the quiz as the person, through the same functions the site uses, answering right with the odds given. */
async function takeAsParticipant(tx: Tx, personId: string, quizId: number, odds: number, prediction: number, random: () => number) {
	await tx`select set_config('role', 'authenticated', true), set_config('request.jwt.claims', ${JSON.stringify({ sub: personId, role: 'authenticated' })}, true)`;
	const [{ attempt }] = await tx<{ attempt: string }[]>`select public.start_quiz_attempt(${quizId}) as attempt`;
	await tx`select set_config('role', 'none', true), set_config('request.jwt.claims', '', true)`;
	// The attempt's own copy of each question: its ids and order are the ones the participant was shown.
	const questions = await tx<{ position: number; kind: string; key: Record<string, unknown>; shown: string[] }[]>`
		select aq.position, v.kind, aq.key,
			array(select c ->> 'id' from jsonb_array_elements(coalesce(aq.content -> 'options', aq.content -> 'items', aq.content -> 'right', '[]')) c) as shown
		from public.attempt_question aq
		join public.question_version v on v.id = aq.question_version_id where aq.attempt_id = ${attempt}`;
	const answers = Object.fromEntries(questions.map((q) => [String(q.position), respond(q.kind, q.key, q.shown, random() < odds)]));
	await tx`select set_config('role', 'authenticated', true), set_config('request.jwt.claims', ${JSON.stringify({ sub: personId, role: 'authenticated' })}, true)`;
	await tx`select public.save_quiz_answers(${attempt}, ${tx.json(answers as never)})`;
	await tx`select * from public.submit_quiz_attempt(${attempt}, null, ${prediction})`;
	await tx`select set_config('role', 'none', true), set_config('request.jwt.claims', '', true)`;
	return attempt;
}

/** A small deterministic generator, so that every fresh demo gets the same results. */
function seededRandom(seed: number) {
	let state = seed;
	return () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
}

export async function seedQuizzes(tx: Tx, unit: Unit, createAccount: (name: string, email: string, homeUnitId: number) => Promise<string>): Promise<number> {
	const [exists] = await tx`select 1 from public.campaign where slug = ${CAMPAIGN_SLUG}`;
	if (exists) return 0;
	const province = await unit(tx, 'Tỉnh Khánh Hòa');
	const bankIds: number[] = [];
	for (const bank of BANKS) {
		const [{ id }] = await tx<{ id: number }[]>`
			insert into public.question_bank (title, course_id, owner_unit_id)
			select ${bank.title}, c.id, ${province} from public.course c where c.slug = ${bank.course} returning id::int`;
		await insertDrafts(tx, id, readBank(bank.file));
		bankIds.push(id);
	}
	const courseId = async (slug: string) => (await tx<{ id: number }[]>`select id::int from public.course where slug = ${slug}`)[0].id;
	await createQuiz(tx, {
		title: 'Kiểm tra nhanh: bạn có nhận ra lừa đảo?', description: '8 câu hỏi rút ngẫu nhiên để tự kiểm tra sau khi học. Làm bao nhiêu lần cũng được.',
		course_id: await courseId('nhan-biet-lua-dao-truc-tuyen'), owner_unit_id: province, status: 'published', pass_percent: 70
	}, bankIds[0], 8);
	await createQuiz(tx, {
		title: 'Bài kiểm tra cuối khóa: An toàn thông tin', description: 'Bắt buộc để hoàn thành khóa học: 10 câu, 15 phút, đạt từ 80% số điểm.',
		course_id: await courseId('an-toan-thong-tin-cho-can-bo'), required: true, owner_unit_id: province, status: 'published',
		time_limit_seconds: 900, max_attempts: 3, pass_percent: 80
	}, bankIds[1], 10);

	const [{ id: campaignId }] = await tx<{ id: number }[]>`
		insert into public.campaign (slug, title, summary, owner_unit_id, status) values (${CAMPAIGN_SLUG},
			'Toàn dân phòng, chống lừa đảo trực tuyến (demo)',
			'Chiến dịch truyền thông giúp người dân nhận biết và phòng, chống lừa đảo trên không gian mạng.', ${province}, 'published')
		returning id::int`;
	const [{ id: contestId }] = await tx<{ id: number }[]>`
		insert into public.contest (campaign_id, slug, title, rules, owner_unit_id, status) values (${campaignId}, 'tim-hieu-phong-chong-lua-dao-2026',
			'Cuộc thi trắc nghiệm “Tìm hiểu kỹ năng phòng, chống lừa đảo trực tuyến” (demo)',
			${[
				'Đối tượng: mọi người dân đang sinh sống, học tập và làm việc tại tỉnh Khánh Hòa.',
				'Mỗi đợt thi kéo dài một tuần. Mỗi lượt thi gồm 10 câu hỏi rút ngẫu nhiên, làm trong 10 phút; mỗi tài khoản được thi tối đa 2 lượt mỗi đợt, tính lượt có kết quả cao nhất.',
				'Cuối bài, người thi trả lời câu hỏi dự đoán số người tham gia đợt thi.',
				'Xếp hạng theo điểm, rồi thời gian làm bài, rồi độ chính xác của câu dự đoán, rồi thời điểm nộp bài. Kết quả được công bố sau khi đợt thi kết thúc, kèm họ tên, xã, phường và cơ quan của người thi.',
				'Đây là cuộc thi minh họa (dữ liệu demo).'
			].join('\n')}, ${province}, 'published') returning id::int`;
	const now = Date.now();
	const rounds = [
		{ opens: now - 14 * DAY, closes: now + 3600 * 1000 },
		{ opens: now - 1 * DAY, closes: now + 6 * DAY },
		{ opens: now + 6 * DAY, closes: now + 13 * DAY }
	];
	const roundQuizzes: number[] = [];
	for (const [index, round] of rounds.entries()) {
		const quizId = await createQuiz(tx, {
			title: `Đợt ${index + 1}`, owner_unit_id: province, status: 'published', time_limit_seconds: 600, max_attempts: 2,
			pass_percent: 50, review_policy: 'after_close', opens_at: new Date(round.opens), closes_at: new Date(round.closes)
		}, bankIds[0], 10);
		await tx`insert into public.contest_round (contest_id, number, quiz_id, prediction_prompt) values (${contestId}, ${index + 1}, ${quizId},
			'Theo bạn, có bao nhiêu người tham gia đợt thi này?')`;
		roundQuizzes.push(quizId);
	}

	// Round 1 was taken while open; then its dates move a week back, as if it had run then.
	const random = seededRandom(2026);
	const attempts: string[] = [];
	for (const [index, [name, commune, odds]] of PARTICIPANTS.entries()) {
		const person = await createAccount(name, `thisinh${String(index + 1).padStart(2, '0')}@hocso.example`, await unit(tx, commune));
		attempts.push(await takeAsParticipant(tx, person, roundQuizzes[0], odds, 8 + Math.floor(random() * 10), random));
	}
	// The demo official takes part too, so that the ranking by agency has someone in it.
	const [official] = await tx<{ id: string }[]>`select id from auth.users where email = 'official@hocso.example'`;
	if (official) attempts.push(await takeAsParticipant(tx, official.id, roundQuizzes[0], 0.8, 12, random));
	const closedAt = new Date(now - 7 * DAY);
	for (const attempt of attempts) {
		const started = new Date(closedAt.getTime() - (1 + random() * 5) * DAY);
		const duration = Math.round((120 + random() * 420) * 1000);
		await tx`update public.quiz_attempt set started_at = ${started}, deadline_at = ${new Date(started.getTime() + 600_000)},
			submitted_at = ${new Date(started.getTime() + duration)}, duration_ms = ${duration} where id = ${attempt}`;
	}
	await tx`update public.quiz set closes_at = ${closedAt} where id = ${roundQuizzes[0]}`;
	await tx`select public.compute_round_results(r.id) from public.contest_round r where r.quiz_id = ${roundQuizzes[0]}`;
	return 1;
}
