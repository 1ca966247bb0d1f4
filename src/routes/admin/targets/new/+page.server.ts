import { fail, redirect } from '@sveltejs/kit';
import { parseForm } from '#lib/forms/auth.ts';
import { formValues } from '#lib/forms/studio-quiz.ts';
import { isYear, targetForm } from '#lib/forms/targets.ts';
import { requireRole, requireSession } from '#lib/server/http.ts';
import * as targetAdmin from '#lib/server/target-admin.ts';
import { defaultYear } from '#lib/server/years.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const session = requireSession(event);
	requireRole(session, 'province_admin');
	const [metrics, bodies] = await Promise.all([targetAdmin.metrics(session.claims, event.locals.locale), targetAdmin.responsibleBodies(session.claims)]);
	const asked = Number(event.url.searchParams.get('year'));
	const year = isYear(asked) ? asked : defaultYear();
	const values = { period_kind: 'year', year: String(year), value_unit: 'percent', direction: 'at_least', measure: 'reported', position: '0' };
	return { metrics, bodies, values };
};

export const actions: Actions = {
	default: async (event) => {
		const session = requireSession(event);
		requireRole(session, 'province_admin');
		const form = await event.request.formData();
		const values = formValues(form);
		const parsed = parseForm(targetForm, form);
		if (!parsed.ok) return fail(400, { values, errors: parsed.errors });
		try {
			await targetAdmin.create(session.claims, parsed.data);
		} catch (err) {
			if (err instanceof targetAdmin.TargetAdminError) return fail(err.forbidden ? 403 : 400, { values, errors: { [err.field]: err.key } });
			throw err;
		}
		redirect(303, `/admin/targets?done=created#year-${parsed.data.periodEnd.slice(0, 4)}`);
	}
};
