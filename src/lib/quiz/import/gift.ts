// Reads GIFT, Moodle's plain-text question format (https://docs.moodle.org/en/GIFT_format), into question
// drafts. It follows Moodle's own reader (question/format/gift/format.php) so that files exported from Moodle
// read the same here, keeps what authors wrote (weights, feedback, formats, categories), notes what it cannot
// keep, and refuses what we cannot store rather than guessing.
import { QUESTION_LIMITS, type QuestionDraft } from '#lib/quiz/question.ts';
import type { ImportResult } from './result.ts';
import { readCategoryPath } from './category.ts';
import { BLANK, gapMarker, toGap, type Body, type Failure } from './drafts.ts';
import { readAnswers } from './gift-answers.ts';
import { GAP_MARK, giftPlain, hideEscapes, readFormat, showEscapes, sourceFormat } from './gift-text.ts';
import { NotKeptList } from './not-kept.ts';
import { readGappedText, readPrompt } from './text-format.ts';
import { checkFileSize, collect, fileError, type Parsed } from './validate.ts';

/**
 * The prompt and the body of a missing-word question ("Tôi {=đi ~đứng} học."): a cloze question with one gap
 * where the answers were. A true/false, matching or essay block has no gap form: as in Moodle, that question
 * keeps its kind and shows "_____" where the block was.
 */
function missingWord(body: Body, sentence: string): Pick<QuestionDraft, 'prompt' | 'kind' | 'content' | 'key'> | Failure {
	const prompt = sentence.replace(GAP_MARK, BLANK);
	const gap = toGap(body, 1);
	if (gap === null) return { ...body, prompt };
	// "{#1}" marks the gap in the stored text: one the author wrote (as \{#1\}) would be taken for another.
	if (sentence.includes('{#')) return { code: 'invalid_gap_markers' };
	return {
		kind: 'cloze',
		prompt,
		content: { kind: 'cloze', text: sentence.replace(GAP_MARK, gapMarker(1)), gaps: [gap.content] },
		key: { kind: 'cloze', gaps: [gap.key] }
	};
}

function parseQuestion(source: string, category: string[]): Parsed {
	let text = hideEscapes(source).trim();
	let title: string | null = null;
	if (text.startsWith('::')) {
		// Without a closing "::" Moodle drops the opening one and reads the rest as the question.
		const end = text.indexOf('::', 2);
		if (end >= 0) title = showEscapes(text.slice(2, end)).trim() || null;
		text = text.slice(end >= 0 ? end + 2 : 2).trim();
	}
	const open = text.indexOf('{');
	const close = text.indexOf('}');
	// A question without an answer block is a Moodle "description": text only, which a bank has no place for.
	if (open < 0 && close < 0) return { code: 'no_answer_block' };
	if (open < 0 || (close >= 0 && close < open)) return { code: 'stray_brace' };
	if (close < 0) return { code: 'unclosed_answer_block' };
	let block = text.slice(open + 1, close);
	if (block.includes('{')) return { code: 'stray_brace' };
	const after = text.slice(close + 1);
	// GIFT has one answer block, so one blank, per question.
	if (after.includes('{')) return { code: 'several_answer_blocks' };
	if (after.includes('}')) return { code: 'stray_brace' };

	const lost = new NotKeptList();
	const { format, text: before } = readFormat(text.slice(0, open), 'moodle');
	let explanation: string | null = null;
	const general = block.lastIndexOf('####');
	if (general >= 0) {
		explanation = giftPlain(block.slice(general + 4), format, lost) || null;
		block = block.slice(0, general);
	}
	const body = readAnswers(block.trim(), format, lost);
	if ('code' in body) return body;
	// Moodle reads a question whose text ends with its answer block as an ordinary one, any other as missing word.
	const isMissingWord = after.trim() !== '';
	const read = isMissingWord
		? readGappedText(showEscapes(`${before}${GAP_MARK}${after}`), sourceFormat(format), lost)
		: readPrompt(showEscapes(before), sourceFormat(format), lost);
	const question = isMissingWord ? missingWord(body, read.prompt) : { ...body, prompt: read.prompt };
	if ('code' in question) return question;
	// GIFT has no points: every question is worth the default.
	const { kind, prompt, content, key } = question;
	return { draft: { kind, title, prompt, promptFormat: read.promptFormat, explanation, points: 1, content, key, category, notKept: lost.list() } };
}

interface Block {
	/** 1-based line number of each line kept */
	numbers: number[];
	lines: string[];
}

/** Questions are separated by blank lines; "//" comment lines are dropped and do not separate. */
function splitBlocks(text: string): Block[] {
	const blocks: Block[] = [];
	let current: Block | null = null;
	text.split(/\r\n?|\n/).forEach((line, i) => {
		const trimmed = line.trim();
		if (trimmed === '') {
			if (current) blocks.push(current);
			current = null;
		} else if (!trimmed.startsWith('//')) {
			current ??= { numbers: [], lines: [] };
			current.numbers.push(i + 1);
			current.lines.push(line);
		}
	});
	if (current) blocks.push(current);
	return blocks;
}

const CATEGORY = '$CATEGORY:';

/** Reads a GIFT file: every question, or every error found (an import is all or nothing). */
export function parseGift(text: string): ImportResult {
	const tooLarge = checkFileSize(text);
	if (tooLarge) return tooLarge;
	const questions: Block[] = [];
	const categories: string[][] = [];
	// A $CATEGORY: line puts the questions after it, up to the next one, in that category; a question may
	// follow it without a blank line. Its path is taken as written, as Moodle does (no GIFT escapes).
	let category: string[] = [];
	for (const block of splitBlocks(text.replace(/^\uFEFF/, ''))) {
		const first = block.lines[0].trim();
		if (first.startsWith(CATEGORY)) category = readCategoryPath(first.slice(CATEGORY.length));
		const question = first.startsWith(CATEGORY) ? { numbers: block.numbers.slice(1), lines: block.lines.slice(1) } : block;
		if (question.lines.length === 0) continue;
		questions.push(question);
		categories.push(category);
	}
	if (questions.length > QUESTION_LIMITS.importQuestionsMax) return fileError('too_many_questions');
	return collect(questions.map((block, i) => ({ line: block.numbers[0], parsed: parseQuestion(block.lines.join('\n'), categories[i]) })));
}
