// The province's targets as the dashboard shows them: which years and units there are, every target's
// figures at a unit (N of M met), a target's breakdown by the unit's children, its trend over the years,
// and the scheduled refresh of the automatic figures. The SQL functions decide who sees what.
import { ANON, asService, asUser, type Claims } from './db/index.ts';
import { localized } from './db/localized.ts';
import type { Row } from './db/rows.ts';
import { TtlCache } from './cache.ts';
import { log } from './log.ts';
import { defaultYear } from './years.ts';
import type { Locale } from '../i18n/index.ts';
import { behindFirst } from '../components/dashboard/order.ts';

export type UnitRef = Pick<Row<'unit'>, 'id' | 'name' | 'kind'>;

// The figures come from SQL functions (dashboard_targets, _breakdown, _trend), whose result columns the
// generated types do not mark nullable: they are typed here.

export type TargetFigure = {
	id: number;
	code: string;
	name: string;
	valueUnit: 'percent' | 'count';
	direction: 'at_least' | 'at_most';
	targetValue: number;
	measurement: 'automatic' | 'reported';
	responsible: string;
	isDemo: boolean;
	published: boolean;
	numerator: number | null;
	denominator: number | null;
	value: number | null;
	met: boolean | null;
	hidden: boolean;
	previousValue: number | null;
};

export type Breakdown = { unit: UnitRef; numerator: number | null; denominator: number | null; value: number | null; met: boolean | null; hidden: boolean };
export type TrendPoint = { year: number; value: number | null; targetValue: number; met: boolean | null; hidden: boolean };

/** The first day of the 2025 hierarchy: periods ending before it were measured on the units of their time. */
export const REORGANISATION = '2025-07-01';

/** Years that have targets the caller may see, newest first. */
export function years(claims: Claims): Promise<number[]> {
	return asUser(claims, async (tx) =>
		(await tx<{ year: number }[]>`select distinct extract(year from period_end)::int as year from public.target order by 1 desc`).map((r) => r.year)
	);
}

/**
 * The unit the dashboard looks at, with its ancestors for the breadcrumbs: the one asked for if it belongs
 * to the hierarchy the view uses (the period's own, or today's), else that hierarchy's province.
 */
export function scope(claims: Claims, year: number, asCurrent: boolean, unitId: number | null): Promise<{ unit: UnitRef; ancestors: UnitRef[] } | undefined> {
	const periodEnd = `${year}-12-31`;
	const day = !asCurrent && periodEnd < REORGANISATION ? periodEnd : null;
	return asUser(claims, async (tx) => {
		const valid = tx`u.validity @> coalesce(${day}::date, current_date)`;
		const columns = tx`u.id::int, u.name, u.kind, u.path::int[] as path`;
		const [asked] = unitId
			? await tx<(UnitRef & { path: number[] })[]>`select ${columns} from public.unit u where u.id = ${unitId} and u.kind <> 'agency' and ${valid}`
			: [];
		const [unit] = asked
			? [asked]
			: await tx<(UnitRef & { path: number[] })[]>`select ${columns} from public.unit u where u.kind = 'province' and ${valid} order by u.valid_from desc limit 1`;
		if (!unit) return undefined;
		const ancestors = await tx<UnitRef[]>`
			select u.id::int, u.name, u.kind from public.unit u where u.id = any (${unit.path}) and u.id <> ${unit.id}
			order by array_position(${unit.path}::bigint[], u.id)`;
		return { unit: { id: unit.id, name: unit.name, kind: unit.kind }, ancestors };
	});
}

/** Every target of the year at the unit, with its figures; published ones only where the caller is not an admin of it. */
export function figures(claims: Claims, locale: Locale, year: number, unitId: number, asCurrent: boolean): Promise<TargetFigure[]> {
	return asUser(claims, (tx) => tx<TargetFigure[]>`
		select target_id::int as id, code, ${localized(tx, locale, 'name')} as name,
			value_unit as "valueUnit", direction, target_value::float as "targetValue", measurement, responsible,
			is_demo as "isDemo", published, numerator::float, denominator::float, value::float, met, hidden,
			previous_value::float as "previousValue"
		from public.dashboard_targets(${year}, ${unitId}, ${asCurrent})`);
}

