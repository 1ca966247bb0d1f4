// What an import of a question file returns, and the entry point that picks the parser for an uploaded file.
import type { QuestionDraft } from '#lib/quiz/question.ts';
import { parseGift } from './gift.ts';
import { parseMoodleXml } from './moodle-xml.ts';

export { validateDraft } from './validate.ts';

/** Every reason an import can fail; each has a message under quiz_import in the locale files. */
export const IMPORT_ERROR_CODES = [
	// the file as a whole (question 0)
	'empty_file',
	'file_too_large',
	'too_many_questions',
	'unsupported_file_type',
	'invalid_xml',
	'forbidden_doctype',
	'not_moodle_xml',
	'unescaped_html',
	// how a question is written
	'no_answer_block',
	'unclosed_answer_block',
	'stray_brace',
	'several_answer_blocks',
	'unsupported_question_type',
	'unmatched_pair',
	'too_many_correct',
	'wildcard_answer',
	'invalid_gap',
	// what a question says (validateDraft)
	'no_correct_answer',
	'invalid_number',
	'invalid_points',
	'empty_prompt',
	'title_too_long',
	'prompt_too_long',
	'explanation_too_long',
	'choice_too_long',
	'empty_choice',
	'duplicate_choice',
	'too_few_choices',
	'too_many_choices',
	'too_many_answers',
	'invalid_key',
	'invalid_weights',
	'feedback_too_long',
	'grader_info_too_long',
	'no_gaps',
	'too_many_gaps',
	'invalid_gap_points',
	'invalid_gap_markers',
	'category_too_deep',
	'category_name_too_long'
] as const;
export type ImportErrorCode = (typeof IMPORT_ERROR_CODES)[number];

export interface ImportError {
	code: ImportErrorCode;
	/** 1-based line where the question (or, for invalid_xml, the fault) starts; null when unknown */
	line: number | null;
	/** 1-based index of the question in the file, categories not counted; 0 for the file as a whole */
	question: number;
	/** shown in the message as {{detail}}: a limit, a question type, the XML parser's complaint */
	detail?: string;
}

/** All or nothing: one bad question makes the whole file fail, so nothing is half imported. */
export type ImportResult = { ok: true; questions: QuestionDraft[] } | { ok: false; errors: ImportError[] };

/**
 * Parses an uploaded question file. The content decides first (an XML declaration or a <quiz> root is
 * Moodle XML whatever the name says), then the extension: .xml is Moodle XML, .gift, .txt or none is GIFT.
 */
export function parseQuestionFile(name: string, text: string): ImportResult {
	const head = text.replace(/^\uFEFF/, '').trimStart().slice(0, 100).toLowerCase();
	if (head.startsWith('<?xml') || head.startsWith('<quiz')) return parseMoodleXml(text);
	const dot = name.lastIndexOf('.');
	const extension = dot > 0 ? name.slice(dot).toLowerCase() : '';
	if (extension === '.xml') return parseMoodleXml(text);
	if (extension === '' || extension === '.gift' || extension === '.txt') return parseGift(text);
	return { ok: false, errors: [{ code: 'unsupported_file_type', line: null, question: 0, detail: extension }] };
}
