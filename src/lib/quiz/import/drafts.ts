// Building blocks both parsers use to turn what a file says into the parts of a question draft. Weights are
// Moodle's answer fractions in percent. A key stores them only where they differ from our default rule (see
// question.ts): a single choice whose wrong answers are all worth 0, a multiple choice whose right answers share
// 100 % equally and whose wrong ones each take one share away. So a question written by hand and one exported
// and read back look the same, and a key with weights always means the author chose them.
import type { Choice, ChoiceFeedback, GapContent, GapKey, NumericAnswer, QuestionDraft, Weights } from '#lib/quiz/question.ts';
import type { NotKeptList } from './not-kept.ts';
import type { Parsed } from './validate.ts';

/** The kind-specific part of a draft; the parser adds title, prompt, explanation, points and the rest. */
export type Body = Pick<QuestionDraft, 'kind' | 'content' | 'key'>;
export type Failure = Extract<Parsed, { code: unknown }>;

/** An answer as a file gives it: its text, its credit in percent and the feedback shown when it is chosen. */
export interface Answer {
	text: string;
	weight: number;
	feedback: string | null;
}

/** A numeric answer as a file gives it; catchAll is Moodle's "*", which matches any other response. */
export type NumericSource = { value: number; tolerance: number; weight: number; feedback: string | null } | { catchAll: true; feedback: string | null };

/** Choice ids by position: 'a', 'b', … 'z', 'aa', … (more than ten choices fail validation anyway). */
export function choiceId(index: number): string {
	let id = '';
	for (let n = index; n >= 0; n = Math.floor(n / 26) - 1) id = String.fromCharCode(97 + (n % 26)) + id;
	return id;
}

export function toChoices(texts: string[]): Choice[] {
	return texts.map((text, i) => ({ id: choiceId(i), text }));
}

/** Rounds away binary noise such as (0.1 + 0.3) / 2 = 0.19999999999999998 in computed numbers. */
export function tidyNumber(value: number): number {
	return Number(value.toPrecision(15));
}

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

/** A number written in the file, or null: plain decimal notation only, no thousands separators. */
export function readNumber(text: string): number | null {
	const trimmed = text.trim();
	if (!NUMBER.test(trimmed)) return null;
	const value = Number(trimmed);
	return Number.isFinite(value) ? value : null;
}

/** Moodle's fractions run from −100 % to 100 %. */
export function validWeight(weight: number): boolean {
	return Number.isFinite(weight) && weight >= -100 && weight <= 100;
}

/** Within the rounding of Moodle's seven-decimal fractions (33.33333 % for a third). */
const CLOSE = 0.001;

/** Whether multiple-choice weights are the default rule: right ones 100/C each, wrong ones −100/C each. */
function isDefaultMultiple(weights: number[], correctCount: number): boolean {
	const share = 100 / correctCount;
	return weights.every((weight) => Math.abs(weight - (weight > 0 ? share : -share)) < CLOSE);
}

function choiceFeedback(choices: Choice[], answers: Answer[]): ChoiceFeedback | undefined {
	const entries = choices.flatMap((choice, i) => (answers[i].feedback ? [[choice.id, answers[i].feedback] as const] : []));
	return entries.length ? Object.fromEntries(entries) : undefined;
}

/** Single or multiple choice from the answers with their weights and feedback. */
export function choiceBody(answers: Answer[], single: boolean): Body | Failure {
	if (!answers.every((answer) => validWeight(answer.weight))) return { code: 'invalid_weights' };
	const options = toChoices(answers.map((answer) => answer.text));
	const weights: Weights = Object.fromEntries(options.map((option, i) => [option.id, answers[i].weight]));
	const feedback = choiceFeedback(options, answers);
	const extra = feedback ? { feedback } : {};
	if (single) {
		const correct = options.filter((_, i) => answers[i].weight === 100);
		if (correct.length === 0) return { code: 'no_correct_answer' };
		if (correct.length > 1) return { code: 'too_many_correct' };
		const partial = answers.some((answer) => answer.weight !== 0 && answer.weight !== 100);
		const key = { kind: 'single' as const, correct: correct[0].id, ...(partial ? { weights } : {}), ...extra };
		return { kind: 'single', content: { kind: 'single', options }, key };
	}
	const correct = options.filter((_, i) => answers[i].weight > 0).map((option) => option.id);
	if (correct.length === 0) return { code: 'no_correct_answer' };
	// Moodle refuses a multiple choice whose right answers do not add up to 100 % (rounded to whole percents).
	const total = answers.reduce((sum, answer) => sum + Math.max(answer.weight, 0), 0);
	if (Math.abs(total - 100) >= 0.5) return { code: 'invalid_weights' };
	const custom = !isDefaultMultiple(answers.map((answer) => answer.weight), correct.length);
	const key = { kind: 'multiple' as const, correct, ...(custom ? { weights } : {}), ...extra };
	return { kind: 'multiple', content: { kind: 'multiple', options }, key };
}

/**
 * Matching from (left, right) pairs in file order. An empty left side adds a right-hand answer that matches
 * nothing, as in Moodle; a right side shared by several left sides is listed once.
 */
