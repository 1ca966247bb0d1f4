import { fail, redirect } from '@sveltejs/kit';
import { parseForm } from '#lib/forms/auth.ts';
import { formValues, NEW_QUIZ, quizForm } from '#lib/forms/studio-quiz.ts';
import * as studio from '#lib/server/studio.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const session = studio.requireAuthor(event);
	const units = await studio.authorUnits(session);
	const options = await studio.quizOptions(session.claims, event.locals.locale);
	return { ...options, units, values: { ...NEW_QUIZ, owner_unit_id: String(units[0]?.id ?? '') } };
};

export const actions: Actions = {
	save: async (event) => {
		const session = studio.requireAuthor(event);
		const form = await event.request.formData();
		const values = formValues(form);
		const parsed = parseForm(quizForm, form);
		if (!parsed.ok) return fail(400, { values, errors: parsed.errors });
		let id: number;
		try {
			id = await studio.createQuiz(session.claims, parsed.data);
		} catch (err) {
			if (err instanceof studio.StudioError) return fail(400, { values, errors: { [err.field]: err.key } });
			throw err;
		}
		redirect(303, `/studio/quizzes/${id}?created`);
	}
};
