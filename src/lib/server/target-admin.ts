// The province admin's side of the targets: setting targets year by year (and copying a year's to the next),
// and keeping the population figures their shares are measured against. Runs as the signed-in user: RLS
// decides who may write, and the database's refusals come back as TargetAdminErrors naming field and message.
import { asUser, type Claims, type Tx } from './db/index.ts';
import { isPostgresError } from './db/errors.ts';
import { localized, type Localized } from './db/localized.ts';
import type { Camel, OneOf, Row } from './db/rows.ts';
import type { TargetInput } from '../forms/targets.ts';
import { parsePopulationCsv, type CsvProblem, type PopulationEntry } from '../forms/population.ts';
import type { Locale } from '../i18n/index.ts';
import { thisYear } from './years.ts';

/** A refusal to show next to a field ('form' for the whole form); key is an i18n key. */
export class TargetAdminError extends Error {
	readonly field: string;
	readonly key: string;
	constructor(field: string, key: string) {
		super(key);
		this.name = 'TargetAdminError';
		this.field = field;
		this.key = key;
	}
	get forbidden(): boolean {
		return this.key.endsWith('.not_allowed');
	}
}

type Unit = Row<'unit'>;
type Population = Row<'unit_population'>;

/** A target as its form edits it (periods as YYYY-MM-DD), with what the list shows besides. */
export type AdminTarget = TargetInput & Camel<Row<'target'>, 'id' | 'is_demo'> & {
	year: number; metricName: Localized<'metric', 'name'> | null; reports: number;
};
export type Metric = Pick<Row<'metric'>, 'code'> & {
	valueUnit: OneOf<Row<'metric'>['value_unit'], 'percent' | 'count'>; name: Localized<'metric', 'name'>; definition: Localized<'metric', 'definition'>;
};
/** A commune of the year, with its figures (null where it has none) and its district's name where it had one. */
export type PopulationRow = Pick<Unit, 'code' | 'name'> & {
	unitId: Unit['id']; district: Unit['name'] | null; adults: Population['adults'] | null; residents: Population['residents']; source: Population['source'] | null;
};

const REFUSALS: Record<string, [field: string, key: string]> = {
	'42501': ['form', 'admin_targets.errors.not_allowed'],
	target_metric_unit: ['value_unit', 'admin_targets.errors.metric_unit'],
	target_period: ['period_end', 'admin_targets.errors.period_order'],
	target_percent: ['target_value', 'admin_targets.errors.percent_max'],
	target_measured: ['measure', 'admin_targets.errors.measure_required'],
	'23505': ['code', 'admin_targets.errors.code_taken'],
	'23503': ['measure', 'admin_targets.errors.metric_unknown']
};

/** Runs fn as the user; a refusal named (by hint, constraint or SQLSTATE) in refusals becomes a TargetAdminError. */
async function write<T>(claims: Claims, fn: (tx: Tx) => Promise<T>, refusals = REFUSALS): Promise<T> {
	try {
		return await asUser(claims, fn);
	} catch (error) {
		if (!isPostgresError(error)) throw error;
		const match = refusals[error.hint ?? ''] ?? refusals[error.constraint_name ?? ''] ?? refusals[error.code];
		if (match) throw new TargetAdminError(...match);
		if (/^(23|22)/.test(error.code)) throw new TargetAdminError('form', 'admin_targets.errors.rejected');
		throw error;
	}
}

// ───────────────────────────── targets ─────────────────────────────
const targetColumns = (tx: Tx, locale: Locale) => tx`
	t.id::int, t.code, t.name_vi as "nameVi", t.name_en as "nameEn", extract(year from t.period_end)::int as year,
	to_char(t.period_start, 'YYYY-MM-DD') as "periodStart", to_char(t.period_end, 'YYYY-MM-DD') as "periodEnd", t.target_value::float8 as "targetValue",
	t.value_unit as "valueUnit", t.direction, t.responsible, t.measurement, t.metric_code as "metricCode",
	${localized(tx, locale, 'm.name')} as "metricName", t.published, t.is_demo as "isDemo", t.position,
	(select count(*) from public.target_report r where r.target_id = t.id)::int as reports`;

/** Every target the caller may read, grouped by the year its period ends in (newest first), in display order. */
export async function list(claims: Claims, locale: Locale): Promise<{ year: number; targets: AdminTarget[] }[]> {
	const rows = await asUser(claims, (tx) => tx<AdminTarget[]>`
		select ${targetColumns(tx, locale)} from public.target t left join public.metric m on m.code = t.metric_code
		order by year desc, t.position, t.code`);
	const years = new Map<number, AdminTarget[]>();
	for (const row of rows) years.set(row.year, [...(years.get(row.year) ?? []), row]);
	return [...years].map(([year, targets]) => ({ year, targets }));
}

export async function get(claims: Claims, locale: Locale, id: number): Promise<AdminTarget | undefined> {
	const [row] = await asUser(claims, (tx) => tx<AdminTarget[]>`
		select ${targetColumns(tx, locale)} from public.target t left join public.metric m on m.code = t.metric_code where t.id = ${id}`);
	return row;
}

