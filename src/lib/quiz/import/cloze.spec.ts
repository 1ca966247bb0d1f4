import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { QUESTION_LIMITS, type QuestionDraft } from '#lib/quiz/question.ts';
import { parseMoodleXml } from './moodle-xml.ts';

/** A Moodle XML file holding one cloze question with the given question text (HTML, in CDATA). */
function clozeFile(text: string, format = 'html'): string {
	return `<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n<question type="cloze"><name><text>Điền khuyết</text></name><questiontext format="${format}"><text><![CDATA[${text}]]></text></questiontext></question>\n</quiz>\n`;
}

function cloze(text: string, format?: string): QuestionDraft {
	const result = parseMoodleXml(clozeFile(text, format));
	if (!result.ok) throw new Error(JSON.stringify(result.errors));
	return result.questions[0];
}

function gapKey(text: string) {
	const { key } = cloze(text);
	if (key.kind !== 'cloze') throw new Error(key.kind);
	return key.gaps;
}

describe('Moodle cloze questions', () => {
	const sample = readFileSync(new URL('./fixtures/moodle-cloze.xml', import.meta.url), 'utf8');

	it('read the sample with gaps of every kind, in order, the prompt showing blanks', () => {
		const result = parseMoodleXml(sample);
		if (!result.ok) throw new Error(JSON.stringify(result.errors));
		const [q, essay] = result.questions;
		expect(q).toMatchObject({
			kind: 'cloze',
			title: 'Chuyển tiền an toàn',
			promptFormat: 'plain',
			explanation: 'Luôn tự mở ứng dụng ngân hàng để kiểm tra.',
			category: ['Điền khuyết'],
			// As Moodle does, the question is worth the sum of its gaps' points.
			points: 8
		});
		expect(q.prompt).toBe(
			'Trước khi chuyển tiền, hãy kiểm tra tên người nhận _____.\nMã xác nhận một lần gọi là mã _____.\nHạn mức mỗi lần chuyển là _____ đồng.\nNhững thông tin cần giữ bí mật: _____.\nTên tổng đài (viết hoa đúng): _____; kiểu chọn ngang: _____.'
		);
		expect(q.content).toMatchObject({
			kind: 'cloze',
			text: 'Trước khi chuyển tiền, hãy kiểm tra tên người nhận {#1}.\nMã xác nhận một lần gọi là mã {#2}.\nHạn mức mỗi lần chuyển là {#3} đồng.\nNhững thông tin cần giữ bí mật: {#4}.\nTên tổng đài (viết hoa đúng): {#5}; kiểu chọn ngang: {#6}.',
			gaps: [
				{ kind: 'single', options: [{ text: 'hiện trên ứng dụng' }, { text: 'do người gọi đọc cho' }, { text: 'trong tin nhắn lạ' }] },
				{ kind: 'short_text' },
				{ kind: 'numeric' },
				{ kind: 'multiple', options: [{ text: 'mật khẩu' }, { text: 'mã OTP' }, { text: 'số điện thoại của ngân hàng' }] },
				{ kind: 'short_text' },
				{ kind: 'single', options: [{ text: 'Có' }, { text: 'Không' }] }
			]
		});
		expect(q.key).toEqual({
			kind: 'cloze',
			gaps: [
				{ kind: 'single', correct: 'a', feedback: { a: 'Đúng.', b: 'Kẻ gian hay đọc tên giả.' }, points: 1 },
				{
					kind: 'short_text',
					answers: ['OTP', 'mã xác thực'],
					accentInsensitive: false,
					weights: [100, 50],
					feedback: ['Chính xác!', 'Đúng ý, nhưng tên thường gọi là OTP.'],
					points: 2
				},
				{ kind: 'numeric', value: 10000000, tolerance: 0, feedback: 'Đúng.', partial: [{ value: 10000000, tolerance: 1000000, weight: 50, feedback: 'Gần đúng.' }], points: 1 },
				// "=a~=b~c": Moodle's shares, which are our default rule
				{ kind: 'multiple', correct: ['a', 'b'], points: 2 },
				{ kind: 'short_text', answers: ['CSKH'], accentInsensitive: false, points: 1 },
				{ kind: 'single', correct: 'b', points: 1 }
			]
		});
		expect(q.notKept).toEqual([{ code: 'wrong_answer_feedback' }, { code: 'case_sensitivity' }, { code: 'html_formatting' }]);
		expect(essay).toMatchObject({ kind: 'essay', points: 5, key: { kind: 'essay', graderInfo: 'Cho đủ điểm nếu bài nêu được dấu hiệu lừa đảo.' } });
	});

	it.each([
		['MULTICHOICE', 'single'],
		['MC', 'single'],
		['MULTICHOICE_V', 'single'],
		['MCV', 'single'],
		['MULTICHOICE_H', 'single'],
		['MCH', 'single'],
		['MULTICHOICE_S', 'single'],
		['MCS', 'single'],
		['MULTICHOICE_VS', 'single'],
		['MCVS', 'single'],
		['MULTICHOICE_HS', 'single'],
		['MCHS', 'single'],
		['MULTIRESPONSE', 'multiple'],
		['MR', 'multiple'],
		['MULTIRESPONSE_H', 'multiple'],
		['MRH', 'multiple'],
		['MULTIRESPONSE_S', 'multiple'],
		['MRS', 'multiple'],
		['MULTIRESPONSE_HS', 'multiple'],
		['MRHS', 'multiple'],
		['SHORTANSWER', 'short_text'],
		['SA', 'short_text'],
		['MW', 'short_text'],
		['SHORTANSWER_C', 'short_text'],
		['SAC', 'short_text'],
		['MWC', 'short_text'],
		['NUMERICAL', 'numeric'],
		['NM', 'numeric']
	])('read the type %s as a %s gap', (type, kind) => {
		const answers = kind === 'numeric' ? '=5' : '=5~6';
		const q = cloze(`Câu {1:${type}:${answers}} hết.`);
		expect(q.content).toMatchObject({ gaps: [{ kind }] });
		expect(q.notKept).toEqual(['SHORTANSWER_C', 'SAC', 'MWC'].includes(type) ? [{ code: 'case_sensitivity' }] : []);
	});

	it('take the leading number as the gap points, 1 when missing', () => {
		expect(gapKey('{3:SA:=a} {:SA:=b} {SA:=c}').map((gap) => gap.points)).toEqual([3, 1]);
		expect(cloze('{3:SA:=a} {:SA:=b}').points).toBe(4);
	});

	it.each([
		['{1:MR:=a~=b~c~d}', { correct: ['a', 'b'] }],
		['{1:MR:%50%a~%50%b~%-100%c}', { correct: ['a', 'b'], weights: { a: 50, b: 50, c: -100 } }],
		// Moodle scales the positive fractions to add up to 100 %, and leaves written negative ones alone.
		['{1:MR:=a~%50%b~c~%-50%d}', { correct: ['a', 'b'], weights: { a: 66.66667, b: 33.33333, c: 0, d: -50 } }],
		['{1:MR:%25%a~%25%b~c}', { correct: ['a', 'b'], weights: { a: 50, b: 50, c: 0 } }],
		['{1:MR:%50%a~%40%b}', { correct: ['a', 'b'], weights: { a: 55.55556, b: 44.44444 } }]
	])('weigh multiple-response gaps as Moodle does (%s)', (gap, key) => {
		expect(gapKey(`Chọn ${gap}`)).toEqual([{ kind: 'multiple', points: 1, ...key }]);
	});

	it('keep single-choice weights, feedback and escaped characters', () => {
		expect(gapKey('{1:MC:=a\\}b#Đúng \\#1~%50%c\\~d#Gần~e}')).toEqual([
			{ kind: 'single', correct: 'a', weights: { a: 100, b: 50, c: 0 }, feedback: { a: 'Đúng #1', b: 'Gần' }, points: 1 }
		]);
		expect(cloze('{1:MC:=a\\}b~c\\~d}').content).toMatchObject({ gaps: [{ options: [{ text: 'a}b' }, { text: 'c~d' }] }] });
	});

	it('read numbers with a decimal comma or point, tolerance and partial credit', () => {
		expect(gapKey('{2:NM:=2,5:0,1#Đúng~%50%2:1~%0%3#Nhầm~*#Sai}')).toEqual([
			{ kind: 'numeric', value: 2.5, tolerance: 0.1, feedback: 'Đúng', partial: [{ value: 2, tolerance: 1, weight: 50 }], points: 2 }
		]);
		expect(cloze('{1:NM:=2~*#Sai}').notKept).toEqual([{ code: 'wrong_answer_feedback' }]);
	});

	it('decode HTML characters in answers and keep "&#…;" whole, whose "#" is not feedback', () => {
		expect(cloze('{1:SA:=R&amp;D~%50%&#272;à Nẵng}').key).toMatchObject({ gaps: [{ answers: ['R&D', 'Đà Nẵng'] }] });
	});

	it('keep the gaps when the text is plain or Markdown, Markdown read as the plain text a reader sees', () => {
		expect(cloze('Viết <b> {1:SA:=a} xong', 'plain_text')).toMatchObject({ promptFormat: 'plain', prompt: 'Viết <b> _____ xong', content: { text: 'Viết <b> {#1} xong' } });
		expect(cloze('**Đậm** {1:SA:=a}', 'markdown')).toMatchObject({
			promptFormat: 'plain', prompt: 'Đậm _____', content: { text: 'Đậm {#1}' }, notKept: [{ code: 'cloze_formatting' }]
		});
	});

	it.each([
		['Không có chỗ trống nào', 'no_gaps'],
		['Kiểu lạ {1:REGEXP:=a}', 'invalid_gap', 'REGEXP'],
		['Trống {1:SA:}', 'invalid_gap', 'SA'],
		['Viết {#1} ở đây {1:SA:=a}', 'invalid_gap_markers'],
		['Viết &#123;#1} ở đây {1:SA:=a}', 'invalid_gap_markers'],
		['{0:SA:=a}', 'invalid_gap_points', String(QUESTION_LIMITS.gapPointsMax)],
		['{101:SA:=a}', 'invalid_gap_points', String(QUESTION_LIMITS.gapPointsMax)],
		['{1:SA:%50%a}', 'no_correct_answer'],
		['{1:MC:=a~=b}', 'too_many_correct'],
		['{1:MC:=a}', 'too_few_choices', '2'],
		['{1:MC:=a~%150%b}', 'invalid_weights'],
		['{1:NM:=hai}', 'invalid_number'],
		['{1:SA:=Hà*}', 'wildcard_answer'],
		[Array.from({ length: QUESTION_LIMITS.gapsMax + 1 }, () => '{1:SA:=a}').join(' '), 'too_many_gaps', String(QUESTION_LIMITS.gapsMax)]
	])('refuse %j with %s', (text, code, detail?: string) => {
		const error = detail ? { code, line: 3, question: 1, detail } : { code, line: 3, question: 1 };
		expect(parseMoodleXml(clozeFile(text))).toEqual({ ok: false, errors: [error] });
	});
});
