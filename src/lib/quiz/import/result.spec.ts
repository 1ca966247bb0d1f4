import { describe, expect, it } from 'vitest';
import { NOT_KEPT_CODES, QUESTION_LIMITS, type NotKeptCode, type QuestionDraft } from '#lib/quiz/question.ts';
import vi from '#lib/i18n/locales/vi.staff.json' with { type: 'json' };
import en from '#lib/i18n/locales/en.staff.json' with { type: 'json' };
import { IMPORT_ERROR_CODES, parseQuestionFile, validateDraft, type ImportErrorCode } from './result.ts';
import { importError } from './validate.ts';

const L = QUESTION_LIMITS;
const opts = (...texts: string[]) => texts.map((text, i) => ({ id: String.fromCharCode(97 + i), text }));

function draft(partial: Pick<QuestionDraft, 'kind' | 'content' | 'key'> & Partial<QuestionDraft>): QuestionDraft {
	return { title: null, prompt: 'Câu hỏi', promptFormat: 'plain', explanation: null, points: 1, category: [], notKept: [], ...partial };
}

const single = draft({ kind: 'single', content: { kind: 'single', options: opts('a', 'b') }, key: { kind: 'single', correct: 'a' } });
const multiple = draft({ kind: 'multiple', content: { kind: 'multiple', options: opts('a', 'b', 'c') }, key: { kind: 'multiple', correct: ['a', 'c'] } });
const ordering = draft({ kind: 'ordering', content: { kind: 'ordering', items: opts('1', '2', '3') }, key: { kind: 'ordering', order: ['c', 'a', 'b'] } });
const matching = draft({
	kind: 'matching',
	content: { kind: 'matching', left: opts('x', 'y'), right: opts('1', '2', '3') },
	key: { kind: 'matching', pairs: { a: 'b', b: 'b' } }
});
const shortText = draft({ kind: 'short_text', content: { kind: 'short_text' }, key: { kind: 'short_text', answers: ['Hà Nội'], accentInsensitive: true } });
const numeric = draft({ kind: 'numeric', content: { kind: 'numeric' }, key: { kind: 'numeric', value: -1.5, tolerance: 0 } });
const trueFalse = draft({ kind: 'true_false', content: { kind: 'true_false' }, key: { kind: 'true_false', correct: false } });
const essay = draft({ kind: 'essay', content: { kind: 'essay' }, key: { kind: 'essay', graderInfo: 'Cho đủ điểm nếu nêu được hai dấu hiệu.' } });
const cloze = draft({
	kind: 'cloze',
	prompt: 'Mã _____ và mật khẩu _____',
	content: { kind: 'cloze', text: 'Mã {#1} và mật khẩu {#2}', gaps: [{ kind: 'single', options: opts('OTP', 'IP') }, { kind: 'short_text' }] },
	key: {
		kind: 'cloze',
		gaps: [
			{ kind: 'single', correct: 'a', points: 1 },
			{ kind: 'short_text', answers: ['bí mật'], accentInsensitive: true, points: 2.5 }
		]
	}
});

