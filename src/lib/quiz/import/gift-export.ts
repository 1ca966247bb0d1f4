// Writes question drafts as GIFT, to take a bank to Moodle or edit it as text; parseGift reads it back
// unchanged: weights, per-answer and general feedback, Markdown prompts, categories, essays, and a cloze
// question with one gap as GIFT's missing-word form. What GIFT has no way to say is lost: points, accent
// tolerance of short answers, an essay's grader information. Ordering questions and cloze questions with
// several gaps have no GIFT form at all: they are left out and listed.
import type { ChoiceFeedback, GapContent, GapKey, QuestionContent, QuestionDraft, QuestionKey, Weights } from '#lib/quiz/question.ts';
import { writeCategoryPath } from './category.ts';
import { gapMarker } from './drafts.ts';
import { changedAsMarkdown } from './text-format.ts';

export type ExportQuestion = QuestionDraft;

/** Every character GIFT gives a meaning to, escaped; line breaks as \n so that a text stays on one line. */
function escape(text: string): string {
	return text.replace(/[\\~=#{}:]/g, '\\$&').replaceAll('\n', '\\n');
}

/**
 * A text as GIFT reads it back: a leading [html], [plain]… would be read as a format marker and a leading //
 * as a comment, and in a Markdown question answers are read as Markdown; an explicit [plain] keeps them as text.
 */
function writeText(text: string, markdown = false): string {
	const plain = /^\[(html|moodle|markdown|plain)\]/.test(text) || text.startsWith('//') || (markdown && changedAsMarkdown(text));
	return plain ? `[plain]${escape(text)}` : escape(text);
}

/**
 * Prompt text keeps its line breaks where that is safe, for people who edit the file: a blank line would end
 * the question and a line starting with // would be a comment, so those breaks are written as \n.
 */
function writeLines(text: string, start: (line: string) => string): string {
	return text.split('\n').reduce((written, line, i) => {
		if (i === 0) return start(line);
		const breakable = line.trim() !== '' && !line.trim().startsWith('//');
		return written + (breakable ? '\n' : '\\n') + escape(line);
	}, '');
}

/** Weights with the five decimals Moodle's fractions have (33.33333), never in exponent notation. */
function weight(value: number): string {
	return String(Number(value.toFixed(5)));
}

/** An answer after "~" or "=": one starting with "%" would be read as a weight ("%50%"), so it gets its own. */
function weighted(text: string, credit: number, markdown: boolean): string {
	const written = writeText(text, markdown);
	return written.startsWith('%') ? `%${weight(credit)}%${written}` : written;
}

function feedback(text: string | null | undefined, markdown: boolean): string {
	return text ? `#${writeText(text, markdown)}` : '';
}

type ChoiceKey = { kind: 'single'; correct: string; weights?: Weights; feedback?: ChoiceFeedback } | { kind: 'multiple'; correct: string[]; weights?: Weights; feedback?: ChoiceFeedback };
type AnswerContent = QuestionContent | GapContent;
type AnswerKey = QuestionKey | GapKey;

function choiceLines(options: { id: string; text: string }[], key: ChoiceKey, markdown: boolean): string[] {
	// Without weights, each right choice of a multiple choice earns an equal share and each wrong one takes a
	// share away, as our grading does; five decimals give the shares Moodle accepts (33.33333, 16.66667, …).
	const share = key.kind === 'multiple' ? 100 / key.correct.length : 0;
	const credit = (id: string) => key.weights?.[id] ?? (key.kind === 'single' ? (id === key.correct ? 100 : 0) : key.correct.includes(id) ? share : -share);
	return options.map((o) => {
		const said = feedback(key.feedback?.[o.id], markdown);
		// "=" marks the right answer of a single choice; a multiple choice has none, which is how GIFT tells them apart.
		if (key.kind === 'single' && o.id === key.correct) return `=${writeText(o.text, markdown)}${said}`;
		const value = credit(o.id);
		return value === 0 ? `~${weighted(o.text, 0, markdown)}${said}` : `~%${weight(value)}%${writeText(o.text, markdown)}${said}`;
	});
}

/** The answer lines of a choice, matching or short-answer question, or null when GIFT cannot say it. */
function answerLines(content: AnswerContent, key: AnswerKey, markdown: boolean): string[] | null {
	if ((content.kind === 'single' || content.kind === 'multiple') && (key.kind === 'single' || key.kind === 'multiple')) {
		return choiceLines(content.options, key, markdown);
	}
	if (content.kind === 'matching' && key.kind === 'matching') {
		// The first "->" separates the sides, so a left side cannot contain one.
		if (content.left.some((l) => l.text.includes('->'))) return null;
		const paired = new Set(Object.values(key.pairs));
		const pairs = content.left.map((l) => {
			const right = content.right.find((r) => r.id === key.pairs[l.id]);
			return `=${writeText(l.text, markdown)} -> ${escape(right?.text ?? '')}`;
		});
		return [...pairs, ...content.right.filter((r) => !paired.has(r.id)).map((r) => `= -> ${escape(r.text)}`)];
	}
	if (key.kind === 'short_text') {
		// "->" would make it a matching question; a star is written \* since a bare one means "anything".
		if (key.answers.some((a) => a.includes('->'))) return null;
		return key.answers.map((a, i) => {
			const credit = key.weights?.[i] ?? 100;
			const text = credit === 100 ? weighted(a, 100, markdown) : `%${weight(credit)}%${writeText(a, markdown)}`;
			return `=${text.replaceAll('*', '\\*')}${feedback(key.feedback?.[i], markdown)}`;
		});
	}
	return null;
}

function numericAnswer(value: number, tolerance: number): string {
	return `${value}${tolerance > 0 ? `:${tolerance}` : ''}`;
}

/** The {…} answer block, on one line for the kinds whose answer is a single word or number. */
function answerBlock(content: AnswerContent, key: AnswerKey, explanation: string | null, markdown: boolean): string | null {
	const general = explanation ? `####${writeText(explanation, markdown)}` : '';
	if (key.kind === 'essay') return `{${general}}`;
	if (key.kind === 'true_false') {
		// Moodle's order: the feedback for a wrong answer first, then the one for a right answer.
		const right = key.feedback?.[key.correct ? 'true' : 'false'];
		const wrong = key.feedback?.[key.correct ? 'false' : 'true'];
		const said = wrong || right ? `#${wrong ? writeText(wrong, markdown) : ''}${right ? `#${writeText(right, markdown)}` : ''}` : '';
		return `{${key.correct ? 'TRUE' : 'FALSE'}${said}${general}}`;
	}
	if (key.kind === 'numeric') {
		const first = `${numericAnswer(key.value, key.tolerance)}${feedback(key.feedback, markdown)}`;
		if (!key.partial?.length) return `{#${first}${general}}`;
		const partial = key.partial.map((p) => `=%${weight(p.weight)}%${numericAnswer(p.value, p.tolerance)}${feedback(p.feedback, markdown)}`);
		return ['{#', ...[`=${first}`, ...partial, ...(general ? [general] : [])].map((line) => `\t${line}`), '}'].join('\n');
	}
	const lines = answerLines(content, key, markdown);
	if (lines === null) return null;
	return ['{', ...lines.map((line) => `\t${line}`), ...(general ? [`\t${general}`] : []), '}'].join('\n');
}

/** The question's text and block, or null when GIFT cannot say it. */
function writeQuestion(question: QuestionDraft): string | null {
	const markdown = question.promptFormat === 'markdown';
	// After a [markdown] marker nothing at the start of the prompt can be mistaken for another marker or a comment.
	const start = markdown ? (line: string) => `[markdown]${escape(line)}` : (line: string) => writeText(line);
	const { content, key } = question;
	if (content.kind === 'cloze' && key.kind === 'cloze') {
		// GIFT's missing-word form holds one gap, with text around it (text before it alone reads back as an
		// ordinary question of the gap's kind, which grades the same).
		const [before, after] = content.text.split(gapMarker(1));
		if (content.gaps.length !== 1 || `${before}${after}`.trim() === '') return null;
		const block = answerBlock(content.gaps[0], key.gaps[0], question.explanation, markdown);
		return block === null ? null : `${writeLines(before, start)}${block}${writeLines(after, escape)}`;
	}
	const block = answerBlock(content, key, question.explanation, markdown);
	return block === null ? null : `${writeLines(question.prompt, start)} ${block}`;
}

/** What a skipped question is listed as: its title or the start of its prompt. */
function label(question: QuestionDraft): string {
	return Array.from(question.title || question.prompt)
		.slice(0, 60)
		.join('');
}

/** GIFT text for the questions GIFT can express, one blank line apart, and the labels of those it cannot. */
export function exportGift(questions: ExportQuestion[]): { text: string; skipped: string[] } {
	const written: string[] = [];
	const skipped: string[] = [];
	let category = writeCategoryPath([]);
	for (const question of questions) {
		const text = writeQuestion(question);
		if (text === null) {
			skipped.push(label(question));
			continue;
		}
		// A $CATEGORY: line holds for every question after it, so one is written where the category changes.
		const path = writeCategoryPath(question.category);
		if (path !== category) written.push(`$CATEGORY: ${path}`);
		category = path;
		const title = question.title ? `::${escape(question.title)}::` : '';
		written.push(`${title}${text}`);
	}
	return { text: written.length > 0 ? `${written.join('\n\n')}\n` : '', skipped };
}