/** The platform's metrics an automatic target can use, with their definitions in the language asked for. */
export function metrics(claims: Claims, locale: Locale): Promise<Metric[]> {
	return asUser(claims, (tx) => tx<Metric[]>`
		select code, value_unit as "valueUnit", ${localized(tx, locale, 'name')} as name,
			${localized(tx, locale, 'definition')} as definition
		from public.metric order by code`);
}

/** The bodies already named as responsible, offered as suggestions. */
export async function responsibleBodies(claims: Claims): Promise<string[]> {
	const rows = await asUser(claims, (tx) => tx<{ responsible: string }[]>`select distinct responsible from public.target`);
	return rows.map((r) => r.responsible).sort(new Intl.Collator('vi').compare);
}

const targetRow = (input: TargetInput) => ({
	code: input.code, name_vi: input.nameVi, name_en: input.nameEn, period_start: input.periodStart, period_end: input.periodEnd,
	target_value: input.targetValue, value_unit: input.valueUnit, direction: input.direction, responsible: input.responsible,
	measurement: input.measurement, metric_code: input.metricCode, published: input.published, position: input.position
});

// The dashboard compares a code with the same code a year earlier, so a code is used once per year.
async function assertCodeFree(tx: Tx, input: TargetInput, except: number | null) {
	const [taken] = await tx`
		select 1 from public.target where code = ${input.code} and extract(year from period_end) = ${Number(input.periodEnd.slice(0, 4))}
			and id is distinct from ${except}`;
	if (taken) throw new TargetAdminError('code', 'admin_targets.errors.code_taken');
}

export function create(claims: Claims, input: TargetInput): Promise<number> {
	return write(claims, async (tx) => {
		await assertCodeFree(tx, input, null);
		const [{ id }] = await tx<{ id: number }[]>`insert into public.target ${tx(targetRow(input))} returning id::int`;
		return id;
	});
}

/**
 * Changes a target. Once values were reported for it, its period, unit and way of measuring stay as they are;
 * an automatic target with computed values cannot become a reported one (the refresh would no longer replace
 * those values, and they would count as reported).
 */
export function update(claims: Claims, id: number, input: TargetInput): Promise<void> {
	return write(claims, async (tx) => {
		const [current] = await tx<{ key: string; measurement: string; reports: number; hasValues: boolean }[]>`
			select concat_ws('|', to_char(period_start, 'YYYY-MM-DD'), to_char(period_end, 'YYYY-MM-DD'), value_unit, measurement, metric_code) as key,
				t.measurement, (select count(*) from public.target_report r where r.target_id = t.id)::int as reports,
				exists (select 1 from public.target_value v where v.target_id = t.id) as "hasValues"
			from public.target t where t.id = ${id}`;
		if (!current) throw new TargetAdminError('form', 'admin_targets.errors.not_found');
		const key = [input.periodStart, input.periodEnd, input.valueUnit, input.measurement, input.metricCode].filter((x) => x !== null).join('|');
		if (current.reports > 0 && current.key !== key) throw new TargetAdminError('form', 'admin_targets.errors.locked_by_reports');
		if (current.measurement === 'automatic' && input.measurement === 'reported' && current.hasValues) {
			throw new TargetAdminError('measure', 'admin_targets.errors.computed_values');
		}
		await assertCodeFree(tx, input, id);
		const rows = await tx`update public.target set ${tx(targetRow(input))} where id = ${id} returning id`;
		if (rows.length === 0) throw new TargetAdminError('form', 'admin_targets.errors.not_allowed');
	});
}

/**
 * Copies a year's targets to the next year (same codes and settings, the period a year later), unpublished
 * so that the committee reviews the values before they are shown. Codes the next year has already are skipped.
 */
export function copyYear(claims: Claims, year: number): Promise<{ copied: number; skipped: number }> {
	return write(claims, async (tx) => {
		const [{ total }] = await tx<{ total: number }[]>`select count(*)::int as total from public.target where extract(year from period_end) = ${year}`;
		const copied = await tx`
			insert into public.target (code, name_vi, name_en, period_start, period_end, target_value, value_unit, direction, responsible,
				measurement, metric_code, published, is_demo, position)
			select t.code, t.name_vi, t.name_en, (t.period_start + interval '1 year')::date, (t.period_end + interval '1 year')::date,
				t.target_value, t.value_unit, t.direction, t.responsible, t.measurement, t.metric_code, false, t.is_demo, t.position
			from public.target t
			where extract(year from t.period_end) = ${year}
				and not exists (select 1 from public.target n where n.code = t.code and extract(year from n.period_end) = ${year + 1})
			returning id`;
		return { copied: copied.length, skipped: total - copied.length };
	});
}

// ───────────────────────────── population ─────────────────────────────
const POPULATION_REFUSALS: Record<string, [string, string]> = { '42501': ['form', 'admin_population.errors.not_allowed'] };

// A year's communes are those of the hierarchy valid on its last day, as for a target's period.
const communesOf = (tx: Tx, year: number) => tx`
	u.kind = 'commune' and u.validity @> make_date(${year}::int, 12, 31)`;

