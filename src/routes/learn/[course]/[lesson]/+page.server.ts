import { randomUUID } from 'node:crypto';
import { error, fail, redirect } from '@sveltejs/kit';
import { lessonDone } from '#lib/forms/catalogue.ts';
import { parseForm } from '#lib/forms/auth.ts';
import { translator } from '#lib/i18n/index.ts';
import { renderLessonBody } from '#lib/content/render.ts';
import { requireSession } from '#lib/server/http.ts';
import * as learning from '#lib/server/learning.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const view = await learning.openLesson(locals.claims, locals.locale, params.course, params.lesson);
	if (!view) error(404, 'not_found');
	const { body, ...lesson } = view.lesson;
	return {
		...view,
		lesson,
		html: renderLessonBody(body, translator(locals.locale)('lesson.unsupported_content')),
		// A fresh id per page view: a double click or a resent form delivers the same "done" event twice.
		eventId: randomUUID(),
		signedIn: !!locals.session
	};
};

export const actions: Actions = {
	done: async (event) => {
		const session = requireSession(event);
		const parsed = parseForm(lessonDone, await event.request.formData());
		if (!parsed.ok) return fail(400, { error: 'errors.form_has_errors' });
		try {
			await learning.markDone(session.claims, parsed.data.lesson_id, parsed.data.event_id);
		} catch (err) {
			if (err instanceof learning.LearningError) error(404, 'not_found');
			throw err;
		}
		if (parsed.data.stay) return { done: true };
		const view = await learning.openLesson(session.claims, event.locals.locale, event.params.course, event.params.lesson);
		redirect(303, view?.next ? `/learn/${event.params.course}/${view.next.slug}` : `/courses/${event.params.course}`);
	}
};
