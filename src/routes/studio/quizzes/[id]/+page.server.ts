import { error, fail } from '@sveltejs/kit';
import { parseForm } from '#lib/forms/auth.ts';
import { formValues, quizForm, storedValues } from '#lib/forms/studio-quiz.ts';
import { routeId } from '#lib/server/http.ts';
import * as grading from '#lib/server/grading.ts';
import * as studio from '#lib/server/studio.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const session = studio.requireAuthor(event);
	const quiz = await studio.getQuiz(session.claims, routeId(event.params.id));
	if (!quiz) error(404, 'not_found');
	const units = await studio.authorUnits(session, quiz.ownerUnit);
	const options = await studio.quizOptions(session.claims, event.locals.locale);
	const essaysWaiting = await grading.waitingCount(session.claims, quiz.id);
	return { ...options, units, quiz, essaysWaiting, values: storedValues(quiz), created: event.url.searchParams.has('created') };
};

export const actions: Actions = {
	save: async (event) => {
		const session = studio.requireAuthor(event);
		const form = await event.request.formData();
		const values = formValues(form);
		const parsed = parseForm(quizForm, form);
		if (!parsed.ok) return fail(400, { values, errors: parsed.errors });
		try {
			await studio.updateQuiz(session.claims, routeId(event.params.id), parsed.data);
		} catch (err) {
			if (err instanceof studio.StudioError) return fail(400, { values, errors: { [err.field]: err.key } });
			throw err;
		}
		return { saved: true };
	}
};
