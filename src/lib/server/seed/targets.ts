// Demo targets of the provincial steering committee for 2024–2026, demo population figures for every commune,
// and approved reported values (a few 2026 reports still waiting for approval), so that the dashboard shows
// "N of M targets met" and the re-aggregation of 2024 figures onto today's communes. Everything is marked
// is_demo and deterministic. Idempotent: nothing is added once a demo target exists.
import type { Tx } from '../db/index.ts';

type Unit = (tx: Tx, name: string) => Promise<number>;
type Year = 2024 | 2025 | 2026;

export const DEMO_SOURCE = 'Số liệu minh họa (demo)';

const SKHCN = 'Sở Khoa học và Công nghệ';
const VP = 'Văn phòng Ủy ban nhân dân tỉnh';
const SCT = 'Sở Công Thương';
const NHNN = 'Ngân hàng Nhà nước chi nhánh khu vực phụ trách tỉnh Khánh Hòa';
const XA = 'Ủy ban nhân dân các xã, phường';
/** The bodies of 2024, before the 2025 reorganisations (Ninh Thuận's departments, districts and bank branch). */
const BODIES_2024: Record<string, string> = {
	[VP]: 'Văn phòng Ủy ban nhân dân tỉnh Ninh Thuận', [SKHCN]: 'Sở Thông tin và Truyền thông tỉnh Ninh Thuận',
	[SCT]: 'Sở Công Thương tỉnh Ninh Thuận', [NHNN]: 'Ngân hàng Nhà nước chi nhánh tỉnh Ninh Thuận',
	[XA]: 'Ủy ban nhân dân các huyện, thành phố'
};

/**
 * A target code with its names, rule and responsible body; its value per year it was set; for reported targets,
 * what the communes reached: a share (0–1) of a denominator of `per` cases per adult, or a province-wide count.
 */
type Spec = {
	code: string; vi: string; en: string; unit: 'percent' | 'count'; atMost?: true; metric?: string; responsible: string;
	target: Partial<Record<Year, number>>; reached?: Partial<Record<Year, number>>; per?: number; draft?: true;
};

