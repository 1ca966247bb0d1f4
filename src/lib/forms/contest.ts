// The query of a contest page: which ranking (a round or the whole contest), which group, which page.
import * as v from 'valibot';

const id = v.fallback(v.nullable(v.pipe(v.string(), v.transform(Number), v.integer(), v.minValue(1))), null);

const schema = v.object({
	round: v.fallback(v.union([v.literal('all'), v.pipe(v.string(), v.transform(Number), v.integer(), v.minValue(1), v.maxValue(100))]), 0),
	by: v.fallback(v.picklist(['commune', 'agency']), 'commune'),
	commune: id,
	agency: id,
	page: v.fallback(v.pipe(v.string(), v.transform(Number), v.integer(), v.minValue(1), v.maxValue(10_000)), 1)
});

export type ResultsQuery = { round: number | 'all'; by: 'commune' | 'agency'; commune: number | null; agency: number | null; page: number };

export function parseResultsQuery(params: URLSearchParams): ResultsQuery {
	const input = Object.fromEntries(['round', 'by', 'commune', 'agency', 'page'].map((key) => [key, params.get(key) ?? undefined]));
	return v.parse(schema, input) as ResultsQuery;
}

export function resultsHref(slug: string, query: ResultsQuery, changes: Partial<ResultsQuery> = {}): string {
	const next = { ...query, ...changes };
	const params = new URLSearchParams();
	if (next.round) params.set('round', String(next.round));
	if (next.by !== 'commune') params.set('by', next.by);
	if (next.commune) params.set('commune', String(next.commune));
	if (next.agency) params.set('agency', String(next.agency));
	if (next.page > 1) params.set('page', String(next.page));
	const search = params.toString();
	return `/contests/${slug}${search ? `?${search}` : ''}`;
}
