import { error, fail } from '@sveltejs/kit';
import { parseNumber } from '#lib/quiz/answers.ts';
import { routeId } from '#lib/server/http.ts';
import * as grading from '#lib/server/grading.ts';
import * as studio from '#lib/server/studio.ts';
import type { Actions, PageServerLoad } from './$types';

const COMMENT_MAX = 2000;

export const load: PageServerLoad = async (event) => {
	const session = studio.requireAuthor(event);
	const quizId = routeId(event.params.id);
	const quiz = await studio.getQuiz(session.claims, quizId);
	if (!quiz) error(404, 'not_found');
	const all = event.url.searchParams.has('all');
	const answers = await grading.essayAnswers(session.claims, quizId, all);
	return { quiz: { id: quiz.id, title: quiz.title }, answers, all, graded: event.url.searchParams.get('graded') };
};

export const actions: Actions = {
	grade: async (event) => {
		const session = studio.requireAuthor(event);
		const form = await event.request.formData();
		const attempt = String(form.get('attempt') ?? '');
		const number = Number(form.get('number'));
		const rawPoints = String(form.get('points') ?? '');
		const comment = String(form.get('comment') ?? '');
		// Which answer's form failed, so the page shows the message next to that one only.
		const refuse = (field: 'form' | 'points' | 'comment', message: string) =>
			fail(400, { answer: `${attempt}:${number}`, values: { points: rawPoints, comment }, errors: { [field]: message } as Record<string, string | undefined> });
		const points = parseNumber(rawPoints);
		if (!Number.isInteger(number) || number < 1) return refuse('form', 'studio_grading.errors.attempt_not_found');
		if (points === null) return refuse('points', 'studio_grading.errors.points_invalid');
		if (comment.length > COMMENT_MAX) return refuse('comment', 'studio_grading.errors.essay_comment_too_long');
		try {
			await grading.gradeEssay(session.claims, attempt, number, points, comment);
		} catch (err) {
			if (!(err instanceof grading.GradingError)) throw err;
			const field = err.code === 'essay_points_range' ? 'points' : err.code === 'essay_comment_too_long' ? 'comment' : 'form';
			return refuse(field, `studio_grading.errors.${err.code}`);
		}
		return { saved: true };
	}
};
