import { error, fail, redirect } from '@sveltejs/kit';
import { parseForm } from '#lib/forms/auth.ts';
import { newBank } from '#lib/forms/studio.ts';
import { requireSession } from '#lib/server/http.ts';
import * as banks from '#lib/server/banks.ts';
import { isPostgresError } from '#lib/server/db/errors.ts';
import type { Session } from '#lib/server/auth/index.ts';
import type { Actions, PageServerLoad } from './$types';

/** The units the author may own content in: where they are organizers (a province admin: anywhere they hold a role, or the province). */
function authorScopes(session: Session) {
	const scopes = session.user.roles.filter((grant) => grant.role === 'organizer' && grant.unitId !== null);
	return scopes.map((grant) => ({ id: grant.unitId!, name: grant.unitName ?? '' }));
}

function requireAuthor(session: Session) {
	const isAuthor = session.user.roles.some((grant) => grant.role === 'organizer' || grant.role === 'province_admin');
	if (!isAuthor) error(403, 'forbidden');
}

export const load: PageServerLoad = async (event) => {
	const session = requireSession(event);
	requireAuthor(session);
	return { banks: await banks.list(session.claims), scopes: await banks.authorUnits(session.claims, authorScopes(session)) };
};

export const actions: Actions = {
	create: async (event) => {
		const session = requireSession(event);
		requireAuthor(session);
		const form = await event.request.formData();
		const parsed = parseForm(newBank, form);
		if (!parsed.ok) return fail(400, { errors: parsed.errors, values: { title: String(form.get('title') ?? '') } });
		let id: number;
		try {
			id = await banks.create(session.claims, parsed.data.title, parsed.data.unit_id);
		} catch (err) {
			if (isPostgresError(err, '42501')) return fail(403, { errors: { unit_id: 'studio.errors.unit_not_allowed' }, values: { title: parsed.data.title } });
			throw err;
		}
		redirect(303, `/studio/banks/${id}`);
	}
};
