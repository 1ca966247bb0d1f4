// The checks every imported question passes (the same rules as the database's check_question_shape and
// column limits), and the bookkeeping both parsers share: file limits, numbering, collecting all errors.
import { QUESTION_KINDS, QUESTION_LIMITS, type Choice, type QuestionDraft } from '#lib/quiz/question.ts';
import type { ImportError, ImportErrorCode, ImportResult } from './result.ts';

const L = QUESTION_LIMITS;

/** Length in characters as Postgres counts them (code points), so emoji count once as in char_length(). */
export function charLength(text: string): number {
	return text.length - (text.match(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g)?.length ?? 0);
}

/** How choice texts are compared for duplicates: a learner cannot tell "Có " from "có". */
export function sameText(text: string): string {
	return text.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

function checkChoices(choices: Choice[]): ImportErrorCode | null {
	if (choices.length < L.choicesMin) return 'too_few_choices';
	if (choices.length > L.choicesMax) return 'too_many_choices';
	const ids = new Set<string>();
	const texts = new Set<string>();
	for (const choice of choices) {
		if (choice.id.length < 1 || choice.id.length > 8 || ids.has(choice.id)) return 'invalid_key';
		ids.add(choice.id);
		if (choice.text.trim() === '') return 'empty_choice';
		if (charLength(choice.text) > L.choiceMax) return 'choice_too_long';
		const text = sameText(choice.text);
		if (texts.has(text)) return 'duplicate_choice';
		texts.add(text);
	}
	return null;
}

function checkShape(draft: QuestionDraft): ImportErrorCode | null {
	const { content, key } = draft;
	if (content.kind !== draft.kind || key.kind !== draft.kind) return 'invalid_key';
	if ((content.kind === 'single' || content.kind === 'multiple') && (key.kind === 'single' || key.kind === 'multiple')) {
		const problem = checkChoices(content.options);
		if (problem) return problem;
		const ids = new Set(content.options.map((o) => o.id));
		const correct = key.kind === 'single' ? [key.correct] : key.correct;
		if (correct.length === 0) return 'no_correct_answer';
		if (new Set(correct).size !== correct.length || !correct.every((id) => ids.has(id))) return 'invalid_key';
		return null;
	}
	if (content.kind === 'ordering' && key.kind === 'ordering') {
		const problem = checkChoices(content.items);
		if (problem) return problem;
		const ids = content.items.map((i) => i.id);
		const order = new Set(key.order);
		const isPermutation = key.order.length === ids.length && order.size === ids.length && ids.every((id) => order.has(id));
		return isPermutation ? null : 'invalid_key';
	}
	if (content.kind === 'matching' && key.kind === 'matching') {
		const problem = checkChoices(content.left) ?? checkChoices(content.right);
		if (problem) return problem;
		const rightIds = new Set(content.right.map((r) => r.id));
		const paired = Object.keys(key.pairs);
		const complete = paired.length === content.left.length && content.left.every((l) => Object.hasOwn(key.pairs, l.id));
		return complete && paired.every((id) => rightIds.has(key.pairs[id])) ? null : 'invalid_key';
	}
	if (key.kind === 'short_text') {
		if (key.answers.length === 0) return 'no_correct_answer';
		if (key.answers.length > L.answersMax) return 'too_many_answers';
		if (key.answers.some((a) => a.trim() === '')) return 'empty_choice';
		if (key.answers.some((a) => charLength(a.trim()) > L.choiceMax)) return 'choice_too_long';
		return typeof key.accentInsensitive === 'boolean' ? null : 'invalid_key';
	}
	if (key.kind === 'numeric') {
		return Number.isFinite(key.value) && Number.isFinite(key.tolerance) && key.tolerance >= 0 ? null : 'invalid_number';
	}
	if (key.kind === 'true_false') return typeof key.correct === 'boolean' ? null : 'invalid_key';
	return 'invalid_key';
}

/** The first rule the draft breaks, or null when it can be stored as it is. */
export function validateDraft(draft: QuestionDraft): ImportErrorCode | null {
	if (!QUESTION_KINDS.includes(draft.kind)) return 'invalid_key';
	// points is numeric(5, 2) in the database: a third decimal would be rounded away silently.
	const { points } = draft;
	if (!Number.isFinite(points) || points <= 0 || points > L.pointsMax || Math.round(points * 100) / 100 !== points) {
		return 'invalid_points';
	}
	if (draft.title !== null && charLength(draft.title) > L.titleMax) return 'title_too_long';
	if (draft.prompt.trim() === '') return 'empty_prompt';
	if (charLength(draft.prompt) > L.promptMax) return 'prompt_too_long';
	if (draft.explanation !== null && charLength(draft.explanation) > L.explanationMax) return 'explanation_too_long';
	return checkShape(draft);
}

/** The limit a code is about, shown as {{detail}} so that messages need not repeat numbers that may change. */
const LIMIT_DETAIL: Partial<Record<ImportErrorCode, string>> = {
	title_too_long: String(L.titleMax),
	prompt_too_long: String(L.promptMax),
	explanation_too_long: String(L.explanationMax),
	choice_too_long: String(L.choiceMax),
	too_few_choices: String(L.choicesMin),
	too_many_choices: String(L.choicesMax),
	too_many_answers: String(L.answersMax),
	invalid_points: String(L.pointsMax),
	too_many_questions: String(L.importQuestionsMax),
	file_too_large: `${L.importBytesMax / 1_000_000} MB`
};

/** An error, with the limit it concerns as detail when there is one and no other detail was given. */
export function importError(code: ImportErrorCode, question: number, line: number | null, detail?: string): ImportError {
	const shown = detail ?? LIMIT_DETAIL[code];
	return shown === undefined ? { code, line, question } : { code, line, question, detail: shown };
}

export function fileError(code: ImportErrorCode, detail?: string, line: number | null = null): ImportResult {
	return { ok: false, errors: [importError(code, 0, line, detail)] };
}

/** The byte-size check, done before any parsing so a huge upload costs nothing. Null when the size is fine. */
export function checkFileSize(text: string): ImportResult | null {
	// A UTF-16 code unit is at least one UTF-8 byte, so a long string is too large without encoding it.
	const tooLarge = text.length > L.importBytesMax || new TextEncoder().encode(text).length > L.importBytesMax;
	return tooLarge ? fileError('file_too_large') : null;
}

/** A question as a parser read it: a draft to validate, or what made it unreadable. */
export type Parsed = { draft: QuestionDraft } | { code: ImportErrorCode; detail?: string };

export interface ParsedAt {
	line: number | null;
	parsed: Parsed;
}

/** Numbers the questions, validates every draft and collects every error: ok only when all are fine. */
export function collect(questions: ParsedAt[]): ImportResult {
	if (questions.length === 0) return fileError('empty_file');
	if (questions.length > L.importQuestionsMax) return fileError('too_many_questions');
	const drafts: QuestionDraft[] = [];
	const errors: ImportError[] = [];
	questions.forEach(({ line, parsed }, index) => {
		const code = 'draft' in parsed ? validateDraft(parsed.draft) : parsed.code;
		if (code === null && 'draft' in parsed) drafts.push(parsed.draft);
		else if (code !== null) errors.push(importError(code, index + 1, line, 'code' in parsed ? parsed.detail : undefined));
	});
	return errors.length > 0 ? { ok: false, errors } : { ok: true, questions: drafts };
}
