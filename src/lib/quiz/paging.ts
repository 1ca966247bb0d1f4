// How an attempt is split into pages of questions (one form per page without JavaScript), and the
// contest's prediction field. Shared by the page and its actions.
export const QUESTIONS_PER_PAGE = 5;
export const PREDICTION_MAX = 1_000_000_000;

export const pageCount = (questions: number) => Math.max(1, Math.ceil(questions / QUESTIONS_PER_PAGE));

export function parsePage(raw: string | null): number {
	const page = Number(raw);
	return Number.isSafeInteger(page) && page >= 1 ? page : 1;
}

/** A whole number of people, written with or without thousands separators ("12.500", "12 500"); empty is none. */
export function parsePrediction(raw: FormDataEntryValue | null): number | null | 'invalid' {
	if (typeof raw !== 'string' || raw.trim() === '') return null;
	const digits = raw.replace(/[\s.,]/g, '');
	if (!/^\d{1,10}$/.test(digits)) return 'invalid';
	const value = Number(digits);
	return value <= PREDICTION_MAX ? value : 'invalid';
}