export function matchingBody(pairs: Array<[left: string, right: string]>): Body | Failure {
	const lefts = new Map<string, string>();
	const rights: string[] = [];
	for (const [leftText, rightText] of pairs) {
		if (!rights.includes(rightText)) rights.push(rightText);
		if (leftText === '') continue;
		if (lefts.has(leftText) && lefts.get(leftText) !== rightText) return { code: 'duplicate_choice' };
		lefts.set(leftText, rightText);
	}
	const left = toChoices([...lefts.keys()]);
	const right = toChoices(rights);
	const key: Record<string, string> = {};
	for (const choice of left) key[choice.id] = right[rights.indexOf(lefts.get(choice.text) ?? '')].id;
	return { kind: 'matching', content: { kind: 'matching', left, right }, key: { kind: 'matching', pairs: key } };
}

/**
 * Short answer from the answers with credit; answers worth nothing only carry feedback for a wrong response,
 * which we have no place for. Moodle reads a bare * as "anything" (\* is a real star); we compare answers
 * literally, so such a question is refused rather than graded wrongly. Answers differing only in case are all
 * kept: grading ignores case, so they are harmless, and dropping one would be a silent change.
 */
export function shortTextBody(answers: Answer[], lost: NotKeptList): Body | Failure {
	if (!answers.every((answer) => validWeight(answer.weight))) return { code: 'invalid_weights' };
	if (answers.some((answer) => answer.weight <= 0 && answer.feedback)) lost.add('wrong_answer_feedback');
	const kept = answers.filter((answer) => answer.weight > 0);
	if (kept.some((answer) => /(^|[^\\])\*/.test(answer.text))) return { code: 'wildcard_answer' };
	if (!kept.some((answer) => answer.weight === 100)) return { code: 'no_correct_answer' };
	const partial = kept.some((answer) => answer.weight !== 100);
	const feedback = kept.some((answer) => answer.feedback) ? { feedback: kept.map((answer) => answer.feedback || null) } : {};
	const key = {
		kind: 'short_text' as const,
		answers: kept.map((answer) => answer.text.replaceAll('\\*', '*')),
		accentInsensitive: false,
		...(partial ? { weights: kept.map((answer) => answer.weight) } : {}),
		...feedback
	};
	return { kind: 'short_text', content: { kind: 'short_text' }, key };
}

/** Numeric from the answers: one worth 100 %, others worth part of it; those worth nothing only carry feedback. */
export function numericBody(answers: NumericSource[], lost: NotKeptList): Body | Failure {
	const graded = answers.filter((answer) => 'value' in answer);
	if (!graded.every((answer) => validWeight(answer.weight))) return { code: 'invalid_weights' };
	if (answers.some((answer) => ('catchAll' in answer || answer.weight <= 0) && answer.feedback)) lost.add('wrong_answer_feedback');
	const right = graded.filter((answer) => answer.weight === 100);
	if (right.length === 0) return { code: 'no_correct_answer' };
	// Our key has one fully right answer; a second one would be graded wrong, so it is refused, not dropped.
	if (right.length > 1) return { code: 'too_many_correct' };
	const partial: NumericAnswer[] = graded
		.filter((answer) => answer.weight > 0 && answer.weight < 100)
		.map(({ value, tolerance, weight, feedback }) => ({ value, tolerance, weight, ...(feedback ? { feedback } : {}) }));
	const { value, tolerance, feedback } = right[0];
	const key = { kind: 'numeric' as const, value, tolerance, ...(feedback ? { feedback } : {}), ...(partial.length ? { partial } : {}) };
	return { kind: 'numeric', content: { kind: 'numeric' }, key };
}

/** True/false with the feedback shown for each answer the learner may give. */
export function trueFalseBody(correct: boolean, feedback: { true: string | null; false: string | null }): Body {
	const shown = { ...(feedback.true ? { true: feedback.true } : {}), ...(feedback.false ? { false: feedback.false } : {}) };
	const key = { kind: 'true_false' as const, correct, ...(shown.true || shown.false ? { feedback: shown } : {}) };
	return { kind: 'true_false', content: { kind: 'true_false' }, key };
}

export function essayBody(graderInfo: string): Body {
	return { kind: 'essay', content: { kind: 'essay' }, key: { kind: 'essay', ...(graderInfo ? { graderInfo } : {}) } };
}

/** A gap of a cloze question from the body of a question of a gap's kind; null for other kinds. */
export function toGap(body: Body, points: number): { content: GapContent; key: GapKey } | null {
	const { content, key } = body;
	if ((content.kind === 'single' || content.kind === 'multiple') && (key.kind === 'single' || key.kind === 'multiple')) {
		return { content, key: { ...key, points } };
	}
	if (content.kind === 'short_text' && key.kind === 'short_text') return { content, key: { ...key, points } };
	if (content.kind === 'numeric' && key.kind === 'numeric') return { content, key: { ...key, points } };
	return null;
}

/** The "{#n}" marker of the n-th gap (from 1) in a cloze question's text. */
export function gapMarker(n: number): string {
	return `{#${n}}`;
}

/** What a learner reading the prompt alone sees in place of a gap. */
export const BLANK = '_____';
