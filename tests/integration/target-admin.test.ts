import { describe, expect, it } from 'vitest';
import * as targetAdmin from '#lib/server/target-admin.ts';
import { seedTargets } from '#lib/server/seed/targets.ts';
import { parseForm } from '#lib/forms/auth.ts';
import { targetForm, type TargetInput } from '#lib/forms/targets.ts';
import { parsePopulationForm } from '#lib/forms/population.ts';
import { asService, asUser, type Tx } from '#lib/server/db/index.ts';
import { currentUnitId, grant, registerPerson } from './fixtures.ts';

const unit = async (tx: Tx, name: string) =>
	(await tx<{ id: number }[]>`select id::int from public.unit where name = ${name} and valid_to is null`)[0].id;

async function provinceAdmin() {
	const person = await registerPerson({ name: 'Quản trị tỉnh' });
	await grant(person.session.user.id, 'province_admin', null);
	return person.session;
}

async function unitAdmin() {
	const person = await registerPerson({ name: 'Quản trị xã' });
	await grant(person.session.user.id, 'unit_admin', 'Xã Bác Ái');
	return person.session;
}

function form(values: Record<string, string>): FormData {
	const data = new FormData();
	for (const [key, value] of Object.entries(values)) data.set(key, value);
	return data;
}

const TARGET = {
	code: 't-01', name_vi: 'Tỷ lệ hồ sơ trực tuyến', name_en: 'Online files', period_kind: 'year', year: '2031', target_value: '80,5',
	value_unit: 'percent', direction: 'at_least', responsible: 'Văn phòng Ủy ban nhân dân tỉnh', measure: 'reported', published: 'on', position: '10'
};

function target(values: Record<string, string> = {}): TargetInput {
	const parsed = parseForm(targetForm, form({ ...TARGET, ...values }));
	if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
	return parsed.data;
}

const count = async (query: (tx: Tx) => Promise<{ n: number }[]>) => (await asService(query))[0].n;

describe('seedTargets', () => {
	it('on a fresh database loads targets for 2024–2026, population for every commune, approved values, and only once', async () => {
		const created = await asService((tx) => seedTargets(tx, unit));
		expect(created).toBe(34);
		const years = await asService((tx) => tx<{ year: number; n: number; reported: number; published: number }[]>`
			select extract(year from period_end)::int as year, count(*)::int as n, count(*) filter (where measurement = 'reported')::int as reported,
				count(*) filter (where published)::int as published
			from public.target where is_demo group by 1 order by 1`);
		expect(years).toEqual([
			{ year: 2024, n: 5, reported: 5, published: 5 },
			{ year: 2025, n: 13, reported: 8, published: 13 },
			{ year: 2026, n: 16, reported: 11, published: 14 }
		]);
		const population = await asService((tx) => tx<{ year: number; n: number; residents: number; min: number; max: number }[]>`
			select year::int, count(*)::int as n, sum(residents)::int as residents, min(adults) as min, max(adults) as max
			from public.unit_population where is_demo group by year order by year`);
		expect(population.map((p) => [p.year, p.n])).toEqual([[2024, 62], [2025, 65], [2026, 65]]);
		expect(population[1].residents).toBeGreaterThan(1_100_000);
		expect(population[1].residents).toBeLessThan(1_300_000);
		// Communes between 6 000 and 45 000 adults; the Trường Sa special zone has a few hundred.
		expect(population[2].min).toBeGreaterThanOrEqual(150);
		expect(population[2].min).toBeLessThan(300);
		expect(population[2].max).toBeLessThanOrEqual(45_000);

		expect(await count((tx) => tx`select count(*)::int as n from public.target_report where status = 'submitted'`)).toBe(9);
		expect(await count((tx) => tx`
			select count(*)::int as n from public.target_value v join public.unit u on u.id = v.unit_id
			where u.code = '22768' and u.valid_to is not null`)).toBe(5);

		const admin = await provinceAdmin();
		const province = await currentUnitId('Tỉnh Khánh Hòa');
		const [figures] = await asUser(admin.claims, (tx) => tx<{ met: number; total: number }[]>`
			select count(*) filter (where met)::int as met, count(*)::int as total from public.dashboard_targets(2026, ${province})`);
		expect(figures.total).toBe(16);
		expect(figures.met).toBeGreaterThan(3);
		expect(figures.met).toBeLessThan(12);
		const [then] = await asUser(admin.claims, (tx) => tx<{ n: number }[]>`
			select count(*)::int as n from public.dashboard_targets(2024, ${province}, true) where value is not null`);
		expect(then.n).toBe(5);

		expect(await asService((tx) => seedTargets(tx, unit))).toBe(0);
		expect(await count((tx) => tx`select count(*)::int as n from public.target`)).toBe(34);
	});
});

