// The report form (a unit admin's value for a commune and a target) and the review form.
import * as v from 'valibot';

export const NOTE_MAX = 2000;
export const REVIEW_NOTE_MAX = 1000;

const id = (message: string) => v.pipe(v.string(message), v.transform(Number), v.integer(message), v.minValue(1, message));
/** "12.345,5" or "12345.5" → 12345.5: Vietnamese writes a thousands dot and a decimal comma. */
const amount = (message: string) =>
	v.pipe(
		v.string(message),
		v.trim(),
		v.nonEmpty(message),
		v.transform((raw) => {
			const text = /,\d{1,2}$/.test(raw) || /^\d{1,3}(\.\d{3})+$/.test(raw) ? raw.replace(/\./g, '').replace(',', '.') : raw.replace(/,/g, '');
			return /^\d+(\.\d+)?$/.test(text) ? Number(text) : NaN;
		}),
		v.number(message),
		v.check((n) => Number.isFinite(n) && n >= 0 && n < 1e12, message)
	);

export const reportForm = v.object({
	target_id: id('reports.errors.target_required'),
	unit_id: id('reports.errors.unit_required'),
	numerator: amount('reports.errors.number_invalid'),
	denominator: v.optional(v.union([v.literal(''), amount('reports.errors.number_invalid')]), ''),
	note: v.pipe(v.optional(v.string(), ''), v.trim(), v.maxLength(NOTE_MAX, 'reports.errors.note_too_long'))
});

export const reviewForm = v.object({
	report_id: id('errors.form_has_errors'),
	decision: v.picklist(['approved', 'rejected'], 'errors.form_has_errors'),
	review_note: v.pipe(v.optional(v.string(), ''), v.trim(), v.maxLength(REVIEW_NOTE_MAX, 'reports.errors.note_too_long'))
});
