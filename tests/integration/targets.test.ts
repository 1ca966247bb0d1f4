// Targets through the domain modules the dashboard and the report pages use: roll-ups add numerators and
// denominators, a target is met exactly at its value, a reported figure counts only once approved, a
// 2024 figure moves onto today's communes (the split ward by population) and is exported rounded, and the
// dashboard opens on a target with progress to show, its communes furthest behind first.
import { beforeAll, describe, expect, it } from 'vitest';
import * as targets from '#lib/server/targets.ts';
import * as reports from '#lib/server/reports.ts';
import * as exporter from '#lib/server/dashboard-export.ts';
import { ANON, asService } from '#lib/server/db/index.ts';
import { loadLocale, translator } from '#lib/i18n/index.ts';
import { currentUnitId, grant, oldUnitId, registerPerson } from './fixtures.ts';

let province: number;
let nhaTrang: number;
let phanRang: number;

async function target(fields: Record<string, unknown>): Promise<number> {
	return asService(async (tx) => {
		const [{ id }] = await tx<{ id: number }[]>`insert into public.target ${tx({
			name_vi: 'Chỉ tiêu', name_en: 'Target', period_start: '2026-01-01', period_end: '2026-12-31', value_unit: 'percent',
			direction: 'at_least', responsible: 'Sở Khoa học và Công nghệ', measurement: 'reported', published: true, ...fields
		})} returning id::int`;
		return id;
	});
}

/** Approved values straight into the summary, as the approval trigger leaves them. */
async function approved(targetId: number, values: [number, number, number | null][]) {
	await asService(async (tx) => {
		for (const [unit, numerator, denominator] of values) {
			await tx`insert into public.target_report (target_id, unit_id, numerator, denominator) values (${targetId}, ${unit}, ${numerator}, ${denominator})`;
		}
		await tx`update public.target_report set status = 'approved' where target_id = ${targetId}`;
	});
}

const figure = async (targetId: number, unit = province, year = 2026) =>
	(await targets.figures(ANON, 'vi', year, unit, false)).find((t) => t.id === targetId)!;

beforeAll(async () => {
	province = await currentUnitId('Tỉnh Khánh Hòa');
	nhaTrang = await currentUnitId('Phường Nha Trang');
	phanRang = await currentUnitId('Phường Phan Rang');
});

describe('roll-ups', () => {
	it('add numerators and denominators, not percentages', async () => {
		const id = await target({ code: 'T-SUM', target_value: 89 });
		await approved(id, [[nhaTrang, 1, 20], [phanRang, 90, 100]]);
		// 91 / 120 = 75.83 %, where the mean of 5 % and 90 % would be 47.5 %.
		expect(await figure(id)).toMatchObject({ numerator: 91, denominator: 120, value: 75.83, met: false });
		const rows = await targets.breakdown(ANON, id, province, false);
		expect(rows.slice(0, 2).map((r) => [r.unit.name, r.value])).toEqual([['Phường Phan Rang', 90], ['Phường Nha Trang', 5]]);
	});

	it('meet a target exactly at its value, for at least and at most', async () => {
		const atLeast = await target({ code: 'T-MIN', target_value: 50 });
		const atMost = await target({ code: 'T-MAX', target_value: 50, direction: 'at_most' });
		const justBelow = await target({ code: 'T-BELOW', target_value: 50.01 });
		for (const id of [atLeast, atMost, justBelow]) await approved(id, [[nhaTrang, 50, 100]]);
		expect((await figure(atLeast)).met).toBe(true);
		expect((await figure(atMost)).met).toBe(true);
		expect((await figure(justBelow)).met).toBe(false);
		const empty = await target({ code: 'T-EMPTY', target_value: 10 });
		expect(await figure(empty)).toMatchObject({ value: null, met: null });
	});

	it('hide a unit with fewer than 10 people from the public, not from its admin', async () => {
		const id = await target({ code: 'T-SMALL', target_value: 50 });
		await approved(id, [[nhaTrang, 5, 9]]);
		expect(await figure(id, nhaTrang)).toMatchObject({ hidden: true, value: null });
		const admin = await registerPerson({ homeUnit: 'Phường Nha Trang' });
		await grant(admin.session.user.id, 'unit_admin', 'Phường Nha Trang');
		const own = (await targets.figures(admin.session.claims, 'vi', 2026, nhaTrang, false)).find((t) => t.id === id);
		expect(own).toMatchObject({ hidden: false, numerator: 5, denominator: 9 });
	});
});