/** The years that have communes, from the first hierarchy loaded to next year, newest first. */
export async function populationYears(claims: Claims): Promise<number[]> {
	const rows = await asUser(claims, (tx) => tx<{ year: number }[]>`
		select y as year from generate_series(2000, ${thisYear() + 1}::int) y
		where exists (select 1 from public.unit u where u.kind = 'commune' and u.validity @> make_date(y, 12, 31))
		order by y desc`);
	return rows.map((r) => r.year);
}

/** The year's communes (by district where there are districts, then by name) with their figures, if any. */
export async function population(claims: Claims, year: number): Promise<PopulationRow[]> {
	const rows = await asUser(claims, (tx) => tx<PopulationRow[]>`
		select u.id::int as "unitId", u.code, u.name, case when d.kind = 'district' then d.name end as district,
			p.adults, p.residents, p.source
		from public.unit u left join public.unit d on d.id = u.parent_id
		left join public.unit_population p on p.unit_id = u.id and p.year = ${year}
		where ${communesOf(tx, year)}`);
	const collator = new Intl.Collator('vi');
	return rows.sort((a, b) => collator.compare(a.district ?? '', b.district ?? '') || collator.compare(a.name, b.name));
}

/**
 * Saves the figures of the year's communes that changed (a commune whose two fields are emptied loses its
 * figures), with the batch's source; unchanged rows keep theirs. Returns how many communes changed.
 */
export function savePopulation(claims: Claims, year: number, source: string, entries: PopulationEntry[]): Promise<number> {
	return write(claims, async (tx) => {
		const current = new Map((await tx<Camel<Population, 'unit_id' | 'adults' | 'residents'>[]>`
			select p.unit_id::int as "unitId", p.adults, p.residents from public.unit_population p where p.year = ${year}`).map((r) => [r.unitId, r]));
		const valid = new Set((await tx<{ id: number }[]>`select u.id::int from public.unit u where ${communesOf(tx, year)}`).map((r) => r.id));
		const removed = entries.filter((e) => e.adults === null && current.has(e.unitId)).map((e) => e.unitId);
		const changed = entries.filter((e): e is PopulationEntry & { adults: number } =>
			e.adults !== null && valid.has(e.unitId) && (current.get(e.unitId)?.adults !== e.adults || current.get(e.unitId)?.residents !== e.residents));
		if (removed.length) {
			const rows = await tx`delete from public.unit_population where year = ${year} and unit_id in ${tx(removed)} returning unit_id`;
			if (rows.length !== removed.length) throw new TargetAdminError('form', 'admin_population.errors.not_allowed');
		}
		await upsertPopulation(tx, changed.map((e) => ({ unit_id: e.unitId, year, adults: e.adults, residents: e.residents, source })));
		return removed.length + changed.length;
	}, POPULATION_REFUSALS);
}

async function upsertPopulation(tx: Tx, rows: { unit_id: number; year: number; adults: number; residents: number | null; source: string }[]) {
	if (rows.length === 0) return;
	await tx`
		insert into public.unit_population ${tx(rows.map((r) => ({ ...r, is_demo: false })))}
		on conflict (unit_id, year) do update
		set adults = excluded.adults, residents = excluded.residents, source = excluded.source, is_demo = false`;
}

/**
 * Imports a population CSV, all or nothing: each line's unit_code must be a commune of the hierarchy valid
 * at the end of its year. Returns the rows written, or every problem with its line number (nothing written).
 */
export function importPopulation(claims: Claims, text: string): Promise<{ ok: true; count: number } | { ok: false; problems: CsvProblem[] }> {
	return write(claims, async (tx) => {
		const { rows, problems } = parsePopulationCsv(text);
		const wanted = [...new Map(rows.map((r) => [`${r.unitCode}/${r.year}`, r])).values()];
		const found = wanted.length === 0 ? [] : await tx<(Pick<Unit, 'id' | 'code'> & Pick<Population, 'year'>)[]>`
			select w.code, w.year, u.id::int
			from unnest(${wanted.map((r) => r.unitCode)}::text[], ${wanted.map((r) => r.year)}::int[]) as w (code, year)
			join public.unit u on u.code = w.code and u.kind = 'commune' and u.validity @> make_date(w.year, 12, 31)`;
		const ids = new Map(found.map((f) => [`${f.code}/${f.year}`, f.id]));
		for (const row of rows) {
			if (!ids.has(`${row.unitCode}/${row.year}`)) problems.push({ line: row.line, key: 'admin_population.errors.unit_unknown', params: { code: row.unitCode, year: row.year } });
		}
		if (problems.length) return { ok: false as const, problems: problems.sort((a, b) => a.line - b.line) };
		await upsertPopulation(tx, rows.map((r) => ({ unit_id: ids.get(`${r.unitCode}/${r.year}`)!, year: r.year, adults: r.adults, residents: r.residents, source: r.source })));
		return { ok: true as const, count: rows.length };
	}, POPULATION_REFUSALS);
}