const SPECS: Spec[] = [
	{ code: 'CDS-01', metric: 'adults_basic_digital_skills', unit: 'percent', responsible: SKHCN, target: { 2025: 70, 2026: 80 },
		vi: 'Tỷ lệ người dân trưởng thành có kỹ năng số cơ bản', en: 'Share of adults with basic digital skills' },
	{ code: 'CDS-02', metric: 'learners_registered', unit: 'count', responsible: SKHCN, target: { 2025: 150_000, 2026: 250_000 },
		vi: 'Số người dân có tài khoản học tập trên nền tảng Học Số', en: 'People with a learning account on Học Số' },
	{ code: 'CDS-03', metric: 'contest_participants', unit: 'count', responsible: SKHCN, target: { 2025: 40_000, 2026: 60_000 },
		vi: 'Số người tham gia các cuộc thi trực tuyến về chuyển đổi số và an toàn thông tin',
		en: 'People taking part in online contests on digital transformation and online safety' },
	{ code: 'CDS-04', metric: 'officials_trained', unit: 'percent', responsible: 'Sở Nội vụ', target: { 2025: 80, 2026: 90 },
		vi: 'Tỷ lệ cán bộ, công chức hoàn thành bồi dưỡng kỹ năng số trong năm', en: 'Share of officials who completed digital-skills training in the year' },
	{ code: 'CDS-05', unit: 'percent', responsible: 'Sở Nội vụ', target: { 2025: 90, 2026: 95 }, reached: { 2025: 0.87, 2026: 0.968 }, per: 0.0016,
		vi: 'Tỷ lệ cán bộ, công chức cấp xã sử dụng thành thạo hệ thống quản lý văn bản và điều hành',
		en: 'Share of commune officials proficient with the document management system' },
	{ code: 'CDS-06', unit: 'percent', responsible: VP, target: { 2024: 50, 2025: 60, 2026: 80 }, reached: { 2024: 0.46, 2025: 0.64, 2026: 0.74 }, per: 0.3,
		vi: 'Tỷ lệ hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình', en: 'Share of administrative procedure files handled fully online' },
	{ code: 'CDS-07', unit: 'percent', responsible: VP, target: { 2024: 90, 2025: 90, 2026: 95 }, reached: { 2024: 0.87, 2025: 0.935, 2026: 0.976 }, per: 0.08,
		vi: 'Tỷ lệ văn bản trao đổi giữa các cơ quan nhà nước dưới dạng điện tử có ký số',
		en: 'Share of documents exchanged between state agencies electronically with a digital signature' },
	{ code: 'CDS-08', unit: 'percent', atMost: true, responsible: VP, target: { 2025: 3, 2026: 2 }, reached: { 2025: 0.036, 2026: 0.012 }, per: 0.3,
		vi: 'Tỷ lệ hồ sơ thủ tục hành chính giải quyết quá hạn', en: 'Share of administrative procedure files settled late' },
	{ code: 'CDS-09', unit: 'percent', responsible: 'Công an tỉnh', target: { 2025: 80, 2026: 90 }, reached: { 2025: 0.77, 2026: 0.86 }, per: 1.1,
		vi: 'Tỷ lệ người dân từ 14 tuổi trở lên có tài khoản định danh điện tử mức độ 2',
		en: 'Share of residents aged 14 and over with a level-2 electronic identification account' },
	{ code: 'CDS-10', metric: 'communes_with_team', unit: 'percent', responsible: XA, target: { 2025: 100, 2026: 100 },
		vi: 'Tỷ lệ xã, phường có tổ công nghệ số cộng đồng hoạt động', en: 'Share of communes with an active community technology team' },
	{ code: 'CDS-11', unit: 'count', responsible: XA, target: { 2024: 30_000, 2025: 80_000, 2026: 120_000 }, reached: { 2024: 27_400, 2025: 84_200, 2026: 131_500 },
		vi: 'Số lượt người dân được tổ công nghệ số cộng đồng hướng dẫn, hỗ trợ', en: 'Times residents were guided or helped by community technology teams' },
	{ code: 'CDS-12', unit: 'percent', responsible: SKHCN, target: { 2026: 90 }, reached: { 2026: 0.93 }, per: 0.0012,
		vi: 'Tỷ lệ thành viên tổ công nghệ số cộng đồng được tập huấn kỹ năng hỗ trợ người dân',
		en: 'Share of community technology team members trained to help residents' },
	{ code: 'CDS-13', unit: 'count', responsible: SCT, target: { 2024: 800, 2025: 2_500, 2026: 3_500 }, reached: { 2024: 870, 2025: 2_640, 2026: 3_180 },
		vi: 'Số hộ kinh doanh, hợp tác xã bán hàng trên các sàn thương mại điện tử', en: 'Household businesses and cooperatives selling on e-commerce platforms' },
	{ code: 'CDS-14', unit: 'count', responsible: SCT, target: { 2026: 250 }, reached: { 2026: 212 }, draft: true,
		vi: 'Số sản phẩm OCOP được giới thiệu, bán trên các sàn thương mại điện tử', en: 'OCOP products offered on e-commerce platforms' },
	{ code: 'CDS-15', unit: 'percent', responsible: NHNN, target: { 2024: 20, 2025: 35, 2026: 50 }, reached: { 2024: 0.22, 2025: 0.31, 2026: 0.54 }, per: 0.05,
		vi: 'Tỷ lệ giao dịch thanh toán không dùng tiền mặt tại các chợ', en: 'Share of cashless payments at markets' },
	{ code: 'CDS-16', unit: 'percent', responsible: NHNN, target: { 2026: 85 }, reached: { 2026: 0.88 }, per: 1, draft: true,
		vi: 'Tỷ lệ người trưởng thành có tài khoản giao dịch thanh toán tại ngân hàng hoặc tổ chức được phép',
		en: 'Share of adults with a payment account at a bank or another licensed provider' }
];

/** The 2026 reports of these communes, for these targets, still wait for a province admin's approval. */
const PENDING = { communes: ['Xã Bác Ái', 'Phường Đông Hải', 'Xã Cam An'], codes: ['CDS-06', 'CDS-11', 'CDS-13'] };

/** A deterministic generator in [0, 1) seeded by a text (FNV-1a, then a linear congruential sequence). */
export function seeded(text: string): () => number {
	let state = 2166136261;
	for (const char of text) state = Math.imul(state ^ char.charCodeAt(0), 16777619) >>> 0;
	state %= 2147483648;
	return () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
}

type Commune = { id: number; code: string; name: string; adults: number };

