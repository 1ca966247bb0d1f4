// Reads a page of answers from a submitted form (the same form with or without JavaScript) into the
// responses the database grades. Field names: `q<n>` for one value (choice, true/false, text, number),
// repeated `q<n>` for ticked choices, `q<n>.<id>` for an item's position or a left item's partner.
import type { Choice, QuestionKind, QuestionResponse } from './question.ts';

/** A question as the attempt shows it: enough to read its fields back. */
export type ShownQuestion = { number: number; kind: QuestionKind; content: Partial<Record<'options' | 'items' | 'left' | 'right', Choice[]>> };

export type AnswerError = 'quiz.errors.number_invalid' | 'quiz.errors.order_incomplete' | 'quiz.errors.text_too_long';

export type ReadAnswers = {
	/** position → response; null clears a saved answer */
	answers: Record<string, QuestionResponse | null>;
	/** position → message key, for answers that cannot be read (shown next to the question) */
	errors: Record<number, AnswerError>;
};

export const SHORT_TEXT_MAX = 500;

/** "3,5", "3.5", " -2 " → number; Vietnamese writes the decimal comma. Thousands separators are not accepted. */
export function parseNumber(raw: string): number | null {
	const text = raw.trim().replace(',', '.');
	if (!/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(text)) return null;
	const value = Number(text);
	return Number.isFinite(value) ? value : null;
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
