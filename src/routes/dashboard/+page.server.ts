import { error } from '@sveltejs/kit';
import { parseDashboardQuery } from '#lib/forms/dashboard.ts';
import * as targets from '#lib/server/targets.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const query = parseDashboardQuery(url.searchParams);
	const view = await targets.dashboard(locals.claims, locals.locale, query);
	if (!view) error(404, 'not_found');
	// ?all=1 lists every child unit instead of the first few (a link, so that it works without JavaScript).
	return { view, query, showAll: url.searchParams.get('all') === '1' };
};
