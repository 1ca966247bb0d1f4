// The catalogue's GET query (?q=…&audience=…&area=…&level=…&page=…): unknown values are ignored, so a
// shared link never fails.
import * as v from 'valibot';

export const AUDIENCES = ['citizen', 'official', 'business', 'everyone'] as const;
export const LEVELS = ['basic', 'intermediate', 'advanced'] as const;
/** The six domains of Circular 02/2025/TT-BGDĐT, the framework the catalogue filters by. */
export const AREAS = ['1', '2', '3', '4', '5', '6'] as const;

const optionalPick = <T extends readonly string[]>(options: T) =>
	v.fallback(v.nullable(v.picklist(options)), null);

const schema = v.object({
	q: v.fallback(v.pipe(v.string(), v.trim(), v.maxLength(100)), ''),
	audience: optionalPick(AUDIENCES),
	area: optionalPick(AREAS),
	level: optionalPick(LEVELS),
	page: v.fallback(v.pipe(v.string(), v.transform(Number), v.integer(), v.minValue(1), v.maxValue(1000)), 1)
});

export type CatalogueQuery = { q: string; audience: string | null; area: string | null; level: string | null; page: number };

export function parseCatalogueQuery(params: URLSearchParams): CatalogueQuery {
	const input = Object.fromEntries(['q', 'audience', 'area', 'level', 'page'].map((key) => [key, params.get(key) || null]));
	return v.parse(schema, { ...input, q: input.q ?? '' }) as CatalogueQuery;
}

export function catalogueHref(query: CatalogueQuery, changes: Partial<CatalogueQuery> = {}): string {
	const next = { ...query, ...changes };
	const params = new URLSearchParams();
	if (next.q) params.set('q', next.q);
	for (const key of ['audience', 'area', 'level'] as const) if (next[key]) params.set(key, next[key]!);
	if (next.page > 1) params.set('page', String(next.page));
	const search = params.toString();
	return search ? `/courses?${search}` : '/courses';
}

export const lessonDone = v.object({
	lesson_id: v.pipe(v.string(), v.transform(Number), v.integer(), v.minValue(1)),
	event_id: v.pipe(v.string(), v.uuid()),
	stay: v.optional(v.string())
});
