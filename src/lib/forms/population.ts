// Forms of the population admin: a year's figures typed per commune, and the CSV import (all or nothing).
import * as v from 'valibot';
import { POPULATION_LIMITS, isYear, parseCount, requiredText } from './targets.ts';

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
