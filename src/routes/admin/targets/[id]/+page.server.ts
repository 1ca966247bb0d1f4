import { error, fail, redirect } from '@sveltejs/kit';
import { parseForm } from '#lib/forms/auth.ts';
import { formValues } from '#lib/forms/studio-quiz.ts';
import { targetForm, targetValues } from '#lib/forms/targets.ts';
import { requireRole, requireSession } from '#lib/server/http.ts';
import * as targetAdmin from '#lib/server/target-admin.ts';
import type { Actions, PageServerLoad } from './$types';

function targetId(raw: string): number {
	const id = Number(raw);
	if (!Number.isSafeInteger(id) || id < 1) error(404, 'not_found');
	return id;
}

export const load: PageServerLoad = async (event) => {
	const session = requireSession(event);
	requireRole(session, 'province_admin');
	const [target, metrics, bodies] = await Promise.all([
		targetAdmin.get(session.claims, event.locals.locale, targetId(event.params.id)),
		targetAdmin.metrics(session.claims, event.locals.locale),
		targetAdmin.responsibleBodies(session.claims)
	]);
	if (!target) error(404, 'not_found');
	return { target, metrics, bodies, values: targetValues(target) };
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
			await targetAdmin.update(session.claims, targetId(event.params.id), parsed.data);
		} catch (err) {
			if (err instanceof targetAdmin.TargetAdminError) return fail(err.forbidden ? 403 : 400, { values, errors: { [err.field]: err.key } });
			throw err;
		}
		redirect(303, `/admin/targets?done=saved#year-${parsed.data.periodEnd.slice(0, 4)}`);
	}
};
