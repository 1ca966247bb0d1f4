import { error, fail } from '@sveltejs/kit';
import { parseQuestionFile } from '#lib/quiz/import/result.ts';
import { QUESTION_LIMITS } from '#lib/quiz/question.ts';
import { requireSession, routeId } from '#lib/server/http.ts';
import * as banks from '#lib/server/banks.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const session = requireSession(event);
	const bank = await banks.get(session.claims, routeId(event.params.id));
	if (!bank) error(404, 'not_found');
	return bank;
};

export const actions: Actions = {
	import: async (event) => {
		const session = requireSession(event);
		const file = (await event.request.formData()).get('file');
		if (!(file instanceof File) || file.size === 0) return fail(400, { fileError: 'studio.errors.file_required', problems: [] });
		if (file.size > QUESTION_LIMITS.importBytesMax) return fail(400, { fileError: 'studio.errors.file_too_large', problems: [] });
		const result = parseQuestionFile(file.name, await file.text());
		if (!result.ok) return fail(400, { fileError: 'studio.errors.file_has_errors', problems: result.errors });
		const count = await banks.importDrafts(session.claims, routeId(event.params.id), result.questions);
		return { imported: count };
	}
};
