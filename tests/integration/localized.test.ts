// Texts kept in both languages reach each reader in theirs: every query picks its column through
// db/localized.ts, and these check a few of them end to end.
import { describe, expect, it } from 'vitest';
import { ANON, asService } from '#lib/server/db/index.ts';
import * as about from '#lib/server/about.ts';
import * as courses from '#lib/server/courses.ts';
import * as reports from '#lib/server/reports.ts';
import * as targetAdmin from '#lib/server/target-admin.ts';
import { currentUnitId, grant, registerPerson } from './fixtures.ts';

describe('texts in the reader\'s language', () => {
	it('the competence areas of the catalogue filter', async () => {
		const english = await courses.listAreas(ANON, 'en');
		const vietnamese = await courses.listAreas(ANON, 'vi');
		expect(english.map((a) => a.code)).toEqual(['1', '2', '3', '4', '5', '6']);
		expect(english[0]).toEqual({ code: '1', name: 'Data and information exploitation' });
		expect(vietnamese[0]).toEqual({ code: '1', name: 'Khai thác dữ liệu và thông tin' });
	});

	it('the frameworks the about page credits', async () => {
		const english = await about.frameworkSources('en');
		const vietnamese = await about.frameworkSources('vi');
		expect(english.find((f) => f.code === 'tt02_2025')?.name).toBe('Digital competence framework for learners (Circular 02/2025/TT-BGDĐT)');
		expect(vietnamese.find((f) => f.code === 'tt02_2025')?.name).toBe('Khung năng lực số cho người học (Thông tư 02/2025/TT-BGDĐT)');
	});

	it('a metric\'s name and definition on the target form', async () => {
		const admin = await registerPerson({ name: 'Quản trị tỉnh ngôn ngữ' });
		await grant(admin.session.user.id, 'province_admin', null);
		const [english] = (await targetAdmin.metrics(admin.session.claims, 'en')).filter((m) => m.code === 'adults_basic_digital_skills');
		const [vietnamese] = (await targetAdmin.metrics(admin.session.claims, 'vi')).filter((m) => m.code === 'adults_basic_digital_skills');
		expect(english).toMatchObject({ name: 'Share of adults with basic digital skills', definition: expect.stringMatching(/^People living in the unit/) });
		expect(vietnamese).toMatchObject({ name: 'Tỷ lệ người trưởng thành có kỹ năng số cơ bản', definition: expect.stringMatching(/^Số người có nơi ở/) });
	});

	it('a reported target and its reports on the report page, for the communes of that year', async () => {
		const [{ id }] = await asService((tx) => tx<{ id: number }[]>`
			insert into public.target (code, name_vi, name_en, period_start, period_end, target_value, value_unit, direction, responsible, measurement, published)
			values ('LANG-1', 'Tỷ lệ hộ có cáp quang', 'Share of households with fibre', '2031-01-01', '2031-12-31', 80, 'percent', 'at_least',
				'Sở Khoa học và Công nghệ', 'reported', true)
			returning id::int`);
		const admin = await registerPerson({ name: 'Quản trị Nha Trang ngôn ngữ', homeUnit: 'Phường Nha Trang' });
		await grant(admin.session.user.id, 'unit_admin', 'Phường Nha Trang');
		const nhaTrang = await currentUnitId('Phường Nha Trang');
		await reports.submit(admin.session.claims, { targetId: id, unitId: nhaTrang, numerator: 40, denominator: 100, note: '', evidence: null });

		const english = await reports.reportable(admin.session.claims, 'en', 2031);
		expect(english.targets).toEqual([{ id, code: 'LANG-1', name: 'Share of households with fibre', valueUnit: 'percent', targetValue: 80, periodEnd: new Date('2031-12-31') }]);
		expect(english.communes).toEqual([{ id: nhaTrang, name: 'Phường Nha Trang' }]);
		expect(english.reports).toEqual([expect.objectContaining({ targetName: 'Share of households with fibre', unitName: 'Phường Nha Trang', submittedAt: expect.any(Date) })]);
		const vietnamese = await reports.reportable(admin.session.claims, 'vi', 2031);
		expect(vietnamese.targets[0].name).toBe('Tỷ lệ hộ có cáp quang');
		expect(vietnamese.reports[0].targetName).toBe('Tỷ lệ hộ có cáp quang');
		expect((await reports.reportable(admin.session.claims, 'en', 2030)).reports).toEqual([]);
	});
});
