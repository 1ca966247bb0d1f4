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
const requiredText = (max: number, missing: string, tooLong: string) => v.pipe(raw, v.trim(), v.nonEmpty(missing), v.maxLength(max, tooLong));

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

// ── population of a year's communes: adults_<unit id>, residents_<unit id>, and one source for the batch ──
export type PopulationEntry = { unitId: number; adults: number | null; residents: number | null };
export type PopulationParse = { ok: true; source: string; entries: PopulationEntry[] } | { ok: false; errors: Record<string, string> };

const source = requiredText(POPULATION_LIMITS.source, 'admin_population.errors.source_required', 'admin_population.errors.source_too_long');

/** A count typed in a field: '' is none; anything else must be a count of people within bounds. */
export function peopleCount(text: string): number | null | undefined {
	if (text.trim() === '') return null;
	const n = parseCount(text);
	return Number.isSafeInteger(n) && n <= POPULATION_LIMITS.people ? n : undefined;
}

/** The checks a commune's pair of figures must pass, as a field and a message key (or none). */
export function populationProblem(adults: number | null, residents: number | null): ['adults' | 'residents', string] | null {
	if (adults === null && residents !== null) return ['adults', 'admin_population.errors.adults_required'];
	if (adults !== null && residents !== null && residents < adults) return ['residents', 'admin_population.errors.residents_below_adults'];
	return null;
}

export function parsePopulationForm(form: FormData, unitIds: number[]): PopulationParse {
	const text = (name: string) => (typeof form.get(name) === 'string' ? (form.get(name) as string) : '');
	const errors: Record<string, string> = {};
	const entries: PopulationEntry[] = [];
	for (const unitId of unitIds) {
		const adults = peopleCount(text(`adults_${unitId}`));
		const residents = peopleCount(text(`residents_${unitId}`));
		if (adults === undefined) errors[`adults_${unitId}`] = 'admin_population.errors.count_invalid';
		if (residents === undefined) errors[`residents_${unitId}`] = 'admin_population.errors.count_invalid';
		if (adults === undefined || residents === undefined) continue;
		const problem = populationProblem(adults, residents);
		if (problem) errors[`${problem[0]}_${unitId}`] = problem[1];
		else entries.push({ unitId, adults, residents });
	}
	const parsed = v.safeParse(source, text('source'));
	if (!parsed.success) errors.source = parsed.issues[0].message;
	return parsed.success && Object.keys(errors).length === 0 ? { ok: true, source: parsed.output, entries } : { ok: false, errors };
}

// ── population CSV: unit_code,year,adults,residents,source with a header; ',' or ';'; quotes as in RFC 4180 ──
export const CSV_MAX_BYTES = 1024 * 1024;
export const CSV_COLUMNS = ['unit_code', 'year', 'adults', 'residents', 'source'] as const;
export type CsvProblem = { line: number; key: string; params?: Record<string, string | number> };
export type CsvRow = { line: number; unitCode: string; year: number; adults: number; residents: number | null; source: string };

/** Splits CSV text into records, each with the line it starts on; a quoted field may hold the delimiter, quotes ("") and line breaks. */
export function csvRecords(text: string, delimiter: string): { line: number; fields: string[]; unclosed?: boolean }[] {
	const records: { line: number; fields: string[]; unclosed?: boolean }[] = [];
	let fields: string[] = [];
	let field = '';
	let quoted = false;
	let line = 1;
	let start = 1;
	const end = () => {
		fields.push(field);
		if (fields.some((f) => f.trim() !== '')) records.push({ line: start, fields });
		fields = [];
		field = '';
	};
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (quoted) {
			if (c === '"' && text[i + 1] === '"') {
				field += '"';
				i++;
			} else if (c === '"') quoted = false;
			else {
				if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) line++;
				field += c;
			}
		} else if (c === '"' && field.trim() === '') {
			quoted = true;
			field = '';
		} else if (c === delimiter) {
			fields.push(field);
			field = '';
		} else if (c === '\n' || c === '\r') {
			if (c === '\r' && text[i + 1] === '\n') i++;
			end();
			start = ++line;
		} else field += c;
	}
	if (quoted) records.push({ line: start, fields: [...fields, field], unclosed: true });
	else if (field !== '' || fields.length) end();
	return records;
}

/** Reads a population file: its rows, or every problem found with its line number (nothing is taken from a file with problems). */
export function parsePopulationCsv(input: string): { rows: CsvRow[]; problems: CsvProblem[] } {
	const text = input.replace(/^\uFEFF/, '');
	if (text.includes('\uFFFD')) return { rows: [], problems: [{ line: 1, key: 'admin_population.errors.file_encoding' }] };
	const firstLine = text.split(/\r\n|\n|\r/).find((l) => l.trim() !== '') ?? '';
	const delimiter = firstLine.includes(';') ? ';' : ',';
	const [header, ...records] = csvRecords(text, delimiter);
	const names = header?.fields.map((name) => name.trim().toLowerCase()) ?? [];
	const index = Object.fromEntries(CSV_COLUMNS.map((column) => [column, names.indexOf(column)])) as Record<(typeof CSV_COLUMNS)[number], number>;
	if (!header || Object.values(index).some((i) => i < 0)) return { rows: [], problems: [{ line: header?.line ?? 1, key: 'admin_population.errors.header_invalid' }] };
	if (records.length === 0) return { rows: [], problems: [{ line: header.line, key: 'admin_population.errors.file_empty' }] };

	const rows: CsvRow[] = [];
	const problems: CsvProblem[] = [];
	const seen = new Map<string, number>();
	for (const { line, fields, unclosed } of records) {
		const problem = (key: string, params?: CsvProblem['params']) => problems.push({ line, key, params });
		if (unclosed) {
			problem('admin_population.errors.quote_unclosed');
			continue;
		}
		if (fields.length !== names.length) {
			problem('admin_population.errors.columns', { expected: names.length, found: fields.length });
			continue;
		}
		const cell = (column: (typeof CSV_COLUMNS)[number]) => fields[index[column]].trim();
		const unitCode = cell('unit_code');
		const year = Number(cell('year'));
		const adults = peopleCount(cell('adults'));
		const residents = peopleCount(cell('residents'));
		const rowSource = v.safeParse(source, cell('source'));
		const before = problems.length;
		if (unitCode === '' || unitCode.length > 32) problem('admin_population.errors.code_required');
		if (!/^\d{4}$/.test(cell('year')) || !isYear(year)) problem('admin_population.errors.year_invalid', { value: cell('year') });
		if (adults === null) problem('admin_population.errors.adults_required');
		else if (adults === undefined) problem('admin_population.errors.adults_invalid', { value: cell('adults') });
		if (residents === undefined) problem('admin_population.errors.residents_invalid', { value: cell('residents') });
		else if (typeof adults === 'number' && residents !== null && residents < adults) problem('admin_population.errors.residents_below_adults');
		if (!rowSource.success) problem(rowSource.issues[0].message);
		const key = `${unitCode}/${year}`;
		if (seen.has(key)) problem('admin_population.errors.duplicate', { first: seen.get(key)! });
		else seen.set(key, line);
		if (problems.length === before && rowSource.success && typeof adults === 'number' && residents !== undefined) {
			rows.push({ line, unitCode, year, adults, residents, source: rowSource.output });
		}
	}
	return { rows, problems };
}
