import { error, fail } from '@sveltejs/kit';
import { grantRole, revokeRole } from '#lib/forms/roles.ts';
import { parseForm } from '#lib/forms/auth.ts';
import { requireRole, requireSession } from '#lib/server/http.ts';
import * as people from '#lib/server/people.ts';
import * as units from '#lib/server/units.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const session = requireSession(event);
	requireRole(session, 'province_admin');
	const q = (event.url.searchParams.get('q') ?? '').trim().slice(0, 100);
	const personId = event.url.searchParams.get('person');
	const [results, scopes, person] = await Promise.all([
		people.search(session.claims, q),
		units.listCurrentScopes(session.claims),
		personId && /^[0-9a-f-]{36}$/i.test(personId) ? people.get(session.claims, personId) : undefined
	]);
	if (personId && !person) error(404, 'not_found');
	return { q, results, scopes, person: person ?? null, roles: people.ROLES };
};

export const actions: Actions = {
	grant: async (event) => {
		const session = requireSession(event);
		const parsed = parseForm(grantRole, await event.request.formData());
		if (!parsed.ok) return fail(400, { errors: parsed.errors, done: null });
		try {
			await people.grantRole(session.claims, parsed.data.person_id, parsed.data.role, parsed.data.unit_id);
		} catch (err) {
			if (err instanceof people.PeopleError) return fail(err.code === 'not_allowed' ? 403 : 400, { errors: { form: `errors.${err.code === 'not_allowed' ? 'forbidden' : err.code}` }, done: null });
			throw err;
		}
		return { errors: {} as Record<string, string>, done: 'admin.roles.granted' };
	},
	revoke: async (event) => {
		const session = requireSession(event);
		const parsed = parseForm(revokeRole, await event.request.formData());
		if (!parsed.ok) return fail(400, { errors: parsed.errors, done: null });
		try {
			await people.revokeRole(session.claims, parsed.data.role_id);
		} catch (err) {
			if (err instanceof people.PeopleError) return fail(400, { errors: { form: `errors.${err.code}` }, done: null });
			throw err;
		}
		return { errors: {} as Record<string, string>, done: 'admin.roles.revoked' };
	}
};