describe('targets', () => {
	it('a province admin creates a target; it is stored as given', async () => {
		const admin = await provinceAdmin();
		const id = await targetAdmin.create(admin.claims, target());
		const [row] = await asService((tx) => tx`select * from public.target where id = ${id}`);
		expect(row).toMatchObject({ code: 'T-01', name_vi: 'Tỷ lệ hồ sơ trực tuyến', target_value: '80.50', value_unit: 'percent', measurement: 'reported', metric_code: null, published: true, is_demo: false });
		expect(String(row.period_start.toISOString()).slice(0, 4)).toBe('2031');
		expect((await targetAdmin.list(admin.claims, 'vi')).find((g) => g.year === 2031)?.targets.map((t) => t.code)).toEqual(['T-01']);
	});

	it('a unit admin cannot create one: the refusal is a TargetAdminError and nothing is stored', async () => {
		const admin = await unitAdmin();
		const error = await targetAdmin.create(admin.claims, target({ code: 'T-02' })).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(targetAdmin.TargetAdminError);
		expect((error as targetAdmin.TargetAdminError).forbidden).toBe(true);
		expect(await count((tx) => tx`select count(*)::int as n from public.target where code = 'T-02'`)).toBe(0);
	});

	it('the form refuses bad input with a message per field', () => {
		const parsed = parseForm(targetForm, form({ ...TARGET, code: 'cds 01', name_en: ' ', target_value: '120', period_kind: 'range', period_start: '2031-05-01', period_end: '2031-02-30', measure: 'x' }));
		expect(parsed).toEqual({ ok: false, errors: {
			code: 'admin_targets.errors.code_invalid', name_en: 'admin_targets.errors.name_required', period_end: 'admin_targets.errors.date_invalid',
			measure: 'admin_targets.errors.measure_required', target_value: 'admin_targets.errors.percent_max'
		} });
		const percent = parseForm(targetForm, form({ ...TARGET, target_value: '120', period_kind: 'range', period_start: '2031-05-01', period_end: '2031-04-30' }));
		expect(percent).toEqual({ ok: false, errors: { period_end: 'admin_targets.errors.period_order', target_value: 'admin_targets.errors.percent_max' } });
		expect(parseForm(targetForm, form({ ...TARGET, target_value: '12.345', value_unit: 'count' }))).toMatchObject({ ok: true, data: { targetValue: 12345 } });
		expect(parseForm(targetForm, form({ ...TARGET, year: '1999' }))).toEqual({ ok: false, errors: { year: 'admin_targets.errors.year_invalid' } });
	});

	it('the database refuses what the form cannot know: a metric in another unit, a code used twice in a year', async () => {
		const admin = await provinceAdmin();
		await expect(targetAdmin.create(admin.claims, target({ code: 'T-03', measure: 'automatic:learners_registered' })))
			.rejects.toEqual(new targetAdmin.TargetAdminError('value_unit', 'admin_targets.errors.metric_unit'));
		await targetAdmin.create(admin.claims, target({ code: 'T-04' }));
		await expect(targetAdmin.create(admin.claims, target({ code: 'T-04', period_kind: 'range', period_start: '2031-06-01', period_end: '2031-12-31' })))
			.rejects.toEqual(new targetAdmin.TargetAdminError('code', 'admin_targets.errors.code_taken'));
	});

	it('once a target has reports its period and way of measuring stay; its name can change', async () => {
		const admin = await provinceAdmin();
		const id = await targetAdmin.create(admin.claims, target({ code: 'T-05', year: '2026' }));
		const commune = await currentUnitId('Xã Bác Ái');
		await asService((tx) => tx`insert into public.target_report (target_id, unit_id, numerator, denominator) values (${id}, ${commune}, 5, 10)`);
		await expect(targetAdmin.update(admin.claims, id, target({ code: 'T-05', year: '2027' })))
			.rejects.toEqual(new targetAdmin.TargetAdminError('form', 'admin_targets.errors.locked_by_reports'));
		await targetAdmin.update(admin.claims, id, target({ code: 'T-05', year: '2026', name_vi: 'Tên mới' }));
		expect((await targetAdmin.get(admin.claims, 'vi', id))?.nameVi).toBe('Tên mới');

		const automatic = await targetAdmin.create(admin.claims, target({ code: 'T-06', year: '2026', measure: 'automatic:adults_basic_digital_skills' }));
		await targetAdmin.update(admin.claims, automatic, target({ code: 'T-06', year: '2027', measure: 'automatic:officials_trained' }));
		await asService((tx) => tx`insert into public.target_value (target_id, unit_id, numerator, denominator) values (${automatic}, ${commune}, 1, 10)`);
		await expect(targetAdmin.update(admin.claims, automatic, target({ code: 'T-06', year: '2027' })))
			.rejects.toEqual(new targetAdmin.TargetAdminError('measure', 'admin_targets.errors.computed_values'));
	});

	it('copying a year makes unpublished copies a year later and skips codes the next year has', async () => {
		const admin = await provinceAdmin();
		await targetAdmin.create(admin.claims, target({ code: 'C-1', year: '2040' }));
		await targetAdmin.create(admin.claims, target({ code: 'C-2', period_kind: 'range', period_start: '2040-03-01', period_end: '2040-09-30' }));
		await targetAdmin.create(admin.claims, target({ code: 'C-3', year: '2040' }));
		await targetAdmin.create(admin.claims, target({ code: 'C-3', year: '2041', target_value: '90' }));
		expect(await targetAdmin.copyYear(admin.claims, 2040)).toEqual({ copied: 2, skipped: 1 });
		const next = (await targetAdmin.list(admin.claims, 'en')).find((g) => g.year === 2041)!.targets;
		expect(next.map((t) => [t.code, t.periodStart, t.periodEnd, t.published, t.targetValue])).toEqual([
			['C-1', '2041-01-01', '2041-12-31', false, 80.5],
			['C-2', '2041-03-01', '2041-09-30', false, 80.5],
			['C-3', '2041-01-01', '2041-12-31', true, 90]
		]);
		await expect(targetAdmin.copyYear((await unitAdmin()).claims, 2031)).rejects.toMatchObject({ forbidden: true });
		expect(await count((tx) => tx`select count(*)::int as n from public.target where extract(year from period_end) = 2032`)).toBe(0);
	});
});

