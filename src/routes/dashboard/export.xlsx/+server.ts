import { error } from '@sveltejs/kit';
import { parseDashboardQuery } from '#lib/forms/dashboard.ts';
import { translator } from '#lib/i18n/index.ts';
import * as exporter from '#lib/server/dashboard-export.ts';
import * as targets from '#lib/server/targets.ts';
import type { RequestHandler } from './$types';

/** One workbook: the target table, and every target by the unit's children. */
export const GET: RequestHandler = async ({ locals, url }) => {
	const view = await targets.dashboard(locals.claims, locals.locale, parseDashboardQuery(url.searchParams));
	if (!view) error(404, 'not_found');
	const t = translator(locals.locale);
	const file = await exporter.toXlsx([
		{ name: t('dashboard.sheet_targets'), rows: exporter.targetRows(view, t) },
		{ name: t('dashboard.sheet_breakdown'), rows: await exporter.breakdownRows(locals.claims, view, t) }
	]);
	return new Response(new Uint8Array(file), {
		headers: {
			'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			'content-disposition': `attachment; filename="${exporter.fileName(view, 'targets', 'xlsx')}"`
		}
	});
};