export function breakdown(claims: Claims, targetId: number, parentId: number, asCurrent: boolean): Promise<Breakdown[]> {
	return asUser(claims, async (tx) => {
		const rows = await tx<(Omit<Breakdown, 'unit'> & { id: number; name: string; kind: string })[]>`
			select unit_id::int as id, unit_name as name, unit_kind as kind, numerator::float, denominator::float, value::float, met, hidden
			from public.dashboard_breakdown(${targetId}, ${parentId}, ${asCurrent})`;
		return rows.map(({ id, name, kind, ...figure }) => ({ unit: { id, name, kind }, ...figure }));
	});
}

export function trend(claims: Claims, code: string, unitId: number): Promise<TrendPoint[]> {
	return asUser(claims, (tx) => tx<TrendPoint[]>`
		select year, value::float, target_value::float as "targetValue", met, hidden from public.dashboard_trend(${code}, ${unitId})`);
}

/** When the automatic figures were last computed. */
export async function refreshedAt(claims: Claims): Promise<Date | null> {
	const [row] = await asUser(claims, (tx) => tx<{ at: Row<'target_refresh'>['refreshed_at'] }[]>`select refreshed_at as at from public.target_refresh`);
	return row?.at ?? null;
}

/** Recomputes the automatic figures now (service work). */
export async function refresh(): Promise<{ at: Date; ms: number }> {
	return asService(async (tx) => {
		await tx`select public.refresh_target_values()`;
		const [row] = await tx<{ at: Row<'target_refresh'>['refreshed_at']; ms: Row<'target_refresh'>['duration_ms'] }[]>`
			select refreshed_at as at, duration_ms as ms from public.target_refresh`;
		return row;
	});
}

let timer: ReturnType<typeof setInterval> | undefined;

/**
 * Refreshes the automatic figures every intervalMinutes in the background, and ranks contest rounds that
 * have closed. Each process checks the time of
 * the last refresh first, so that several processes on one database refresh about once per interval.
 */
export function startRefreshing(intervalMinutes: number): void {
	if (timer || intervalMinutes <= 0) return;
	const tick = async () => {
		try {
			const [due] = await asService((tx) => tx<{ due: boolean }[]>`
				select coalesce((select refreshed_at < now() - make_interval(mins => ${intervalMinutes}) from public.target_refresh), true) as due`);
			if (due.due) {
				const { ms } = await refresh();
				log.info('target figures refreshed', { ms });
			}
			// Rounds that have closed are ranked here, so that no visitor's request waits for it (the contest
			// page still ranks a round itself if it gets there first).
			const ranked = await asService((tx) => tx`
				select public.compute_round_results(r.id) from public.contest_round r join public.quiz q on q.id = r.quiz_id
				where r.results_at is null and q.closes_at <= now()`);
			if (ranked.count > 0) log.info('contest rounds ranked', { rounds: ranked.count });
		} catch (error) {
			log.warn('target figures not refreshed', { error: error instanceof Error ? error.message : String(error) });
		}
	};
	timer = setInterval(tick, Math.min(intervalMinutes, 1) * 60_000);
	timer.unref();
	void tick();
}

export function stopRefreshing(): void {
	clearInterval(timer);
	timer = undefined;
}

export type DashboardView = {
	years: number[];
	year: number;
	/** the period's hierarchy is gone (before the 2025 reorganisation) */
	oldPeriod: boolean;
	asCurrent: boolean;
	unit: UnitRef;
	ancestors: UnitRef[];
	targets: TargetFigure[];
	met: number;
	/** the target asked for, else defaultTarget()'s */
	selected: TargetFigure | null;
	/** the selected target by the unit's children, furthest behind first */
	breakdown: Breakdown[];
	trend: TrendPoint[];
	refreshedAt: Date | null;
};