describe('a reported figure', () => {
	it('counts only once a province admin approves it', async () => {
		const id = await target({ code: 'T-REPORT', target_value: 80 });
		const admin = await registerPerson({ homeUnit: 'Phường Nha Trang' });
		await grant(admin.session.user.id, 'unit_admin', 'Phường Nha Trang');
		const boss = await registerPerson();
		await grant(boss.session.user.id, 'province_admin', null);

		await reports.submit(admin.session.claims, { targetId: id, unitId: nhaTrang, numerator: 85, denominator: 100, note: 'Số liệu quý IV', evidence: null });
		expect(await figure(id)).toMatchObject({ value: null, met: null });
		await expect(reports.submit(admin.session.claims, { targetId: id, unitId: phanRang, numerator: 1, denominator: 2, note: '', evidence: null }))
			.rejects.toMatchObject({ code: 'not_allowed' });

		const [waiting] = (await reports.queue(boss.session.claims, 'vi')).filter((r) => r.targetId === id);
		expect(waiting).toMatchObject({ unitName: 'Phường Nha Trang', numerator: 85, status: 'submitted' });
		expect(await reports.queue(admin.session.claims, 'vi')).toEqual([]);
		await reports.review(boss.session.claims, waiting.id, 'approved', '');
		expect(await figure(id)).toMatchObject({ value: 85, met: true });
		await expect(reports.submit(admin.session.claims, { targetId: id, unitId: nhaTrang, numerator: 99, denominator: 100, note: '', evidence: null }))
			.rejects.toMatchObject({ code: 'approved' });
		await expect(reports.submit(admin.session.claims, { targetId: id, unitId: nhaTrang, numerator: 3, denominator: null, note: '', evidence: null }))
			.rejects.toMatchObject({ code: 'approved' });
	});

	it('of a share needs a denominator no smaller than it', async () => {
		const id = await target({ code: 'T-SHARE', target_value: 80 });
		const admin = await registerPerson({ homeUnit: 'Phường Phan Rang' });
		await grant(admin.session.user.id, 'unit_admin', 'Phường Phan Rang');
		await expect(reports.submit(admin.session.claims, { targetId: id, unitId: phanRang, numerator: 120, denominator: 100, note: '', evidence: null }))
			.rejects.toMatchObject({ code: 'share_invalid' });
	});
});

describe('a 2024 figure', () => {
	it('is read on the units of its time, or moved onto today\'s communes with the split ward shared by population', async () => {
		const oldProvince = await oldUnitId('Tỉnh Ninh Thuận');
		const dongHaiOld = await oldUnitId('Phường Đông Hải');
		const doVinh = await oldUnitId('Phường Đô Vinh');
		const dongHaiNew = await currentUnitId('Phường Đông Hải');
		const phuocDinh = await currentUnitId('Xã Phước Dinh');
		const id = await target({ code: 'T-2024', target_value: 50, period_start: '2024-01-01', period_end: '2024-12-31' });
		await approved(id, [[dongHaiOld, 40, 80], [doVinh, 30, 60]]);

		expect(await figure(id, oldProvince, 2024)).toMatchObject({ numerator: 70, denominator: 140, value: 50, met: true });

		const moved = async (unit: number) => (await targets.figures(ANON, 'vi', 2024, unit, true)).find((t) => t.id === id)!;
		// No population yet: the split ward is shared equally between its two successors.
		expect(await moved(dongHaiNew)).toMatchObject({ numerator: 20, denominator: 40 });
		await asService((tx) => tx`insert into public.unit_population (unit_id, year, adults, source) values
			(${dongHaiNew}, 2025, 30000, 'test'), (${phuocDinh}, 2025, 10000, 'test')`);
		expect(await moved(dongHaiNew)).toMatchObject({ numerator: 30, denominator: 60 });
		expect(await moved(phuocDinh)).toMatchObject({ numerator: 10, denominator: 20 });
		// The whole is kept: the new province has all of it.
		expect(await moved(province)).toMatchObject({ numerator: 70, denominator: 140 });
	});
});

