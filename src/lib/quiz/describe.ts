// Turns a response or an answer key into the words shown at review ("B. Xin mã OTP", "1. … 2. …"),
// using the question's own choices; true/false words come from the caller's translations.
import type { Choice } from './question.ts';

type Shown = { kind: string; content: Partial<Record<'options' | 'items' | 'left' | 'right', Choice[]>> };
type Loose = Record<string, unknown>;

const textOf = (choices: Choice[] | undefined, id: unknown) => choices?.find((c) => c.id === id)?.text ?? String(id);
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

type Words = { true: string; false: string };

function describe(question: Shown, value: Loose | null, asKey: boolean, words: Words): string[] {
	if (!value) return [];
	const { options, items, left, right } = question.content;
	switch (question.kind) {
		case 'single':
			return [textOf(options, asKey ? value.correct : value.choice)];
		case 'multiple':
			return strings(asKey ? value.correct : value.choices).map((id) => textOf(options, id));
		case 'true_false': {
			const truth = asKey ? value.correct : value.value;
			return typeof truth === 'boolean' ? [truth ? words.true : words.false] : [];
		}
		case 'ordering':
			return strings(value.order).map((id, index) => `${index + 1}. ${textOf(items, id)}`);
		case 'matching':
			return Object.entries((value.pairs as Record<string, string>) ?? {}).map(([l, r]) => `${textOf(left, l)} → ${textOf(right, r)}`);
		case 'short_text':
			return asKey ? strings(value.answers) : typeof value.text === 'string' ? [value.text] : [];
		case 'numeric':
			if (asKey) return [`${value.value}${Number(value.tolerance) > 0 ? ` ± ${value.tolerance}` : ''}`];
			return typeof value.value === 'number' ? [String(value.value)] : [];
		default:
			return [];
	}
}

export const describeAnswer = (question: Shown, response: Loose | null, words: Words) => describe(question, response, false, words);
export const describeKey = (question: Shown, key: Loose, words: Words) => describe(question, key, true, words);