describe('validateDraft', () => {
	it.each([single, multiple, ordering, matching, shortText, numeric, trueFalse, essay, cloze].map((q) => [q.kind, q] as const))('accepts a well-formed %s', (_, q) => {
		expect(validateDraft(q)).toBeNull();
	});

	it.each([
		[0, 'invalid_points'],
		[-1, 'invalid_points'],
		[L.pointsMax + 0.01, 'invalid_points'],
		[Number.NaN, 'invalid_points'],
		[Number.POSITIVE_INFINITY, 'invalid_points'],
		[1.234, 'invalid_points'],
		[0.01, null],
		[0.1, null],
		[L.pointsMax, null]
	])('checks points %s', (points, code) => {
		expect(validateDraft({ ...single, points })).toBe(code);
	});

	it.each([
		[{ title: 't'.repeat(L.titleMax) }, null],
		[{ title: 't'.repeat(L.titleMax + 1) }, 'title_too_long'],
		[{ prompt: ' \n\t' }, 'empty_prompt'],
		[{ prompt: 'p'.repeat(L.promptMax) }, null],
		[{ prompt: 'p'.repeat(L.promptMax + 1) }, 'prompt_too_long'],
		[{ prompt: 'ệ'.repeat(L.promptMax) }, null],
		[{ explanation: 'e'.repeat(L.explanationMax + 1) }, 'explanation_too_long']
	])('checks text lengths (%#)', (change, code) => {
		expect(validateDraft({ ...single, ...change })).toBe(code);
	});

	it.each([
		[opts('a'), 'too_few_choices'],
		[opts(...'abcdefghij'), null],
		[opts(...'abcdefghijk'), 'too_many_choices'],
		[opts('a', ' '), 'empty_choice'],
		[opts('a', 'c'.repeat(L.choiceMax)), null],
		[opts('a', 'c'.repeat(L.choiceMax + 1)), 'choice_too_long'],
		[opts('Mã OTP', ' mã  otp '), 'duplicate_choice'],
		[[{ id: 'a', text: 'x' }, { id: 'a', text: 'y' }], 'invalid_key'],
		[[{ id: 'a', text: 'x' }, { id: '', text: 'y' }], 'invalid_key'],
		[[{ id: 'a', text: 'x' }, { id: 'abcdefghi', text: 'y' }], 'invalid_key']
	])('checks the choices (%#)', (options, code) => {
		expect(validateDraft({ ...single, content: { kind: 'single', options } })).toBe(code);
	});

	it.each<[QuestionDraft['key'], ImportErrorCode]>([
		[{ kind: 'single', correct: 'z' }, 'invalid_key'],
		[{ kind: 'multiple', correct: ['a'] }, 'invalid_key']
	])('needs the key of a single choice to name one of its options (%#)', (key, code) => {
		expect(validateDraft({ ...single, key })).toBe(code);
	});

	it.each([
		[[], 'no_correct_answer'],
		[['a', 'z'], 'invalid_key'],
		[['a', 'a'], 'invalid_key'],
		[['a', 'b', 'c'], null]
	])('checks the right answers of a multiple choice %j', (correct, code) => {
		expect(validateDraft({ ...multiple, key: { kind: 'multiple', correct } })).toBe(code);
	});

	it.each([
		[['a', 'b'], 'invalid_key'],
		[['a', 'b', 'b'], 'invalid_key'],
		[['a', 'b', 'c', 'd'], 'invalid_key'],
		[['b', 'c', 'a'], null]
	])('needs the order %j to hold every item once', (order, code) => {
		expect(validateDraft({ ...ordering, key: { kind: 'ordering', order } })).toBe(code);
	});

	it('needs at least two items to order', () => {
		expect(validateDraft({ ...ordering, content: { kind: 'ordering', items: opts('1') }, key: { kind: 'ordering', order: ['a'] } })).toBe('too_few_choices');
	});

	it.each([
		[{ a: 'a' }, 'invalid_key'],
		[{ a: 'a', b: 'z' }, 'invalid_key'],
		[{ a: 'a', b: 'b', c: 'c' }, 'invalid_key'],
		[{ a: 'c', b: 'a' }, null]
	])('needs pairs %j for every left item, to existing right items', (pairs, code) => {
		expect(validateDraft({ ...matching, key: { kind: 'matching', pairs } })).toBe(code);
	});

	it('needs at least two items on each side of a matching', () => {
		const content = { kind: 'matching' as const, left: opts('x', 'y'), right: opts('1') };
		expect(validateDraft({ ...matching, content, key: { kind: 'matching', pairs: { a: 'a', b: 'a' } } })).toBe('too_few_choices');
	});

	it.each([
		[[], 'no_correct_answer'],
		[Array.from({ length: L.answersMax }, (_, i) => `a${i}`), null],
		[Array.from({ length: L.answersMax + 1 }, (_, i) => `a${i}`), 'too_many_answers'],
		[['ok', '  '], 'empty_choice'],
		[['a'.repeat(L.choiceMax + 1)], 'choice_too_long'],
		[[` ${'a'.repeat(L.choiceMax)} `], null]
	])('checks the accepted short answers (%#)', (answers, code) => {
		expect(validateDraft({ ...shortText, key: { kind: 'short_text', answers, accentInsensitive: false } })).toBe(code);
	});

	it.each([
		[Number.NaN, 0, 'invalid_number'],
		[Number.POSITIVE_INFINITY, 0, 'invalid_number'],
		[1, -0.5, 'invalid_number'],
		[1, Number.NaN, 'invalid_number'],
		[0, 0, null],
		[1e9, 1e-9, null]
	])('checks the numeric answer %s ± %s', (value, tolerance, code) => {
		expect(validateDraft({ ...numeric, key: { kind: 'numeric', value, tolerance } })).toBe(code);
	});

	it('needs kind, content and key to agree', () => {
		expect(validateDraft({ ...single, kind: 'multiple' })).toBe('invalid_key');
		expect(validateDraft({ ...trueFalse, key: { kind: 'numeric', value: 1, tolerance: 0 } })).toBe('invalid_key');
		expect(validateDraft({ ...trueFalse, kind: 'essay' })).toBe('invalid_key');
		expect(validateDraft({ ...trueFalse, kind: 'poll' as QuestionDraft['kind'] })).toBe('invalid_key');
		expect(validateDraft({ ...trueFalse, key: { kind: 'true_false', correct: 'yes' as unknown as boolean } })).toBe('invalid_key');
	});

	it.each<[QuestionDraft['key'], ImportErrorCode | null]>([
		[{ kind: 'single', correct: 'a', weights: { a: 100, b: 50 } }, null],
		[{ kind: 'single', correct: 'a', weights: { a: 100, b: -100 } }, null],
		[{ kind: 'single', correct: 'a', weights: { a: 50, b: 100 } }, 'invalid_weights'],
		[{ kind: 'single', correct: 'a', weights: { a: 100, b: 100 } }, 'invalid_weights'],
		[{ kind: 'single', correct: 'a', weights: { a: 100, b: -101 } }, 'invalid_weights'],
		[{ kind: 'single', correct: 'a', weights: { a: 100, b: Number.NaN } }, 'invalid_weights'],
		[{ kind: 'single', correct: 'a', weights: { a: 100 } }, 'invalid_key'],
		[{ kind: 'single', correct: 'a', weights: { a: 100, b: 0, c: 0 } }, 'invalid_key'],
		[{ kind: 'single', correct: 'a', feedback: { a: 'Đúng', b: 'Sai' } }, null],
		[{ kind: 'single', correct: 'a', feedback: { z: 'Sai' } }, 'invalid_key'],
		[{ kind: 'single', correct: 'a', feedback: { b: 'f'.repeat(L.feedbackMax) } }, null],
		[{ kind: 'single', correct: 'a', feedback: { b: 'f'.repeat(L.feedbackMax + 1) } }, 'feedback_too_long']
	])('checks the weights and feedback of a single choice (%#)', (key, code) => {
		expect(validateDraft({ ...single, key })).toBe(code);
	});

	it.each<[QuestionDraft['key'], ImportErrorCode | null]>([
		[{ kind: 'multiple', correct: ['a', 'c'], weights: { a: 50, b: -100, c: 50 } }, null],
		[{ kind: 'multiple', correct: ['a', 'c'], weights: { a: 33.33333, b: 0, c: 66.66667 } }, null],
		[{ kind: 'multiple', correct: ['a', 'c'], weights: { a: 50, b: -100, c: 40 } }, 'invalid_weights'],
		[{ kind: 'multiple', correct: ['a', 'c'], weights: { a: 50, b: 150, c: 50 } }, 'invalid_weights'],
		[{ kind: 'multiple', correct: ['a'], weights: { a: 50, b: 0, c: 50 } }, 'invalid_key'],
		[{ kind: 'multiple', correct: ['a', 'c'], weights: { a: 100, b: 0, c: 0 } }, 'invalid_key']
	])('checks the weights of a multiple choice: the right answers are those they reward, adding up to 100 % (%#)', (key, code) => {
		expect(validateDraft({ ...multiple, key })).toBe(code);
	});

	it.each<[Partial<Extract<QuestionDraft['key'], { kind: 'short_text' }>>, ImportErrorCode | null]>([
		[{ answers: ['a', 'b'], weights: [100, 50] }, null],
		[{ answers: ['a', 'b'], weights: [50, 50] }, 'no_correct_answer'],
		[{ answers: ['a', 'b'], weights: [100, 0] }, 'invalid_weights'],
		[{ answers: ['a', 'b'], weights: [100, 101] }, 'invalid_weights'],
		[{ answers: ['a', 'b'], weights: [100] }, 'invalid_key'],
		[{ answers: ['a', 'b'], feedback: [null, 'Gần đúng'] }, null],
		[{ answers: ['a', 'b'], feedback: ['Đúng'] }, 'invalid_key'],
		[{ answers: ['a', 'b'], feedback: [null, 'f'.repeat(L.feedbackMax + 1)] }, 'feedback_too_long']
	])('checks the weights and feedback of a short answer (%#)', (change, code) => {
		expect(validateDraft({ ...shortText, key: { kind: 'short_text', answers: ['a'], accentInsensitive: false, ...change } })).toBe(code);
	});

	it.each<[Partial<Extract<QuestionDraft['key'], { kind: 'numeric' }>>, ImportErrorCode | null]>([
		[{ feedback: 'Đúng', partial: [{ value: 2, tolerance: 1, weight: 50, feedback: 'Gần' }] }, null],
		[{ partial: [{ value: 2, tolerance: 1, weight: 100 }] }, 'invalid_weights'],
		[{ partial: [{ value: 2, tolerance: 1, weight: 0 }] }, 'invalid_weights'],
		[{ partial: [{ value: 2, tolerance: -1, weight: 50 }] }, 'invalid_number'],
		[{ partial: Array.from({ length: L.answersMax + 1 }, (_, i) => ({ value: i, tolerance: 0, weight: 50 })) }, 'too_many_answers'],
		[{ feedback: 'f'.repeat(L.feedbackMax + 1) }, 'feedback_too_long'],
		[{ partial: [{ value: 2, tolerance: 0, weight: 50, feedback: 'f'.repeat(L.feedbackMax + 1) }] }, 'feedback_too_long']
	])('checks the feedback and partial answers of a number (%#)', (change, code) => {
		expect(validateDraft({ ...numeric, key: { kind: 'numeric', value: 1, tolerance: 0, ...change } })).toBe(code);
	});

	it.each([
		[{ true: 'Đúng', false: 'Sai' }, null],
		[{ maybe: 'x' }, 'invalid_key'],
		[{ true: 'f'.repeat(L.feedbackMax + 1) }, 'feedback_too_long']
	])('checks true/false feedback %#', (feedback, code) => {
		expect(validateDraft({ ...trueFalse, key: { kind: 'true_false', correct: true, feedback: feedback as { true?: string } } })).toBe(code);
	});

	it.each([
		[undefined, null],
		['g'.repeat(L.explanationMax), null],
		['g'.repeat(L.explanationMax + 1), 'grader_info_too_long']
	])('checks the grader information of an essay (%#)', (graderInfo, code) => {
		expect(validateDraft({ ...essay, key: { kind: 'essay', ...(graderInfo === undefined ? {} : { graderInfo }) } })).toBe(code);
	});

	it.each([
		['Mã {#2} và mật khẩu {#1}', null],
		['Mã {#1} và mật khẩu', 'invalid_gap_markers'],
		['Mã {#1} và {#1} mật khẩu {#2}', 'invalid_gap_markers'],
		['Mã {#1} và mật khẩu {#3}', 'invalid_gap_markers'],
		['Mã {#01} và mật khẩu {#2}', 'invalid_gap_markers'],
		['Mã {#1} và mật khẩu {#2} {#', 'invalid_gap_markers'],
		['t'.repeat(L.promptMax), 'invalid_gap_markers'],
		[`{#1}{#2}${'t'.repeat(L.promptMax)}`, 'prompt_too_long']
	])('needs each gap marked once in a cloze text (%#)', (text, code) => {
		expect(validateDraft({ ...cloze, content: { ...(cloze.content as Extract<QuestionDraft['content'], { kind: 'cloze' }>), text } })).toBe(code);
	});

	it('checks the gaps of a cloze question: their number, kinds, points and keys', () => {
		const content = cloze.content as Extract<QuestionDraft['content'], { kind: 'cloze' }>;
		const key = cloze.key as Extract<QuestionDraft['key'], { kind: 'cloze' }>;
		const withGaps = (gaps: typeof key.gaps, contentGaps = content.gaps, text = content.text) => validateDraft({ ...cloze, content: { ...content, gaps: contentGaps, text }, key: { kind: 'cloze', gaps } });
		expect(withGaps([], [], 'Không có')).toBe('no_gaps');
		const many = Array.from({ length: L.gapsMax + 1 }, (_, i) => i + 1);
		expect(withGaps(many.map(() => key.gaps[1]), many.map(() => ({ kind: 'short_text' })), many.map((n) => `{#${n}}`).join(' '))).toBe('too_many_gaps');
		expect(withGaps([key.gaps[0]])).toBe('invalid_key');
		expect(withGaps([key.gaps[1], key.gaps[0]])).toBe('invalid_key');
		expect(withGaps([{ ...key.gaps[0], points: 0 }, key.gaps[1]])).toBe('invalid_gap_points');
		expect(withGaps([{ ...key.gaps[0], points: L.gapPointsMax + 1 }, key.gaps[1]])).toBe('invalid_gap_points');
		expect(withGaps([{ ...key.gaps[0], points: 1.005 }, key.gaps[1]])).toBe('invalid_gap_points');
		expect(withGaps([{ kind: 'single', correct: 'z', points: 1 }, key.gaps[1]])).toBe('invalid_key');
		expect(withGaps([key.gaps[0], { kind: 'short_text', answers: [], accentInsensitive: false, points: 1 }])).toBe('no_correct_answer');
		expect(withGaps(key.gaps, [{ kind: 'single', options: opts('OTP') }, content.gaps[1]])).toBe('too_few_choices');
		expect(withGaps([key.gaps[0], { kind: 'essay', points: 1 } as unknown as (typeof key.gaps)[number]], [content.gaps[0], { kind: 'essay' } as unknown as (typeof content.gaps)[number]])).toBe('invalid_key');
	});

	it.each([
		[[], null],
		[['Phần 1', 'Lừa đảo'], null],
		[Array.from({ length: L.categoryDepthMax }, () => 'c'.repeat(L.categoryNameMax)), null],
		[Array.from({ length: L.categoryDepthMax + 1 }, () => 'c'), 'category_too_deep'],
		[['c'.repeat(L.categoryNameMax + 1)], 'category_name_too_long'],
		[['Phần 1', ' '], 'invalid_key']
	])('checks the category path (%#)', (category, code) => {
		expect(validateDraft({ ...single, category })).toBe(code);
	});

	it('checks the prompt format and what was not kept', () => {
		expect(validateDraft({ ...single, promptFormat: 'markdown' })).toBeNull();
		expect(validateDraft({ ...single, promptFormat: 'html' as QuestionDraft['promptFormat'] })).toBe('invalid_key');
		expect(validateDraft({ ...single, notKept: [{ code: 'moodle_setting', detail: 'hint' }] })).toBeNull();
		expect(validateDraft({ ...single, notKept: [{ code: 'lost' as NotKeptCode }] })).toBe('invalid_key');
	});
});