describe('the dashboard', () => {
	const query = { year: 2031, unit: null, target: null, view: 'then' as const };
	const in2031 = { period_start: '2031-01-01', period_end: '2031-12-31' };

	it('opens on the target with a figure above zero in the most communes, which it lists furthest behind first', async () => {
		const dongHai = await currentUnitId('Phường Đông Hải');
		const empty = await target({ code: 'T-D1', target_value: 50, ...in2031 });
		const one = await target({ code: 'T-D2', target_value: 50, ...in2031 });
		const two = await target({ code: 'T-D3', target_value: 50, ...in2031 });
		const draft = await target({ code: 'T-D4', target_value: 50, published: false, ...in2031 });
		await approved(one, [[nhaTrang, 5, 100]]);
		await approved(two, [[dongHai, 60, 100], [nhaTrang, 0, 100], [phanRang, 30, 100]]);
		await approved(draft, [[dongHai, 1, 100], [nhaTrang, 1, 100], [phanRang, 1, 100]]);

		const view = (await targets.dashboard(ANON, 'vi', query))!;
		expect(view.targets.map((t) => t.code)).toEqual(['T-D1', 'T-D2', 'T-D3']);
		expect(view.selected?.id).toBe(two);
		expect(view.breakdown.slice(0, 3).map((row) => [row.unit.name, row.value])).toEqual([
			['Phường Nha Trang', 0], ['Phường Phan Rang', 30], ['Phường Đông Hải', 60]
		]);
		expect(view.breakdown.slice(3).every((row) => row.value === null)).toBe(true);

		// A target asked for is shown, even one without figures.
		expect((await targets.dashboard(ANON, 'vi', { ...query, target: empty }))!.selected?.id).toBe(empty);
		// A commune has no children: the first target with a figure above zero there.
		expect((await targets.dashboard(ANON, 'vi', { ...query, unit: nhaTrang }))!.selected?.id).toBe(one);
		// Where nothing has a figure, the first target.
		expect((await targets.dashboard(ANON, 'vi', { ...query, unit: await currentUnitId('Xã Phước Dinh') }))!.selected?.id).toBe(empty);
	});

	it('exports figures moved onto today\'s communes rounded as it shows them, and says so, while the database keeps them exact', async () => {
		await loadLocale('vi', 'activities');
		const t = translator('vi');
		const dongHaiOld = await oldUnitId('Phường Đông Hải');
		const dongHaiNew = await currentUnitId('Phường Đông Hải');
		const phuocDinh = await currentUnitId('Xã Phước Dinh');
		const id = await target({ code: 'T-ROUND', target_value: 50, period_start: '2024-01-01', period_end: '2024-12-31' });
		await approved(id, [[dongHaiOld, 41, 80]]);
		// Two thirds and one third of the ward's figures go to its successors.
		await asService((tx) => tx`insert into public.unit_population (unit_id, year, adults, source) values
			(${dongHaiNew}, 2027, 2000, 'test'), (${phuocDinh}, 2027, 1000, 'test')`);

		const view = (await targets.dashboard(ANON, 'vi', { year: 2024, unit: null, target: id, view: 'now' }))!;
		const exact = view.breakdown.find((row) => row.unit.id === dongHaiNew)!;
		expect(exact.numerator).toBeCloseTo(27.3333, 3);
		expect(exact.denominator).toBeCloseTo(53.3333, 3);

		const [header, ...rows] = await exporter.breakdownRows(ANON, view, t);
		for (const column of ['value', 'numerator', 'denominator']) expect(header).toContain(t(`dashboard.columns.${column}`));
		expect(header.join(' ')).toMatch(/làm tròn/);
		const byUnit = (name: string) => rows.find((row) => row[0] === 'T-ROUND' && row[2] === name);
		// 27.33 / 53.33 = 51.25 %: shown and exported as 51.3 %, 27 of 53.
		expect(byUnit('Phường Đông Hải')).toEqual(['T-ROUND', 'Chỉ tiêu', 'Phường Đông Hải', 51.3, 27, 53, t('dashboard.state.met')]);
		expect(byUnit('Xã Phước Dinh')).toEqual(['T-ROUND', 'Chỉ tiêu', 'Xã Phước Dinh', 51.3, 14, 27, t('dashboard.state.met')]);
		const csv = exporter.toCsv([header, ...rows]);
		expect(csv).toContain('Phường Đông Hải,51.3,27,53,');
		expect(csv).not.toMatch(/\d\.\d{2,}/);

		const [, ...targetRows] = exporter.targetRows(view, t);
		expect(targetRows.find((row) => row[0] === 'T-ROUND')?.slice(5, 8)).toEqual([51.3, 41, 80]);
	});
});
