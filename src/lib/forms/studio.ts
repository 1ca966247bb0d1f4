// Authoring forms: a new question bank, and the import file's limits.
import * as v from 'valibot';

export const BANK_TITLE_MAX = 200;

export const newBank = v.object({
	title: v.pipe(v.string(), v.trim(), v.nonEmpty('studio.errors.title_required'), v.maxLength(BANK_TITLE_MAX, 'studio.errors.title_too_long')),
	unit_id: v.pipe(v.string(), v.transform(Number), v.integer('studio.errors.unit_required'), v.minValue(1, 'studio.errors.unit_required'))
});