describe('parseQuestionFile', () => {
	const gift = 'Câu hỏi {T}';
	const xml = '<?xml version="1.0"?><quiz><question type="truefalse"><questiontext><text>Câu hỏi</text></questiontext><answer fraction="100"><text>true</text></answer></question></quiz>';
	const expected = { ok: true, questions: [{ kind: 'true_false', key: { correct: true } }] };

	it.each(['ngan-hang.gift', 'ngan-hang.txt', 'NGAN-HANG.GIFT', 'ngan-hang', 'báo cáo.v2.txt'])('reads %s as GIFT', (name) => {
		expect(parseQuestionFile(name, gift)).toMatchObject(expected);
	});

	it.each(['ngan-hang.xml', 'ngan-hang.XML', 'ngan-hang.txt', 'ngan-hang.gift', 'ngan-hang.pdf', 'ngan-hang'])('reads Moodle XML named %s', (name) => {
		expect(parseQuestionFile(name, xml)).toMatchObject(expected);
	});

	it('recognises XML by a <quiz> root or a byte order mark before the declaration', () => {
		expect(parseQuestionFile('x', `\n  ${xml.replace('<?xml version="1.0"?>', '')}`)).toMatchObject(expected);
		expect(parseQuestionFile('x', `\uFEFF${xml}`)).toMatchObject(expected);
	});

	it('reads a .xml file as XML even when it is not', () => {
		expect(parseQuestionFile('bank.xml', gift)).toMatchObject({ ok: false, errors: [{ code: 'invalid_xml' }] });
	});

	it.each(['bank.docx', 'bank.pdf', '.gift.bak'])('refuses %s', (name) => {
		const extension = name.slice(name.lastIndexOf('.'));
		expect(parseQuestionFile(name, gift)).toEqual({ ok: false, errors: [{ code: 'unsupported_file_type', line: null, question: 0, detail: extension }] });
	});
});

