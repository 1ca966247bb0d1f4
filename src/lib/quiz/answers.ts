// Reads a page of answers from a submitted form (the same form with or without JavaScript) into the
// responses the database grades. Field names: `q<n>` for one value (choice, true/false, text, number),
// repeated `q<n>` for ticked choices, `q<n>.<id>` for an item's position or a left item's partner,
// `q<n>.g<i>` for the i-th gap of a cloze question (1-based; repeated for ticked choices).
import type { Choice, GapKind, GapResponse, QuestionKind, QuestionResponse } from './question.ts';

/** A question as the attempt shows it: enough to read its fields back. */
export type ShownQuestion = {
	number: number;
	kind: QuestionKind;
	content: Partial<Record<'options' | 'items' | 'left' | 'right', Choice[]>> & { gaps?: { kind: GapKind }[] };
};

export type AnswerError = 'quiz.errors.number_invalid' | 'quiz.errors.order_incomplete' | 'quiz.errors.text_too_long' | 'quiz.errors.essay_too_long';

export type ReadAnswers = {
	/** position → response; null clears a saved answer */
	answers: Record<string, QuestionResponse | null>;
	/** position → message key, for answers that cannot be read (shown next to the question) */
	errors: Record<number, AnswerError>;
};

export const SHORT_TEXT_MAX = 500;
export const ESSAY_MAX = 10_000;

/** The field name of a cloze gap (1-based). */
export const gapField = (number: number, gap: number) => `q${number}.g${gap}`;

/** "3,5", "3.5", " -2 " → number; Vietnamese writes the decimal comma. Thousands separators are not accepted. */
export function parseNumber(raw: string): number | null {
	const text = raw.trim().replace(',', '.');
	if (!/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(text)) return null;
	const value = Number(text);
	return Number.isFinite(value) ? value : null;
}

/** One gap of a cloze question: undefined when its field was not on the page, null when left empty. */
function readGap(form: FormData, name: string, kind: GapKind): GapResponse | null | AnswerError | undefined {
	const values = form.getAll(name).filter((v): v is string => typeof v === 'string');
	const text = values[0] ?? null;
	switch (kind) {
		case 'single':
			return text ? { choice: text } : form.has(name) ? null : undefined;
		case 'multiple':
			// Ticked boxes only are sent; the hidden marker field says the gap was on the page.
			return values.filter((v) => v !== '').length ? { choices: [...new Set(values.filter((v) => v !== ''))] } : form.has(name) ? null : undefined;
		case 'short_text':
			if (text === null) return undefined;
			if (text.trim() === '') return null;
			return text.length > SHORT_TEXT_MAX ? 'quiz.errors.text_too_long' : { text };
		case 'numeric': {
			if (text === null) return undefined;
			if (text.trim() === '') return null;
			const number = parseNumber(text);
			return number === null ? 'quiz.errors.number_invalid' : { value: number };
		}
	}
}

function readCloze(form: FormData, question: ShownQuestion): QuestionResponse | null | AnswerError | undefined {
	const gaps = (question.content.gaps ?? []).map((gap, i) => readGap(form, gapField(question.number, i + 1), gap.kind));
	const error = gaps.find((gap): gap is AnswerError => typeof gap === 'string');
	if (error) return error;
	if (gaps.every((gap) => gap === undefined)) return undefined;
	const read = gaps.map((gap) => (gap === undefined || typeof gap === 'string' ? null : gap));
	return read.every((gap) => gap === null) ? null : { kind: 'cloze', gaps: read };
}

function readOne(form: FormData, question: ShownQuestion): QuestionResponse | null | AnswerError | undefined {
	const name = `q${question.number}`;
	const value = form.get(name);
	const text = typeof value === 'string' ? value : null;
	switch (question.kind) {
		case 'single':
			return text ? { kind: 'single', choice: text } : undefined;
		case 'true_false':
			return text === 'true' || text === 'false' ? { kind: 'true_false', value: text === 'true' } : undefined;
		case 'multiple': {
			const choices = form.getAll(name).filter((v): v is string => typeof v === 'string');
			// An unticked box sends nothing: no boxes ticked is an answer too (it clears the saved one).
			return choices.length ? { kind: 'multiple', choices: [...new Set(choices)] } : null;
		}
		case 'short_text':
			if (text === null) return undefined;
			if (text.trim() === '') return null;
			return text.length > SHORT_TEXT_MAX ? 'quiz.errors.text_too_long' : { kind: 'short_text', text };
		case 'numeric': {
			if (text === null) return undefined;
			if (text.trim() === '') return null;
			const number = parseNumber(text);
			return number === null ? 'quiz.errors.number_invalid' : { kind: 'numeric', value: number };
		}
		case 'essay':
			if (text === null) return undefined;
			if (text.trim() === '') return null;
			return text.length > ESSAY_MAX ? 'quiz.errors.essay_too_long' : { kind: 'essay', text };
		case 'cloze':
			return readCloze(form, question);
		case 'ordering': {
			const items = question.content.items ?? [];
			const ranks = items.map((item) => ({ id: item.id, rank: Number(form.get(`${name}.${item.id}`) || NaN) }));
			if (ranks.every((r) => Number.isNaN(r.rank))) return undefined;
			const used = new Set(ranks.map((r) => r.rank));
			const complete = used.size === items.length && ranks.every((r) => Number.isInteger(r.rank) && r.rank >= 1 && r.rank <= items.length);
			if (!complete) return 'quiz.errors.order_incomplete';
			return { kind: 'ordering', order: ranks.sort((a, b) => a.rank - b.rank).map((r) => r.id) };
		}
		case 'matching': {
			const pairs: Record<string, string> = {};
			for (const left of question.content.left ?? []) {
				const partner = form.get(`${name}.${left.id}`);
				if (typeof partner === 'string' && partner !== '') pairs[left.id] = partner;
			}
			return Object.keys(pairs).length ? { kind: 'matching', pairs } : undefined;
		}
	}
}

/**
 * The answers given on the page to the questions listed; a question left untouched is left out, so that a
 * saved answer is not cleared by a page that did not show it.
 */
export function readAnswers(form: FormData, questions: ShownQuestion[]): ReadAnswers {
	const result: ReadAnswers = { answers: {}, errors: {} };
	for (const question of questions) {
		const response = readOne(form, question);
		if (typeof response === 'string') result.errors[question.number] = response;
		else if (response !== undefined) result.answers[String(question.number)] = response;
	}
	return result;
}

/** The wire form the database takes: the kind travels in the column, not in the response. */
export function toDatabase(answers: Record<string, QuestionResponse | null>): Record<string, Record<string, unknown> | null> {
	return Object.fromEntries(
		Object.entries(answers).map(([number, response]) => {
			if (response === null) return [number, null];
			const rest: Record<string, unknown> = { ...response };
			delete rest.kind;
			return [number, rest];
		})
	);
}
