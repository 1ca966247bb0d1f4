import { error } from '@sveltejs/kit';
import { parseDashboardQuery } from '#lib/forms/dashboard.ts';
import { translator } from '#lib/i18n/index.ts';
import * as exporter from '#lib/server/dashboard-export.ts';
import * as targets from '#lib/server/targets.ts';
import type { RequestHandler } from './$types';

/** ?part=targets (default) or ?part=breakdown, for the same query as the dashboard. */
export const GET: RequestHandler = async ({ locals, url }) => {
	const view = await targets.dashboard(locals.claims, locals.locale, parseDashboardQuery(url.searchParams));
	if (!view) error(404, 'not_found');
	const t = translator(locals.locale);
	const part = url.searchParams.get('part') === 'breakdown' ? 'breakdown' : 'targets';
	const rows = part === 'breakdown' ? await exporter.breakdownRows(locals.claims, view, t) : exporter.targetRows(view, t);
	return new Response(exporter.toCsv(rows), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${exporter.fileName(view, part, 'csv')}"`
		}
	});
};
