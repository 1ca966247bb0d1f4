import { describe, expect, it } from 'vitest';
import { QUESTION_LIMITS, type QuestionDraft } from '#lib/quiz/question.ts';
import vi from '#lib/i18n/locales/vi.staff.json' with { type: 'json' };
import en from '#lib/i18n/locales/en.staff.json' with { type: 'json' };
import { IMPORT_ERROR_CODES, parseQuestionFile, validateDraft, type ImportErrorCode } from './result.ts';
import { importError } from './validate.ts';

const L = QUESTION_LIMITS;
const opts = (...texts: string[]) => texts.map((text, i) => ({ id: String.fromCharCode(97 + i), text }));

function draft(partial: Pick<QuestionDraft, 'kind' | 'content' | 'key'> & Partial<QuestionDraft>): QuestionDraft {
	return { title: null, prompt: 'Câu hỏi', explanation: null, points: 1, ...partial };
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

describe('validateDraft', () => {
	it.each([single, multiple, ordering, matching, shortText, numeric, trueFalse].map((q) => [q.kind, q] as const))('accepts a well-formed %s', (_, q) => {
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
		expect(validateDraft({ ...trueFalse, kind: 'essay' as QuestionDraft['kind'] })).toBe('invalid_key');
		expect(validateDraft({ ...trueFalse, key: { kind: 'true_false', correct: 'yes' as unknown as boolean } })).toBe('invalid_key');
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

const messages: Record<'vi' | 'en', Record<string, string>> = { vi: vi.quiz_import, en: en.quiz_import };

describe('the import messages in the locale files', () => {
	// Codes whose detail the parsers always give; the others get the limit they concern, if any.
	const DETAILED: ImportErrorCode[] = ['unsupported_question_type', 'invalid_xml', 'unsupported_file_type'];
	const hasDetail = (code: ImportErrorCode) => DETAILED.includes(code) || importError(code, 1, null).detail !== undefined;

	it.each(['vi', 'en'] as const)('has one %s message per error code', (language) => {
		expect(Object.keys(messages[language]).sort()).toEqual([...IMPORT_ERROR_CODES].sort());
		for (const message of Object.values(messages[language])) expect(message.trim()).not.toBe('');
	});

	it.each(IMPORT_ERROR_CODES)('uses {{detail}} in %s exactly when there always is one', (code) => {
		for (const language of ['vi', 'en'] as const) {
			const message: string = messages[language][code];
			expect(message.replaceAll('{{detail}}', '')).not.toMatch(/\{\{|\}\}/);
			expect(message.includes('{{detail}}')).toBe(hasDetail(code));
		}
	});

	it('writes Vietnamese with its diacritics', () => {
		for (const message of Object.values(messages.vi)) expect(message).toMatch(/[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/i);
	});
});
