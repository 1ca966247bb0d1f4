// The checks every imported question passes (the same rules as the database's check_question_shape and
// column limits), and the bookkeeping both parsers share: file limits, numbering, collecting all errors.
import { NOT_KEPT_CODES, QUESTION_KINDS, QUESTION_LIMITS, type QuestionDraft } from '#lib/quiz/question.ts';
import type { ImportError, ImportErrorCode, ImportResult } from './result.ts';
import { charLength, checkShape, validPoints } from './shape.ts';

export { charLength, sameText } from './shape.ts';

const L = QUESTION_LIMITS;

function checkCategory(category: unknown): ImportErrorCode | null {
	if (!Array.isArray(category)) return 'invalid_key';
	if (category.length > L.categoryDepthMax) return 'category_too_deep';
	for (const name of category) {
		if (typeof name !== 'string' || name.trim() === '') return 'invalid_key';
		if (charLength(name) > L.categoryNameMax) return 'category_name_too_long';
	}
	return null;
}

function validNotKept(notKept: unknown): boolean {
	return Array.isArray(notKept) && notKept.every((item) => typeof item === 'object' && item !== null && NOT_KEPT_CODES.includes(item.code));
}

/** The first rule the draft breaks, or null when it can be stored as it is. */
export function validateDraft(draft: QuestionDraft): ImportErrorCode | null {
	if (!QUESTION_KINDS.includes(draft.kind)) return 'invalid_key';
	if (!validPoints(draft.points, L.pointsMax)) return 'invalid_points';
	if (draft.title !== null && charLength(draft.title) > L.titleMax) return 'title_too_long';
	if (draft.promptFormat !== 'plain' && draft.promptFormat !== 'markdown') return 'invalid_key';
	if (draft.prompt.trim() === '') return 'empty_prompt';
	if (charLength(draft.prompt) > L.promptMax) return 'prompt_too_long';
	if (draft.explanation !== null && charLength(draft.explanation) > L.explanationMax) return 'explanation_too_long';
	const category = checkCategory(draft.category);
	if (category) return category;
	if (!validNotKept(draft.notKept)) return 'invalid_key';
	const { content, key } = draft;
	if (content.kind !== draft.kind || key.kind !== draft.kind) return 'invalid_key';
	return checkShape(content, key);
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
	feedback_too_long: String(L.feedbackMax),
	grader_info_too_long: String(L.explanationMax),
	too_many_gaps: String(L.gapsMax),
	invalid_gap_points: String(L.gapPointsMax),
	category_too_deep: String(L.categoryDepthMax),
	category_name_too_long: String(L.categoryNameMax),
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
