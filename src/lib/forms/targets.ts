// Forms of the targets admin: a target (its period a year or a date range), copying a year, and the
// population figures of a year's communes; shared by server and browser, messages are i18n keys.
import * as v from 'valibot';

export const TARGET_LIMITS = { code: 20, name: 300, responsible: 300, position: 32_767, value: 1e12, yearMin: 2000, yearMax: 2100 };
export const POPULATION_LIMITS = { source: 300, people: 20_000_000 };
export const VALUE_UNITS = ['percent', 'count'] as const;
export const DIRECTIONS = ['at_least', 'at_most'] as const;
export const PERIOD_KINDS = ['year', 'range'] as const;
export const CODE_PATTERN = /^[A-Z0-9][A-Z0-9.-]{0,19}$/;

/** "80", "80,5", "80.5", "12.345", "12 345" → a number (a dot before three digits groups thousands, as in Vietnamese); NaN otherwise. */
export function parseAmount(raw: string): number {
	const text = raw.replace(/[\s\u00a0]/g, '');
	if (/^[1-9]\d{0,2}(\.\d{3})+(,\d{1,2})?$/.test(text)) return Number(text.replace(/\./g, '').replace(',', '.'));
	if (/^\d+([.,]\d{1,2})?$/.test(text)) return Number(text.replace(',', '.'));
	return NaN;
}

/** A count of people: digits, optionally grouped by threes with one kind of separator ("12.345", "12 345", "12,345"); NaN otherwise. */
export function parseCount(raw: string): number {
	const text = raw.trim();
	if (/^\d+$/.test(text)) return Number(text);
	const grouped = /^[1-9]\d{0,2}([., \u00a0])\d{3}(?:\1\d{3})*$/.exec(text);
	return grouped ? Number(text.replace(/\D/g, '')) : NaN;
}

/** A real calendar date written yyyy-mm-dd within the years a target may have. */
export function isDate(text: string): boolean {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
	if (!m) return false;
	const date = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
	return date.getUTCMonth() === +m[2] - 1 && +m[1] >= TARGET_LIMITS.yearMin && +m[1] <= TARGET_LIMITS.yearMax;
}

export const isYear = (n: number) => Number.isInteger(n) && n >= TARGET_LIMITS.yearMin && n <= TARGET_LIMITS.yearMax;

const raw = v.optional(v.string(), '');
export const requiredText = (max: number, missing: string, tooLong: string) => v.pipe(raw, v.trim(), v.nonEmpty(missing), v.maxLength(max, tooLong));

export const targetForm = v.pipe(
	v.object({
		code: v.pipe(raw, v.trim(), v.toUpperCase(), v.nonEmpty('admin_targets.errors.code_required'), v.regex(CODE_PATTERN, 'admin_targets.errors.code_invalid')),
		name_vi: requiredText(TARGET_LIMITS.name, 'admin_targets.errors.name_required', 'admin_targets.errors.name_too_long'),
		name_en: requiredText(TARGET_LIMITS.name, 'admin_targets.errors.name_required', 'admin_targets.errors.name_too_long'),
		period_kind: v.pipe(raw, v.picklist(PERIOD_KINDS, 'admin_targets.errors.period_kind_invalid')),
		year: v.pipe(raw, v.trim()),
		period_start: v.pipe(raw, v.trim()),
		period_end: v.pipe(raw, v.trim()),
		target_value: v.pipe(raw, v.transform(parseAmount), v.check((n) => n >= 0 && n < TARGET_LIMITS.value, 'admin_targets.errors.value_invalid')),
		value_unit: v.pipe(raw, v.picklist(VALUE_UNITS, 'admin_targets.errors.unit_invalid')),
		direction: v.pipe(raw, v.picklist(DIRECTIONS, 'admin_targets.errors.direction_invalid')),
		responsible: requiredText(TARGET_LIMITS.responsible, 'admin_targets.errors.responsible_required', 'admin_targets.errors.responsible_too_long'),
		measure: v.pipe(raw, v.trim(), v.regex(/^(reported|automatic:[a-z][a-z0-9_]{2,40})$/, 'admin_targets.errors.measure_required')),
		published: v.pipe(raw, v.transform((s) => s !== '')),
		position: v.pipe(raw, v.trim(), v.transform((s) => (s === '' ? 0 : Number(s))),
			v.check((n) => Number.isInteger(n) && n >= 0 && n <= TARGET_LIMITS.position, 'admin_targets.errors.position_invalid'))
	}),
	v.forward(v.partialCheck([['period_kind'], ['year']], (f) => f.period_kind !== 'year' || isYear(Number(f.year)), 'admin_targets.errors.year_invalid'), ['year']),
	v.forward(v.partialCheck([['period_kind'], ['period_start']], (f) => f.period_kind !== 'range' || isDate(f.period_start), 'admin_targets.errors.date_invalid'), ['period_start']),
	v.forward(v.partialCheck([['period_kind'], ['period_end']], (f) => f.period_kind !== 'range' || isDate(f.period_end), 'admin_targets.errors.date_invalid'), ['period_end']),
	v.forward(v.partialCheck([['period_kind'], ['period_start'], ['period_end']],
		(f) => f.period_kind !== 'range' || !isDate(f.period_start) || !isDate(f.period_end) || f.period_end >= f.period_start, 'admin_targets.errors.period_order'), ['period_end']),
	v.forward(v.partialCheck([['value_unit'], ['target_value']], (f) => f.value_unit !== 'percent' || f.target_value <= 100, 'admin_targets.errors.percent_max'), ['target_value']),
	v.transform((f) => ({
		code: f.code,
		nameVi: f.name_vi,
		nameEn: f.name_en,
		periodStart: f.period_kind === 'year' ? `${Number(f.year)}-01-01` : f.period_start,
		periodEnd: f.period_kind === 'year' ? `${Number(f.year)}-12-31` : f.period_end,
		targetValue: f.target_value,
		valueUnit: f.value_unit,
		direction: f.direction,
		responsible: f.responsible,
		measurement: f.measure === 'reported' ? ('reported' as const) : ('automatic' as const),
		metricCode: f.measure === 'reported' ? null : f.measure.slice('automatic:'.length),
		published: f.published,
		position: f.position
	}))
);
export type TargetInput = v.InferOutput<typeof targetForm>;

/** A stored target as the form's values (the period a year when it is exactly one). */
export function targetValues(t: Omit<TargetInput, 'published'> & { published: boolean }): Record<string, string> {
	const year = t.periodStart.slice(0, 4);
	const wholeYear = t.periodStart === `${year}-01-01` && t.periodEnd === `${year}-12-31`;
	return {
		code: t.code, name_vi: t.nameVi, name_en: t.nameEn, period_kind: wholeYear ? 'year' : 'range', year: wholeYear ? year : t.periodEnd.slice(0, 4),
		period_start: t.periodStart, period_end: t.periodEnd, target_value: String(t.targetValue), value_unit: t.valueUnit,
		direction: t.direction, responsible: t.responsible, measure: t.metricCode ? `automatic:${t.metricCode}` : 'reported',
		published: t.published ? 'on' : '', position: String(t.position)
	};
}

export const copyYearForm = v.object({
	year: v.pipe(raw, v.trim(), v.transform(Number), v.check(isYear, 'admin_targets.errors.year_invalid'))
});
