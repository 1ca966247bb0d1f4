import { error, fail, redirect } from '@sveltejs/kit';
import { readAnswers, toDatabase } from '#lib/quiz/answers.ts';
import { QUESTIONS_PER_PAGE, pageCount, parsePage, parsePrediction } from '#lib/quiz/paging.ts';
import { requireSession } from '#lib/server/http.ts';
import * as quizzes from '#lib/server/quizzes.ts';
import { shownPrompt } from '#lib/contest/prediction.ts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async (event) => {
	const session = requireSession(event);
	const view = await quizzes.getAttempt(session.claims, event.locals.locale, event.params.attempt);
	if (!view || String(view.quiz.id) !== event.params.id) error(404, 'not_found');
	const pages = pageCount(view.questions.length);
	const page = Math.min(parsePage(event.url.searchParams.get('page')), pages);
	const submitted = view.attempt.submittedAt !== null;
	return {
		...view,
		// While answering, a page needs its own five questions only (less to download on a slow connection).
		questions: submitted ? view.questions : [],
		questionCount: view.questions.length,
		prediction: shownPrompt(view.quiz.round?.predictionPrompt ?? null),
		page,
		pages,
		pageQuestions: submitted ? [] : view.questions.slice((page - 1) * QUESTIONS_PER_PAGE, page * QUESTIONS_PER_PAGE),
		answered: view.questions.filter((q) => q.response !== null).map((q) => q.number),
		late: event.url.searchParams.has('late')
	};
};

/** The answers on the page that was submitted, read against the attempt's own questions. */
async function pageAnswers(event: RequestEvent) {
	const session = requireSession(event);
	const form = await event.request.formData();
	const questions = await quizzes.attemptShapes(session.claims, event.params.attempt);
	if (questions.length === 0) error(404, 'not_found');
	const page = Math.min(parsePage(String(form.get('page') ?? '1')), pageCount(questions.length));
	const shown = questions.slice((page - 1) * QUESTIONS_PER_PAGE, page * QUESTIONS_PER_PAGE);
	return { session, form, questions, page, ...readAnswers(form, shown) };
}

const here = (event: RequestEvent, query = '') => `/quiz/${event.params.id}/attempts/${event.params.attempt}${query}`;

function refused(event: RequestEvent, err: unknown) {
	if (!(err instanceof quizzes.QuizError)) throw err;
	if (err.code === 'attempt_not_found') error(404, 'not_found');
	// The attempt ended meanwhile: its page now shows the result.
	if (err.code === 'attempt_time_up' || err.code === 'attempt_submitted') redirect(303, here(event, '?late'));
	return fail(400, { error: `quiz.refusals.${err.code}` });
}

export const actions: Actions = {
	save: async (event) => {
		const { session, form, questions, page, answers, errors } = await pageAnswers(event);
		if (Object.keys(errors).length) return fail(400, { errors, page });
		try {
			if (Object.keys(answers).length) await quizzes.saveAnswers(session.claims, event.params.attempt, toDatabase(answers));
		} catch (err) {
			return refused(event, err);
		}
		if (form.get('stay')) return { saved: true };
		const go = String(form.get('go') ?? '');
		const pages = pageCount(questions.length);
		const next = go === 'next' ? page + 1 : go === 'previous' ? page - 1 : parsePage(go);
		redirect(303, here(event, `?page=${Math.max(1, Math.min(pages, next))}`));
	},
	submit: async (event) => {
		const { session, form, page, answers, errors } = await pageAnswers(event);
		if (Object.keys(errors).length) return fail(400, { errors, page });
		const prediction = parsePrediction(form.get('prediction'));
		if (prediction === 'invalid') return fail(400, { errors, page, predictionError: 'quiz.errors.prediction_invalid' });
		try {
			await quizzes.submit(session.claims, event.params.attempt, toDatabase(answers), prediction);
		} catch (err) {
			return refused(event, err);
		}
		redirect(303, here(event));
	}
};
