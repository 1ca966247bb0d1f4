// Reads GIFT, Moodle's plain-text question format (https://docs.moodle.org/en/GIFT_format), into question
// drafts. It follows Moodle's own reader (question/format/gift/format.php) so that files exported from Moodle
// read the same here, and it refuses what we cannot store rather than guessing.
import { QUESTION_LIMITS } from '#lib/quiz/question.ts';
import type { ImportResult } from './result.ts';
import { choiceBody, matchingBody, readNumber, shortTextBody, tidyNumber, type Body, type Failure } from './drafts.ts';
import { htmlToText } from './html.ts';
import { checkFileSize, collect, fileError, type Parsed } from './validate.ts';

type Format = 'html' | 'moodle' | 'markdown' | 'plain';

// Escaped characters are swapped for private-use characters before the structure is read, as Moodle does
// with its &&058; placeholders, so that "\=" never starts an answer; they are put back in each text.
const ESCAPED = '\\:#={}~n';
const HIDE: Record<string, string> = Object.fromEntries([...ESCAPED].map((char, i) => [char, String.fromCharCode(0xe000 + i)]));
const SHOW: Record<string, string> = Object.fromEntries([...ESCAPED].map((char) => [HIDE[char], char === 'n' ? '\n' : char]));

function hideEscapes(text: string): string {
	// Private-use characters mean nothing in a question; dropping any already there keeps the swap unambiguous.
	return text.replace(/[\uE000-\uE007]/g, '').replace(/\\([\\:#={}~n])/g, (_, char: string) => HIDE[char]);
}

function showEscapes(text: string): string {
	return text.replace(/[\uE000-\uE007]/g, (hidden) => SHOW[hidden]);
}

const FORMAT = /^\[(html|moodle|markdown|plain)\]/;

/** A text's own [format] marker, or the one it inherits (answers take the question's format). */
function readFormat(text: string, inherited: Format): { format: Format; text: string } {
	const marker = FORMAT.exec(text);
	return marker ? { format: marker[1] as Format, text: text.slice(marker[0].length) } : { format: inherited, text };
}

/** The plain text to store: escapes put back, HTML reduced to text. */
function toText(text: string, format: Format): string {
	// Escapes belong to GIFT, a layer above the HTML: "&\#58;" is the entity &#58; once unescaped.
	return format === 'html' ? htmlToText(showEscapes(text)) : showEscapes(text).trim();
}

/** An answer's or feedback's plain text, read in its own format if it names one. */
function clean(raw: string, inherited: Format): string {
	const { format, text } = readFormat(raw.trim(), inherited);
	return toText(text, format);
}

/** Per-answer feedback ("answer#feedback") is not kept: we have no place for it. */
function dropFeedback(text: string): string {
	const hash = text.indexOf('#');
	return hash < 0 ? text : text.slice(0, hash);
}

/** A leading "%50%" credit, as a percentage, and the text after it. */
function readWeight(text: string): { weight: number; text: string } | null {
	const match = /^%(-?\d+(?:\.\d+)?)%/.exec(text);
	return match ? { weight: Number(match[1]), text: text.slice(match[0].length) } : null;
}

/** Splits an answer block before each marker character; text before the first marker counts if not blank. */
function splitAnswers(block: string, markers: string): Array<{ mark: string; text: string }> {
	const parts: Array<{ mark: string; text: string }> = [];
	let mark = '';
	let start = 0;
	for (let i = 0; i < block.length; i++) {
		if (!markers.includes(block[i])) continue;
		parts.push({ mark, text: block.slice(start, i).trim() });
		mark = block[i];
		start = i + 1;
	}
	parts.push({ mark, text: block.slice(start).trim() });
	if (parts[0].mark === '' && parts[0].text === '') parts.shift();
	return parts;
}

function choices(block: string, format: Format): Body | Failure {
	const options: string[] = [];
	const credits: number[] = [];
	let hasEquals = false;
	for (const part of splitAnswers(block, '~=')) {
		// As in Moodle, "=" means full credit and is never followed by a weight; only "~" answers carry one.
		const weighted = part.mark === '=' ? null : readWeight(part.text);
		hasEquals ||= part.mark === '=';
		credits.push(part.mark === '=' ? 100 : (weighted?.weight ?? 0));
		options.push(clean(dropFeedback(weighted ? weighted.text : part.text), format));
	}
	// Moodle makes a choice with an "=" answer single; without one, the weights say which answers are right.
	return choiceBody(options, credits, hasEquals);
}

function matching(block: string, format: Format): Body | Failure {
	const pairs: Array<[string, string]> = [];
	for (const part of splitAnswers(block, '=')) {
		const arrow = part.text.indexOf('->');
		if (arrow < 0) return { code: 'unmatched_pair' };
		pairs.push([clean(part.text.slice(0, arrow), format), showEscapes(part.text.slice(arrow + 2)).trim()]);
	}
	return matchingBody(pairs);
}

function shortText(block: string, format: Format): Body | Failure {
	const answers: string[] = [];
	for (const part of splitAnswers(block, '=')) {
		const weighted = readWeight(part.text);
		// Partly right answers ("=%50%…") earn nothing here: we only keep the fully right ones.
		if (weighted && weighted.weight < 100) continue;
		answers.push(clean(dropFeedback(weighted ? weighted.text : part.text), format));
	}
	return shortTextBody(answers);
}

/** "3.14:0.01", "1..5" or "3.14" as value and tolerance; null when not numbers. */
function readNumeric(text: string): { value: number; tolerance: number } | null {
	const range = text.indexOf('..');
	if (range > 0) {
		const min = readNumber(text.slice(0, range));
		const max = readNumber(text.slice(range + 2));
		if (min === null || max === null) return null;
		const value = tidyNumber((min + max) / 2);
		return { value, tolerance: tidyNumber(max - value) };
	}
	const colon = text.indexOf(':');
	const value = readNumber(colon > 0 ? text.slice(0, colon) : text);
	const tolerance = colon > 0 ? readNumber(text.slice(colon + 1)) : 0;
	return value === null || tolerance === null ? null : { value, tolerance };
}

function numeric(block: string): Body | Failure {
	// "~" starts feedback for any other answer; "=" starts each of several answers.
	const tilde = block.indexOf('~');
	let found: { value: number; tolerance: number } | null = null;
	for (const part of splitAnswers(tilde < 0 ? block : block.slice(0, tilde), '=')) {
		const weighted = readWeight(part.text);
		const text = dropFeedback(weighted ? weighted.text : part.text).trim();
		if (text === '*') continue; // Moodle's catch-all answer for feedback
		const answer = readNumeric(text);
		if (answer === null) return { code: 'invalid_number' };
		if (found === null && (weighted?.weight ?? 100) >= 100) found = answer;
	}
	if (found === null) return { code: 'no_correct_answer' };
	return { kind: 'numeric', content: { kind: 'numeric' }, key: { kind: 'numeric', ...found } };
}

/** Decides the kind as Moodle does, in the same order: the first rule that fits wins. */
function readAnswers(block: string, format: Format): Body | Failure {
	if (block === '') return { code: 'unsupported_question_type', detail: 'essay' };
	if (block.startsWith('#')) return numeric(block.slice(1));
	if (block.includes('~')) return choices(block, format);
	if (block.includes('=') && block.includes('->')) return matching(block, format);
	const truth = dropFeedback(block).trim().toUpperCase();
	if (truth === 'T' || truth === 'TRUE' || truth === 'F' || truth === 'FALSE') {
		const correct = truth.startsWith('T');
		return { kind: 'true_false', content: { kind: 'true_false' }, key: { kind: 'true_false', correct } };
	}
	return shortText(block, format);
}

function parseQuestion(source: string): Parsed {
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
	if (open < 0 && close < 0) return { code: 'no_answer_block' };
	if (open < 0 || (close >= 0 && close < open)) return { code: 'stray_brace' };
	if (close < 0) return { code: 'unclosed_answer_block' };
	let block = text.slice(open + 1, close);
	if (block.includes('{')) return { code: 'stray_brace' };
	if (text.slice(close + 1).trim() !== '') return { code: 'missing_word_format' };

	const { format, text: question } = readFormat(text.slice(0, open).trim(), 'moodle');
	let explanation: string | null = null;
	const general = block.lastIndexOf('####');
	if (general >= 0) {
		explanation = clean(block.slice(general + 4), format) || null;
		block = block.slice(0, general);
	}
	const body = readAnswers(block.trim(), format);
	if ('code' in body) return body;
	// GIFT has no points: every question is worth the default.
	const prompt = toText(question, format);
	return { draft: { kind: body.kind, title, prompt, explanation, points: 1, content: body.content, key: body.key } };
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
	// A $CATEGORY: line names a Moodle category, which has no counterpart here; a question may follow it.
	return blocks.flatMap((block) => {
		if (!block.lines[0].trim().startsWith('$CATEGORY:')) return [block];
		return block.lines.length > 1 ? [{ numbers: block.numbers.slice(1), lines: block.lines.slice(1) }] : [];
	});
}

/** Reads a GIFT file: every question, or every error found (an import is all or nothing). */
export function parseGift(text: string): ImportResult {
	const tooLarge = checkFileSize(text);
	if (tooLarge) return tooLarge;
	const blocks = splitBlocks(text.replace(/^\uFEFF/, ''));
	if (blocks.length > QUESTION_LIMITS.importQuestionsMax) return fileError('too_many_questions');
	return collect(blocks.map((block) => ({ line: block.numbers[0], parsed: parseQuestion(block.lines.join('\n')) })));
}
