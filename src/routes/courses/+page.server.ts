import { parseCatalogueQuery } from '#lib/forms/catalogue.ts';
import * as courses from '#lib/server/courses.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const query = parseCatalogueQuery(url.searchParams);
	const [result, areas] = await Promise.all([courses.search(locals.claims, locals.locale, query), courses.listAreas(locals.claims, locals.locale)]);
	return { query, ...result, areas, pageSize: courses.PAGE_SIZE };
};
