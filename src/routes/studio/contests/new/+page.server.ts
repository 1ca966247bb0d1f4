import { fail, redirect } from '@sveltejs/kit';
import { parseForm } from '#lib/forms/auth.ts';
import { contestForm, formValues, NEW_CONTEST } from '#lib/forms/studio-quiz.ts';
import * as studio from '#lib/server/studio.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const session = studio.requireAuthor(event);
	const units = await studio.authorUnits(session);
	const { campaigns } = await studio.contestOptions(session.claims);
	const values = { ...NEW_CONTEST, campaign_id: String(campaigns[0]?.id ?? 'new'), owner_unit_id: String(units[0]?.id ?? '') };
	return { units, campaigns, values };
};

export const actions: Actions = {
	save: async (event) => {
		const session = studio.requireAuthor(event);
		const form = await event.request.formData();
		const values = formValues(form);
		const parsed = parseForm(contestForm, form);
		if (!parsed.ok) return fail(400, { values, errors: parsed.errors });
		let id: number;
		try {
			id = await studio.createContest(session.claims, parsed.data);
		} catch (err) {
			if (err instanceof studio.StudioError) return fail(400, { values, errors: { [err.field]: err.key } });
			throw err;
		}
		redirect(303, `/studio/contests/${id}?created`);
	}
};