const { not_kept: viNotKept, ...viErrors } = vi.quiz_import;
const { not_kept: enNotKept, ...enErrors } = en.quiz_import;
const messages: Record<'vi' | 'en', Record<string, string>> = { vi: viErrors, en: enErrors };
const notKeptMessages: Record<'vi' | 'en', Record<string, string>> = { vi: viNotKept, en: enNotKept };

describe('the import messages in the locale files', () => {
	// Codes whose detail the parsers always give; the others get the limit they concern, if any.
	const DETAILED: ImportErrorCode[] = ['unsupported_question_type', 'invalid_xml', 'unsupported_file_type', 'invalid_gap'];
	const hasDetail = (code: ImportErrorCode) => DETAILED.includes(code) || importError(code, 1, null).detail !== undefined;
	// What was not kept names its details (setting names, units) for these codes only.
	const NOT_KEPT_DETAILED: NotKeptCode[] = ['moodle_setting', 'numeric_units'];

	it.each(['vi', 'en'] as const)('has one %s message per error code', (language) => {
		expect(Object.keys(messages[language]).sort()).toEqual([...IMPORT_ERROR_CODES].sort());
		for (const message of Object.values(messages[language])) expect(message.trim()).not.toBe('');
	});

	it.each(['vi', 'en'] as const)('has one %s message per code of what was not kept, with {{detail}} where there always is one', (language) => {
		expect(Object.keys(notKeptMessages[language]).sort()).toEqual([...NOT_KEPT_CODES].sort());
		for (const code of NOT_KEPT_CODES) {
			const message = notKeptMessages[language][code];
			expect(message.replaceAll('{{detail}}', '')).not.toMatch(/\{\{|\}\}/);
			expect(message.includes('{{detail}}')).toBe(NOT_KEPT_DETAILED.includes(code));
		}
	});

	it.each(IMPORT_ERROR_CODES)('uses {{detail}} in %s exactly when there always is one', (code) => {
		for (const language of ['vi', 'en'] as const) {
			const message: string = messages[language][code];
			expect(message.replaceAll('{{detail}}', '')).not.toMatch(/\{\{|\}\}/);
			expect(message.includes('{{detail}}')).toBe(hasDetail(code));
		}
	});

	it('writes Vietnamese with its diacritics', () => {
		for (const message of [...Object.values(messages.vi), ...Object.values(notKeptMessages.vi)]) expect(message).toMatch(/[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/i);
	});
});
