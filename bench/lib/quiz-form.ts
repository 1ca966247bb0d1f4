// The form fields of a quiz attempt page, both ways: read from the server-rendered HTML (what a browser
// without JavaScript would send), and written from a response (#lib/quiz/answers.ts reads them back:
// `q<n>` for one value, repeated `q<n>` for ticked choices, `q<n>.<id>` for an item's rank or a partner).
import type { PoolAnswer } from './quizzes.ts';

export type Field = [name: string, value: string];

/** One form control of the page: its type and the values it offers (none for a text box). */
export type Control = { type: 'radio' | 'checkbox' | 'text' | 'select' | 'hidden'; id: string | null; values: string[]; value: string | null };

const unescape = (value: string) => value.replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');

function attributes(tag: string): Record<string, string> {
	const found: Record<string, string> = {};
	for (const match of tag.matchAll(/\s([a-zA-Z-]+)(?:="([^"]*)")?/g)) found[match[1]] = unescape(match[2] ?? '');
	return found;
}

/** The controls of the page's forms by name (inputs and selects; buttons are left out). */
export function readControls(html: string): Map<string, Control> {
	const controls = new Map<string, Control>();
	for (const match of html.matchAll(/<input\b[^>]*>/g)) {
		const attrs = attributes(match[0]);
		const type = attrs.type ?? 'text';
		if (!attrs.name || !['radio', 'checkbox', 'text', 'hidden'].includes(type)) continue;
		const control = controls.get(attrs.name) ?? { type: type as Control['type'], id: attrs.id ?? null, values: [], value: attrs.value ?? null };
		if (type === 'radio' || type === 'checkbox') control.values.push(attrs.value ?? 'on');
		controls.set(attrs.name, control);
	}
	for (const match of html.matchAll(/<select\b[^>]*>([\s\S]*?)<\/select>/g)) {
		const attrs = attributes(match[0].slice(0, match[0].indexOf('>') + 1));
		if (!attrs.name) continue;
		const values = [...match[1].matchAll(/<option\b[^>]*>/g)].map((option) => attributes(option[0]).value ?? '');
		controls.set(attrs.name, { type: 'select', id: attrs.id ?? null, values, value: null });
	}
	return controls;
}

/** The question numbers the page asks (fields q<n> or q<n>.<id>). */
export function questionNumbers(controls: Map<string, Control>): number[] {
	const numbers = new Set<number>();
	for (const name of controls.keys()) {
		const match = /^q(\d+)(\.|$)/.exec(name);
		if (match) numbers.add(Number(match[1]));
	}
	return [...numbers].sort((a, b) => a - b);
}

/** The fields a learner's response sends, as the page's controls would. */
export function responseFields(answer: PoolAnswer): Field[] {
	const name = `q${answer.number}`;
	const r = answer.response;
	switch (answer.kind) {
		case 'single':
			return [[name, String(r.choice)]];
		case 'multiple':
			return (r.choices as string[]).map((id) => [name, id]);
		case 'true_false':
			return [[name, String(r.value)]];
		case 'short_text':
			return [[name, String(r.text)]];
		case 'numeric':
			// Vietnamese writes the decimal comma; the app reads both.
			return [[name, String(r.value).replace('.', ',')]];
		case 'ordering':
			return (r.order as string[]).map((id, index) => [`${name}.${id}`, String(index + 1)]);
		case 'matching':
			return Object.entries(r.pairs as Record<string, string>).map(([left, right]) => [`${name}.${left}`, right]);
		case 'essay':
			return [[name, String(r.text)]];
		case 'cloze':
			return (r.gaps as (Record<string, unknown> | null)[]).flatMap((gap, i): Field[] => {
				const field = `${name}.g${i + 1}`;
				if (gap === null) return [[field, '']];
				if (Array.isArray(gap.choices)) return (gap.choices as string[]).map((id) => [field, id]);
				return [[field, String(gap.choice ?? gap.text ?? gap.value)]];
			});
	}
}

/**
 * Answers for every question on the page, read off its controls alone (for attempts whose key the bench
 * does not know): the first choice, "true", a text, a number, every item ranked in turn, a partner each.
 */
export function answerFromControls(controls: Map<string, Control>): Field[] {
	const fields: Field[] = [];
	const ranks = new Map<string, number>();
	for (const [name, control] of controls) {
		const match = /^q(\d+)(?:\.(.+))?$/.exec(name);
		if (!match) continue;
		if (control.type === 'radio' || control.type === 'checkbox') fields.push([name, control.values[0]]);
		else if (control.type === 'text') fields.push([name, control.id?.endsWith('-number') ? '3' : 'OTP']);
		else if (control.type === 'select') {
			const offered = control.values.filter((value) => value !== '');
			if (offered.every((value) => /^\d+$/.test(value))) {
				// An item's rank: each item of the question its own.
				const question = `q${match[1]}`;
				const rank = (ranks.get(question) ?? 0) + 1;
				ranks.set(question, rank);
				fields.push([name, String(rank)]);
			} else fields.push([name, offered[0]]);
		}
	}
	return fields;
}

/** Why fields could not have been sent from the page (a control it lacks, a value it does not offer), or null. */
export function fieldsProblem(fields: Field[], controls: Map<string, Control>): string | null {
	for (const [name, value] of fields) {
		const control = controls.get(name);
		if (!control) return `no field ${name} on the page`;
		if ((control.type === 'radio' || control.type === 'checkbox' || control.type === 'select') && !control.values.includes(value)) {
			return `${name}=${value} is not offered (${control.values.join(', ')})`;
		}
	}
	const answered = new Set(fields.map(([name]) => Number(/^q(\d+)/.exec(name)?.[1])));
	const missing = questionNumbers(controls).filter((number) => !answered.has(number));
	return missing.length ? `questions ${missing.join(', ')} left unanswered` : null;
}

export const formBody = (fields: Field[]) => new URLSearchParams(fields).toString();
