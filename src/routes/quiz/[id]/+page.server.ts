import { error, fail, redirect } from '@sveltejs/kit';
import { requireSession, routeId } from '#lib/server/http.ts';
import * as quizzes from '#lib/server/quizzes.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const quiz = await quizzes.getQuiz(locals.claims, locals.locale, routeId(params.id));
	if (!quiz) error(404, 'not_found');
	return { quiz, signedIn: !!locals.session, now: new Date() };
};

export const actions: Actions = {
	start: async (event) => {
		const session = requireSession(event);
		let attempt: string;
		try {
			attempt = await quizzes.start(session.claims, routeId(event.params.id));
		} catch (err) {
			if (err instanceof quizzes.QuizError) {
				if (err.code === 'quiz_not_found') error(404, 'not_found');
				return fail(409, { error: `quiz.refusals.${err.code}` });
			}
			throw err;
		}
		redirect(303, `/quiz/${event.params.id}/attempts/${attempt}`);
	}
};
