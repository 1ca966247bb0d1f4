// Turns a response or an answer key into the words shown at review ("B. Xin mã OTP", "1. … 2. …"),
// using the question's own choices (the attempt's ids); true/false words come from the caller's
// translations. Also finds the author's feedback for what the learner answered.
import type { Choice } from './question.ts';

type Lists = Partial<Record<'options' | 'items' | 'left' | 'right', Choice[]>>;
type Shown = { kind: string; content: Lists & { gaps?: ({ kind: string } & Lists)[] } };
type Loose = Record<string, unknown>;

const textOf = (choices: Choice[] | undefined, id: unknown) => choices?.find((c) => c.id === id)?.text ?? String(id);
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
const loose = (value: unknown): Loose | null => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Loose) : null);

type Words = { true: string; false: string };

/** Short answers with partial credit read "answer (50 %)"; the fully right ones stand alone. */
function acceptedAnswers(key: Loose): string[] {
	const weights = Array.isArray(key.weights) ? (key.weights as number[]) : [];
	return strings(key.answers).map((answer, i) => (weights[i] !== undefined && weights[i] < 100 ? `${answer} (${weights[i]} %)` : answer));
}

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
			return asKey ? acceptedAnswers(value) : typeof value.text === 'string' ? [value.text] : [];
		case 'essay':
			return !asKey && typeof value.text === 'string' ? [value.text] : [];
		case 'numeric':
			if (asKey) return [`${value.value}${Number(value.tolerance) > 0 ? ` ± ${value.tolerance}` : ''}`];
			return typeof value.value === 'number' ? [String(value.value)] : [];
		default:
			return [];
	}
}

export const describeAnswer = (question: Shown, response: Loose | null, words: Words) => describe(question, response, false, words);
export const describeKey = (question: Shown, key: Loose, words: Words) => describe(question, key, true, words);

/** A cloze gap's answer (or key), described as a question of the gap's kind. */
export function describeGap(question: Shown, gap: number, value: unknown, asKey: boolean, words: Words): string[] {
	const shown = question.content.gaps?.[gap - 1];
	if (!shown) return [];
	return describe({ kind: shown.kind, content: shown }, loose(value), asKey, words);
}

const sameAnswer = (a: string, b: string, ignoreAccents: boolean) => {
	const tidy = (s: string) => {
		const spaced = s.trim().replace(/\s+/g, ' ').toLowerCase();
		return ignoreAccents ? spaced.replace(/đ/g, 'd').normalize('NFD').replace(/[\u0300-\u036f]/g, '') : spaced;
	};
	return tidy(a) === tidy(b);
};

/** The author's feedback for what was answered (Moodle's per-answer feedback), in the order given. */
export function feedbackFor(kind: string, key: Loose | null, response: Loose | null): string[] {
	if (!key || !response) return [];
	const byId = (loose(key.feedback) ?? {}) as Record<string, unknown>;
	const pick = (ids: string[]) => ids.map((id) => byId[id]).filter((text): text is string => typeof text === 'string' && text !== '');
	switch (kind) {
		case 'single':
			return pick(strings([response.choice]));
		case 'multiple':
			return pick(strings(response.choices));
		case 'true_false':
			return typeof response.value === 'boolean' ? pick([String(response.value)]) : [];
		case 'short_text': {
			if (typeof response.text !== 'string' || !Array.isArray(key.feedback)) return [];
			const index = strings(key.answers).findIndex((answer) => sameAnswer(answer, response.text as string, key.accentInsensitive === true));
			const text = index >= 0 ? key.feedback[index] : null;
			return typeof text === 'string' && text !== '' ? [text] : [];
		}
		case 'numeric': {
			if (typeof response.value !== 'number') return [];
			const given = response.value;
			const within = (answer: Loose) => Math.abs(given - Number(answer.value)) <= Number(answer.tolerance);
			if (within(key)) return typeof key.feedback === 'string' && key.feedback !== '' ? [key.feedback] : [];
			const partial = (Array.isArray(key.partial) ? key.partial : []).map(loose).find((answer) => answer && within(answer));
			return typeof partial?.feedback === 'string' && partial.feedback !== '' ? [partial.feedback] : [];
		}
		case 'cloze': {
			const gaps = Array.isArray(key.gaps) ? key.gaps.map(loose) : [];
			const given = Array.isArray(response.gaps) ? response.gaps.map(loose) : [];
			return gaps.flatMap((gap, i) => (gap ? feedbackFor(String(gap.kind), gap, given[i] ?? null) : []));
		}
		default:
			return [];
	}
}
