import { fail } from '@sveltejs/kit';
import { parseForm } from '#lib/forms/auth.ts';
import { copyYearForm } from '#lib/forms/targets.ts';
import { requireRole, requireSession } from '#lib/server/http.ts';
import * as targetAdmin from '#lib/server/target-admin.ts';
import type { Actions, PageServerLoad } from './$types';

const DONE = ['created', 'saved'] as const;

export const load: PageServerLoad = async (event) => {
	const session = requireSession(event);
	requireRole(session, 'province_admin');
	const done = DONE.find((d) => d === event.url.searchParams.get('done')) ?? null;
	return { years: await targetAdmin.list(session.claims, event.locals.locale), done };
};

export const actions: Actions = {
	copy: async (event) => {
		const session = requireSession(event);
		requireRole(session, 'province_admin');
		const parsed = parseForm(copyYearForm, await event.request.formData());
		if (!parsed.ok) return fail(400, { copy: null, error: parsed.errors.year });
		try {
			const result = await targetAdmin.copyYear(session.claims, parsed.data.year);
			return { copy: { ...result, from: parsed.data.year, to: parsed.data.year + 1 }, error: null };
		} catch (err) {
			if (err instanceof targetAdmin.TargetAdminError) return fail(err.forbidden ? 403 : 400, { copy: null, error: err.key });
			throw err;
		}
	}
};