/** Demo adults and residents of a commune in a year: wards larger than rural communes; 2026 a little above 2025. */
function demoPopulation(code: string, name: string, year: Year): { adults: number; residents: number } {
	const random = seeded(`population/${year === 2024 ? 2024 : 2025}/${code}`);
	const u = random();
	// The Trường Sa special zone is a garrison archipelago with a few hundred residents, not a commune's thousands.
	const adults = name.startsWith('Đặc khu') ? 150 + 100 * u
		: year === 2024 ? 2_500 + 14_000 * u ** 2 : 6_000 + 38_400 * u ** (name.startsWith('Phường') ? 2.2 : 5.5);
	const grown = Math.round(adults * (year === 2026 ? 1.012 : 1));
	return { adults: grown, residents: Math.round(grown * (1.33 + 0.04 * random())) };
}

async function seedPopulation(tx: Tx, year: Year): Promise<Commune[]> {
	const communes = await tx<Omit<Commune, 'adults'>[]>`
		select id::int, code, name from public.unit
		where kind = 'commune' and validity @> make_date(${year}::int, 12, 31)
		order by code`;
	const rows = communes.map((c) => ({ unit_id: c.id, year, ...demoPopulation(c.code, c.name, year), source: DEMO_SOURCE, is_demo: true }));
	await tx`insert into public.unit_population ${tx(rows)} on conflict (unit_id, year) do nothing`;
	const stored = await tx<{ id: number; adults: number }[]>`select unit_id::int as id, adults from public.unit_population where year = ${year}`;
	const adults = new Map(stored.map((r) => [r.id, r.adults]));
	return communes.map((c) => ({ ...c, adults: adults.get(c.id) ?? 0 }));
}

/** Each commune's reported numerator and denominator for a reported target and year, near the province-wide level given. */
function reports(spec: Spec, year: Year, communes: Commune[]) {
	const random = seeded(`reports/${spec.code}/${year}`);
	const level = spec.reached![year]!;
	const totalAdults = communes.reduce((sum, c) => sum + c.adults, 0);
	return communes.map((c) => {
		const noise = random() - 0.5;
		if (spec.unit === 'count') return { unit_id: c.id, numerator: Math.round((level * c.adults * (1 + noise)) / totalAdults), denominator: null };
		const denominator = Math.max(10, Math.round(c.adults * spec.per! * (0.9 + 0.2 * random())));
		// Vary the smaller side (the share or its complement), so that no commune goes past 100 %.
		const share = level > 0.5 ? 1 - (1 - level) * (1 + noise) : level * (1 + noise);
		return { unit_id: c.id, numerator: Math.round(denominator * share), denominator };
	});
}

export async function seedTargets(tx: Tx, unit: Unit): Promise<number> {
	const [exists] = await tx`select 1 from public.target where is_demo`;
	if (exists) return 0;
	const communes: Record<Year, Commune[]> = { 2024: await seedPopulation(tx, 2024), 2025: await seedPopulation(tx, 2025), 2026: await seedPopulation(tx, 2026) };
	const pendingUnits = await Promise.all(PENDING.communes.map((name) => unit(tx, name)));

	let count = 0;
	for (const year of [2024, 2025, 2026] as const) {
		for (const [index, spec] of SPECS.entries()) {
			const value = spec.target[year];
			if (value === undefined) continue;
			const [{ id }] = await tx<{ id: number }[]>`
				insert into public.target ${tx({
					code: spec.code, name_vi: spec.vi, name_en: spec.en, period_start: `${year}-01-01`, period_end: `${year}-12-31`, target_value: value,
					value_unit: spec.unit, direction: spec.atMost ? 'at_most' : 'at_least', responsible: year === 2024 ? (BODIES_2024[spec.responsible] ?? spec.responsible) : spec.responsible,
					measurement: spec.metric ? 'automatic' : 'reported', metric_code: spec.metric ?? null, published: !spec.draft, is_demo: true, position: (index + 1) * 10
				})} returning id::int`;
			count++;
			if (spec.metric) continue;
			const rows = reports(spec, year, communes[year]).map((r) => ({ target_id: id, ...r, note: DEMO_SOURCE }));
			await tx`insert into public.target_report ${tx(rows)}`;
			const waiting = year === 2026 && PENDING.codes.includes(spec.code) ? pendingUnits : [];
			await tx`update public.target_report set status = 'approved' where target_id = ${id} and unit_id <> all (${waiting}::bigint[])`;
		}
	}
	await tx`select public.refresh_target_values()`;
	return count;
}