describe('population', () => {
	it('a province admin edits a year\'s figures in one form; only the changed communes take the new source', async () => {
		const admin = await provinceAdmin();
		const rows = await targetAdmin.population(admin.claims, 2027);
		expect(rows).toHaveLength(65);
		const [a, b] = rows;
		const bad = parsePopulationForm(form({ [`adults_${a.unitId}`]: '12,5', [`residents_${b.unitId}`]: '100', source: '' }), rows.map((r) => r.unitId));
		expect(bad).toEqual({ ok: false, errors: {
			[`adults_${a.unitId}`]: 'admin_population.errors.count_invalid', [`adults_${b.unitId}`]: 'admin_population.errors.adults_required',
			source: 'admin_population.errors.source_required'
		} });
		const good = parsePopulationForm(form({ [`adults_${a.unitId}`]: '12.345', [`residents_${a.unitId}`]: '16 700', [`adults_${b.unitId}`]: '9000', source: 'Cục Thống kê' }), rows.map((r) => r.unitId));
		if (!good.ok) throw new Error('parse failed');
		expect(await targetAdmin.savePopulation(admin.claims, 2027, good.source, good.entries)).toBe(2);
		expect(await targetAdmin.savePopulation(admin.claims, 2027, 'Khác', good.entries)).toBe(0);
		const saved = (await targetAdmin.population(admin.claims, 2027)).filter((r) => r.adults !== null);
		expect(saved.map((r) => [r.unitId, r.adults, r.residents, r.source])).toEqual(
			expect.arrayContaining([[a.unitId, 12345, 16700, 'Cục Thống kê'], [b.unitId, 9000, null, 'Cục Thống kê']]));
		expect(await targetAdmin.savePopulation(admin.claims, 2027, 'Khác', [{ unitId: b.unitId, adults: null, residents: null }])).toBe(1);
		expect((await targetAdmin.population(admin.claims, 2027)).filter((r) => r.adults !== null)).toHaveLength(1);

		await expect(targetAdmin.savePopulation((await unitAdmin()).claims, 2027, 'x', good.entries)).rejects.toMatchObject({ forbidden: true });
		expect(await targetAdmin.populationYears(admin.claims)).toEqual([2027, 2026, 2025, 2024]);
	});

	it('imports a CSV (BOM, semicolons, quoted source, thousands dots); a code means the commune of that year', async () => {
		const admin = await provinceAdmin();
		const csv = '\uFEFFunit_code;year;adults;residents;source\r\n22780;2024;8.100;10.950;"Niên giám thống kê; 2024"\r\n22780;2028;21.000;;Cục Thống kê\r\n\r\n';
		expect(await targetAdmin.importPopulation(admin.claims, csv)).toEqual({ ok: true, count: 2 });
		const rows = await asService((tx) => tx<{ name: string; year: number; adults: number; residents: number | null; source: string }[]>`
			select u.name, p.year::int, p.adults, p.residents, p.source from public.unit_population p join public.unit u on u.id = p.unit_id
			where u.code = '22780' and p.year in (2024, 2028) order by p.year`);
		expect(rows).toEqual([
			{ name: 'Phường Mỹ Hải', year: 2024, adults: 8100, residents: 10950, source: 'Niên giám thống kê; 2024' },
			{ name: 'Phường Đông Hải', year: 2028, adults: 21000, residents: null, source: 'Cục Thống kê' }
		]);
	});

	it('a file with bad lines is refused whole, each problem with its line number', async () => {
		const admin = await provinceAdmin();
		const before = await count((tx) => tx`select count(*)::int as n from public.unit_population`);
		const csv = [
			'unit_code,year,adults,residents,source',
			'22366,2029,15000,20000,Cục Thống kê',
			'99999,2029,100,200,Cục Thống kê',
			'22333,2029,12,5,16000,Cục Thống kê',
			'22390,2029,9000,8000,Cục Thống kê',
			'22366,2029,15000,20000,Cục Thống kê',
			'22402,1899,1000,2000,',
			'22411,2029,"1,200",1500,"chưa đóng'
		].join('\n');
		const result = await targetAdmin.importPopulation(admin.claims, csv);
		expect(result).toEqual({ ok: false, problems: [
			{ line: 3, key: 'admin_population.errors.unit_unknown', params: { code: '99999', year: 2029 } },
			{ line: 4, key: 'admin_population.errors.columns', params: { expected: 5, found: 6 } },
			{ line: 5, key: 'admin_population.errors.residents_below_adults', params: undefined },
			{ line: 6, key: 'admin_population.errors.duplicate', params: { first: 2 } },
			{ line: 7, key: 'admin_population.errors.year_invalid', params: { value: '1899' } },
			{ line: 7, key: 'admin_population.errors.source_required', params: undefined },
			{ line: 8, key: 'admin_population.errors.quote_unclosed', params: undefined }
		] });
		expect(await count((tx) => tx`select count(*)::int as n from public.unit_population`)).toBe(before);
		expect(await targetAdmin.importPopulation(admin.claims, 'ma,nam\n1,2')).toEqual({ ok: false, problems: [{ line: 1, key: 'admin_population.errors.header_invalid' }] });
		await expect(targetAdmin.importPopulation((await unitAdmin()).claims, 'unit_code,year,adults,residents,source\n22366,2029,1,2,x'))
			.rejects.toMatchObject({ forbidden: true });
	});
});
