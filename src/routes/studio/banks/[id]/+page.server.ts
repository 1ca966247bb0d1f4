import { error, fail } from '@sveltejs/kit';
import { parseQuestionFile, type ImportResult } from '#lib/quiz/import/result.ts';
import { QUESTION_LIMITS, type QuestionDraft } from '#lib/quiz/question.ts';
import { requireSession, routeId } from '#lib/server/http.ts';
import * as banks from '#lib/server/banks.ts';
import type { Actions, PageServerLoad } from './$types';

/** The bank with its questions, as the signed-in author may see it; anyone else gets "not found". */
async function requireBank(event: Parameters<typeof requireSession>[0] & { params: { id: string } }) {
	const session = requireSession(event);
	const bank = await banks.get(session.claims, routeId(event.params.id));
	if (!bank) error(404, 'not_found');
	return { session, bank };
}

export const load: PageServerLoad = async (event) => (await requireBank(event)).bank;

/** What the author checks before confirming: each question in a line, and what could not be kept of it. */
const summary = (draft: QuestionDraft, index: number) => ({
	number: index + 1,
	kind: draft.kind,
	title: draft.title,
	prompt: draft.prompt,
	category: draft.category.join(' / '),
	notKept: draft.notKept
});

/** The uploaded file's name and text, or the message to show next to the field. */
async function readUpload(form: FormData): Promise<{ name: string; text: string } | { fileError: string }> {
	const file = form.get('file');
	if (!(file instanceof File) || file.size === 0) return { fileError: 'studio.errors.file_required' };
	if (file.size > QUESTION_LIMITS.importBytesMax) return { fileError: 'studio.errors.file_too_large' };
	return { name: file.name, text: await file.text() };
}

const refused = (result: Extract<ImportResult, { ok: false }>) =>
	fail(400, { fileError: 'studio.errors.file_has_errors', problems: result.errors });

export const actions: Actions = {
	// Step 1: read the file and show what would be imported, with anything it could not keep; nothing is saved.
	preview: async (event) => {
		await requireBank(event);
		const upload = await readUpload(await event.request.formData());
		if ('fileError' in upload) return fail(400, { fileError: upload.fileError, problems: [] });
		const result = parseQuestionFile(upload.name, upload.text);
		if (!result.ok) return refused(result);
		return { preview: { name: upload.name, source: upload.text, questions: result.questions.map(summary) } };
	},
	// Step 2: the author confirmed; the same text is read again and imported whole, or not at all.
	import: async (event) => {
		// RLS decides what may be written; asking first turns someone else's bank into a 404, not a refused insert.
		const { session } = await requireBank(event);
		const form = await event.request.formData();
		const name = String(form.get('name') ?? '');
		const source = String(form.get('source') ?? '');
		if (source === '') return fail(400, { fileError: 'studio.errors.file_required', problems: [] });
		if (new TextEncoder().encode(source).length > QUESTION_LIMITS.importBytesMax) return fail(400, { fileError: 'studio.errors.file_too_large', problems: [] });
		const result = parseQuestionFile(name, source);
		if (!result.ok) return refused(result);
		const count = await banks.importDrafts(session.claims, routeId(event.params.id), result.questions);
		return { imported: count };
	}
};
