import { fail } from '@sveltejs/kit';
import { formValues } from '#lib/forms/studio-quiz.ts';
import { CSV_MAX_BYTES, parsePopulationForm } from '#lib/forms/population.ts';
import { requireRole, requireSession } from '#lib/server/http.ts';
import * as targetAdmin from '#lib/server/target-admin.ts';
import { defaultYear } from '#lib/server/years.ts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

function requireAdmin(event: Pick<RequestEvent, 'locals' | 'url'>) {
	const session = requireSession(event);
	requireRole(session, 'province_admin');
	return session;
}

export const load: PageServerLoad = async (event) => {
	const session = requireAdmin(event);
	const years = await targetAdmin.populationYears(session.claims);
	// The year asked for if it has communes; else this year, else the latest.
	const asked = Number(event.url.searchParams.get('year'));
	const year = years.includes(asked) ? asked : (defaultYear(years) ?? null);
	return { years, year, rows: year === null ? [] : await targetAdmin.population(session.claims, year) };
};

export const actions: Actions = {
	save: async (event) => {
		const session = requireAdmin(event);
		const form = await event.request.formData();
		const year = Number(form.get('year'));
		if (!(await targetAdmin.populationYears(session.claims)).includes(year)) {
			return fail(400, { values: {}, errors: { form: 'admin_population.errors.year_unknown' } as Record<string, string> });
		}
		const rows = await targetAdmin.population(session.claims, year);
		const parsed = parsePopulationForm(form, rows.map((r) => r.unitId));
		if (!parsed.ok) return fail(400, { values: formValues(form), errors: parsed.errors });
		try {
			return { saved: await targetAdmin.savePopulation(session.claims, year, parsed.source, parsed.entries) };
		} catch (err) {
			if (err instanceof targetAdmin.TargetAdminError) return fail(err.forbidden ? 403 : 400, { values: formValues(form), errors: { form: err.key } });
			throw err;
		}
	},
	import: async (event) => {
		const session = requireAdmin(event);
		const file = (await event.request.formData()).get('file');
		if (!(file instanceof File) || file.size === 0) return fail(400, { fileError: 'admin_population.errors.file_required', problems: [] });
		if (file.size > CSV_MAX_BYTES) return fail(400, { fileError: 'admin_population.errors.file_too_large', problems: [] });
		try {
			const result = await targetAdmin.importPopulation(session.claims, await file.text());
			if (!result.ok) return fail(400, { fileError: 'admin_population.errors.file_has_errors', problems: result.problems });
			return { imported: result.count };
		} catch (err) {
			if (err instanceof targetAdmin.TargetAdminError) return fail(err.forbidden ? 403 : 400, { fileError: err.key, problems: [] });
			throw err;
		}
	}
};
