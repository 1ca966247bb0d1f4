// The rules a question's content and key follow, kind by kind (the same as the database's
// check_question_shape): choices, answers, weights, feedback and the gaps of a cloze question.
import { GAP_KINDS, QUESTION_LIMITS, type Choice, type GapContent, type GapKey, type QuestionContent, type QuestionKey } from '#lib/quiz/question.ts';
import type { ImportErrorCode } from './result.ts';

const L = QUESTION_LIMITS;
type Problem = ImportErrorCode | null;

/** Length in characters as Postgres counts them (code points), so emoji count once as in char_length(). */
export function charLength(text: string): number {
	return text.length - (text.match(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g)?.length ?? 0);
}

/** How choice texts are compared for duplicates: a learner cannot tell "Có " from "có". */
export function sameText(text: string): string {
	return text.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Points as the database keeps them: numeric(5, 2), so a third decimal would be rounded away silently. */
export function validPoints(points: number, max: number): boolean {
	return Number.isFinite(points) && points > 0 && points <= max && Math.round(points * 100) / 100 === points;
}

function validFeedback(text: unknown): Problem {
	if (typeof text !== 'string') return 'invalid_key';
	return charLength(text) > L.feedbackMax ? 'feedback_too_long' : null;
}

function checkChoices(choices: Choice[]): Problem {
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

function validWeight(weight: unknown, min: number, max: number): boolean {
	return typeof weight === 'number' && Number.isFinite(weight) && weight >= min && weight <= max;
}

/** Weights of a choice question: one per choice, −100…100; the right answers are exactly the ones they reward. */
function checkChoiceWeights(ids: string[], key: Extract<QuestionKey, { kind: 'single' | 'multiple' }>): Problem {
	if (key.weights === undefined) return null;
	const weights = key.weights as unknown;
	if (!isRecord(weights) || Object.keys(weights).length !== ids.length || !ids.every((id) => Object.hasOwn(weights, id))) return 'invalid_key';
	if (!ids.every((id) => validWeight(weights[id], -100, 100))) return 'invalid_weights';
	const values = ids.map((id) => weights[id] as number);
	if (key.kind === 'single') {
		// Exactly the right answer earns everything; others may earn part of it.
		return weights[key.correct] === 100 && values.filter((weight) => weight === 100).length === 1 ? null : 'invalid_weights';
	}
	const rewarded = ids.filter((id) => (weights[id] as number) > 0);
	if (rewarded.length !== key.correct.length || !rewarded.every((id) => key.correct.includes(id))) return 'invalid_key';
	const total = values.reduce((sum, weight) => sum + Math.max(weight, 0), 0);
	return Math.abs(total - 100) < 0.5 ? null : 'invalid_weights';
}

function checkChoiceKey(options: Choice[], key: Extract<QuestionKey, { kind: 'single' | 'multiple' }>): Problem {
	const problem = checkChoices(options);
	if (problem) return problem;
	const ids = options.map((o) => o.id);
	const correct = key.kind === 'single' ? [key.correct] : key.correct;
	if (correct.length === 0) return 'no_correct_answer';
	if (new Set(correct).size !== correct.length || !correct.every((id) => ids.includes(id))) return 'invalid_key';
	const weightProblem = checkChoiceWeights(ids, key);
	if (weightProblem) return weightProblem;
	if (key.feedback === undefined) return null;
	const feedback = key.feedback as unknown;
	if (!isRecord(feedback) || !Object.keys(feedback).every((id) => ids.includes(id))) return 'invalid_key';
	return Object.values(feedback).map(validFeedback).find((p) => p !== null) ?? null;
}

function checkShortText(key: Extract<QuestionKey, { kind: 'short_text' }>): Problem {
	if (key.answers.length === 0) return 'no_correct_answer';
	if (key.answers.length > L.answersMax) return 'too_many_answers';
	if (key.answers.some((a) => a.trim() === '')) return 'empty_choice';
	if (key.answers.some((a) => charLength(a.trim()) > L.choiceMax)) return 'choice_too_long';
	if (typeof key.accentInsensitive !== 'boolean') return 'invalid_key';
	if (key.weights !== undefined) {
		if (!Array.isArray(key.weights) || key.weights.length !== key.answers.length) return 'invalid_key';
		if (!key.weights.every((weight) => validWeight(weight, 1, 100))) return 'invalid_weights';
		if (!key.weights.includes(100)) return 'no_correct_answer';
	}
	if (key.feedback !== undefined) {
		if (!Array.isArray(key.feedback) || key.feedback.length !== key.answers.length) return 'invalid_key';
		return key.feedback.map((text) => (text === null ? null : validFeedback(text))).find((p) => p !== null) ?? null;
	}
	return null;
}

function validNumber(value: number, tolerance: number): boolean {
	return Number.isFinite(value) && Number.isFinite(tolerance) && tolerance >= 0;
}

function checkNumeric(key: Extract<QuestionKey, { kind: 'numeric' }>): Problem {
	if (!validNumber(key.value, key.tolerance)) return 'invalid_number';
	if (key.feedback !== undefined && validFeedback(key.feedback)) return validFeedback(key.feedback);
	if (key.partial === undefined) return null;
	if (!Array.isArray(key.partial)) return 'invalid_key';
	if (key.partial.length > L.answersMax) return 'too_many_answers';
	for (const answer of key.partial) {
		if (!validNumber(answer.value, answer.tolerance)) return 'invalid_number';
		// A partial answer earns part of the credit: 100 % belongs to the key's own answer.
		if (!validWeight(answer.weight, 1, 99)) return 'invalid_weights';
		if (answer.feedback !== undefined && validFeedback(answer.feedback)) return validFeedback(answer.feedback);
	}
	return null;
}

function checkTrueFalse(key: Extract<QuestionKey, { kind: 'true_false' }>): Problem {
	if (typeof key.correct !== 'boolean') return 'invalid_key';
	if (key.feedback === undefined) return null;
	const feedback = key.feedback as unknown;
	if (!isRecord(feedback) || !Object.keys(feedback).every((answer) => answer === 'true' || answer === 'false')) return 'invalid_key';
	return Object.values(feedback).map(validFeedback).find((p) => p !== null) ?? null;
}

/** The kinds a question and a gap share: a choice, a short text or a number. */
function checkAnswerKey(content: QuestionContent | GapContent, key: QuestionKey | GapKey): Problem | undefined {
	if ((content.kind === 'single' || content.kind === 'multiple') && (key.kind === 'single' || key.kind === 'multiple')) {
		return checkChoiceKey(content.options, key);
	}
	if (key.kind === 'short_text') return checkShortText(key);
	if (key.kind === 'numeric') return checkNumeric(key);
	return undefined;
}

/** Each gap's "{#n}" once, n = 1…gaps, and no other "{#" that a reader could take for one. */
function checkMarkers(text: string, gaps: number): Problem {
	const numbers = [...text.matchAll(/\{#([1-9]\d*)\}/g)].map((match) => Number(match[1])).sort((a, b) => a - b);
	const inOrder = numbers.length === gaps && numbers.every((n, i) => n === i + 1);
	return inOrder && !text.replace(/\{#[1-9]\d*\}/g, '').includes('{#') ? null : 'invalid_gap_markers';
}

function checkCloze(content: Extract<QuestionContent, { kind: 'cloze' }>, key: Extract<QuestionKey, { kind: 'cloze' }>): Problem {
	if (!Array.isArray(content.gaps) || !Array.isArray(key.gaps) || typeof content.text !== 'string') return 'invalid_key';
	if (content.gaps.length === 0) return 'no_gaps';
	if (content.gaps.length > L.gapsMax) return 'too_many_gaps';
	if (key.gaps.length !== content.gaps.length) return 'invalid_key';
	if (charLength(content.text) > L.promptMax) return 'prompt_too_long';
	const markers = checkMarkers(content.text, content.gaps.length);
	if (markers) return markers;
	for (const [i, gap] of content.gaps.entries()) {
		const gapKey = key.gaps[i];
		if (!GAP_KINDS.includes(gap.kind) || gapKey.kind !== gap.kind) return 'invalid_key';
		if (!validPoints(gapKey.points, L.gapPointsMax)) return 'invalid_gap_points';
		const problem = checkAnswerKey(gap, gapKey);
		if (problem) return problem;
	}
	return null;
}

/** The first rule a question's content and key break, or null. */
export function checkShape(content: QuestionContent, key: QuestionKey): Problem {
	const shared = checkAnswerKey(content, key);
	if (shared !== undefined) return shared;
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
	if (key.kind === 'true_false') return checkTrueFalse(key);
	if (key.kind === 'essay') {
		if (key.graderInfo === undefined) return null;
		if (typeof key.graderInfo !== 'string') return 'invalid_key';
		return charLength(key.graderInfo) > L.explanationMax ? 'grader_info_too_long' : null;
	}
	if (content.kind === 'cloze' && key.kind === 'cloze') return checkCloze(content, key);
	return 'invalid_key';
}