/** Everything the dashboard shows for a query, from the SQL functions (each decides what the caller sees). */
export async function dashboard(
	claims: Claims,
	locale: Locale,
	query: { year: number | null; unit: number | null; target: number | null; view: 'then' | 'now' }
): Promise<DashboardView | undefined> {
	const available = await years(claims);
	const year = query.year ?? defaultYear(available) ?? defaultYear();
	const oldPeriod = `${year}-12-31` < REORGANISATION;
	const asCurrent = oldPeriod && query.view === 'now';
	const place = await scope(claims, year, asCurrent, query.unit);
	if (!place) return undefined;
	const list = await figures(claims, locale, year, place.unit.id, asCurrent);
	const selected = list.find((t) => t.id === query.target) ?? (await defaultTarget(list, year, place.unit.id, asCurrent));
	const [children, points, refreshed] = await Promise.all([
		selected ? breakdown(claims, selected.id, place.unit.id, asCurrent).then((rows) => behindFirst(rows, selected.direction)) : [],
		selected ? trend(claims, selected.code, place.unit.id) : [],
		refreshedAt(claims)
	]);
	return {
		years: available,
		year,
		oldPeriod,
		asCurrent,
		...place,
		targets: list,
		met: list.filter((t) => t.met).length,
		selected,
		breakdown: children,
		trend: points,
		refreshedAt: refreshed
	};
}

const widest = new TtlCache<number | null>({ ttlMs: 60_000, max: 64 });

/**
 * The published target of the year with a figure above zero in the most children of the unit (the first in
 * the committee's order on a tie), or null where none has: the one whose breakdown shows most. It is the
 * same for everyone and costs a breakdown of every target, so it is computed as the public sees it and kept
 * a minute per process (figures change at most at a refresh or an approval).
 */
export function widestTarget(year: number, unitId: number, asCurrent: boolean): Promise<number | null> {
	return widest.get(`${year}:${unitId}:${asCurrent}`, async () => {
		const [row] = await asUser(ANON, (tx) => tx<{ id: number }[]>`
			select t.target_id::int as id
			from public.dashboard_targets(${year}, ${unitId}, ${asCurrent}) with ordinality as t
			join lateral public.dashboard_breakdown(t.target_id, ${unitId}, ${asCurrent}) b on b.value > 0
			group by t.target_id, t.ordinality
			order by count(*) desc, t.ordinality
			limit 1`);
		return row?.id ?? null;
	});
}

/**
 * The target the dashboard opens on when none is asked for: one with progress to show rather than an empty
 * breakdown. The widest published one; else (a commune has no children, or only drafts have figures) the
 * first whose figure at the unit is above zero, then the first with any figure, then the first.
 */
async function defaultTarget(list: TargetFigure[], year: number, unitId: number, asCurrent: boolean): Promise<TargetFigure | null> {
	if (list.length === 0) return null;
	const widestId = await widestTarget(year, unitId, asCurrent);
	return (
		list.find((t) => t.id === widestId) ??
		list.find((t) => t.value !== null && t.value > 0) ??
		list.find((t) => t.value !== null) ??
		list[0]
	);
}

const glance = new TtlCache<{ year: number; met: number; total: number } | null>({ ttlMs: 60_000, max: 4 });

/**
 * The province's public "N of M targets met" this year (or the latest year with targets), for the home page:
 * the published figure whoever asks, kept a minute per process (the figures change at most at a refresh
 * or an approval, and the home page is the busiest page there is).
 */
export function atAGlance(locale: Locale): Promise<{ year: number; met: number; total: number } | null> {
	return glance.get(locale, () => computeGlance(ANON, locale));
}

async function computeGlance(claims: Claims, locale: Locale): Promise<{ year: number; met: number; total: number } | null> {
	const available = await years(claims);
	const year = defaultYear(available);
	if (year === undefined) return null;
	const place = await scope(claims, year, false, null);
	if (!place) return null;
	const list = await figures(claims, locale, year, place.unit.id, false);
	return list.length ? { year, met: list.filter((t) => t.met).length, total: list.length } : null;
}
