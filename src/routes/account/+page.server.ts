import { error, fail } from '@sveltejs/kit';
import { parseForm, profileEdit } from '#lib/forms/auth.ts';
import { requireSession } from '#lib/server/http.ts';
import * as people from '#lib/server/people.ts';
import * as units from '#lib/server/units.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const session = requireSession(event);
	const [profile, communes] = await Promise.all([people.getOwnProfile(session.claims), units.listCurrentCommunes(session.claims)]);
	if (!profile) error(404, 'not_found');
	return { profile, communes, roles: session.user.roles };
};

export const actions: Actions = {
	default: async (event) => {
		const session = requireSession(event);
		const form = await event.request.formData();
		const values = { display_name: String(form.get('display_name') ?? ''), home_unit_id: String(form.get('home_unit_id') ?? '') };
		const parsed = parseForm(profileEdit, form);
		if (!parsed.ok) return fail(400, { values, errors: parsed.errors, saved: false });
		try {
			await people.updateOwnProfile(session.claims, { displayName: parsed.data.display_name, homeUnitId: parsed.data.home_unit_id });
		} catch (err) {
			if (err instanceof people.PeopleError) return fail(400, { values, errors: { home_unit_id: 'errors.home_unit_invalid' }, saved: false });
			throw err;
		}
		return { values, errors: {} as Record<string, string>, saved: true };
	}
};
