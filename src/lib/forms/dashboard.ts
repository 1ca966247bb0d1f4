// The dashboard's query: year, unit, whether an old period is shown on today's communes, which target.
import * as v from 'valibot';

const positive = v.fallback(v.nullable(v.pipe(v.string(), v.transform(Number), v.integer(), v.minValue(1))), null);

const schema = v.object({
	year: v.fallback(v.nullable(v.pipe(v.string(), v.transform(Number), v.integer(), v.minValue(2000), v.maxValue(2100))), null),
	unit: positive,
	target: positive,
	view: v.fallback(v.picklist(['then', 'now']), 'then')
});

export type DashboardQuery = { year: number | null; unit: number | null; target: number | null; view: 'then' | 'now' };

export function parseDashboardQuery(params: URLSearchParams): DashboardQuery {
	const input = Object.fromEntries(['year', 'unit', 'target', 'view'].map((key) => [key, params.get(key) ?? undefined]));
	return v.parse(schema, input) as DashboardQuery;
}

export function dashboardHref(query: DashboardQuery, changes: Partial<DashboardQuery> = {}, path = '/dashboard'): string {
	const next = { ...query, ...changes };
	const params = new URLSearchParams();
	if (next.year) params.set('year', String(next.year));
	if (next.unit) params.set('unit', String(next.unit));
	if (next.target) params.set('target', String(next.target));
	if (next.view === 'now') params.set('view', 'now');
	const search = params.toString();
	return search ? `${path}?${search}` : path;
}
