// Building blocks both parsers use to turn what a file says into the parts of a question draft.
import type { Choice, QuestionDraft } from '#lib/quiz/question.ts';
import type { Parsed } from './validate.ts';
import { sameText } from './validate.ts';

/** The kind-specific part of a draft; the parser adds title, prompt, explanation and points. */
export type Body = Pick<QuestionDraft, 'kind' | 'content' | 'key'>;
export type Failure = Extract<Parsed, { code: unknown }>;

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

/** Single or multiple choice from the options and the credit (in %) each earns. */
export function choiceBody(texts: string[], credits: number[], single: boolean): Body | Failure {
	const options = toChoices(texts);
	if (single) {
		// Partial credit has no place in a single choice: only the fully right answer counts as right.
		const correct = options.filter((_, i) => credits[i] >= 100);
		if (correct.length === 0) return { code: 'no_correct_answer' };
		if (correct.length > 1) return { code: 'too_many_correct' };
		return { kind: 'single', content: { kind: 'single', options }, key: { kind: 'single', correct: correct[0].id } };
	}
	const correct = options.filter((_, i) => credits[i] > 0).map((o) => o.id);
	if (correct.length === 0) return { code: 'no_correct_answer' };
	return { kind: 'multiple', content: { kind: 'multiple', options }, key: { kind: 'multiple', correct } };
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
 * Short answer from the fully right answers. Moodle reads a bare * as "anything" (\* is a real star); we
 * compare answers literally, so such a question is refused rather than graded wrongly.
 */
export function shortTextBody(answers: string[]): Body | Failure {
	if (answers.length === 0) return { code: 'no_correct_answer' };
	if (answers.some((answer) => /(^|[^\\])\*/.test(answer))) return { code: 'wildcard_answer' };
	const seen = new Set<string>();
	// Case and spacing never matter when grading, so answers differing only in them are one answer.
	const distinct = answers
		.map((answer) => answer.replaceAll('\\*', '*'))
		.filter((answer) => !seen.has(sameText(answer)) && seen.add(sameText(answer)));
	return {
		kind: 'short_text',
		content: { kind: 'short_text' },
		key: { kind: 'short_text', answers: distinct, accentInsensitive: false }
	};
}
