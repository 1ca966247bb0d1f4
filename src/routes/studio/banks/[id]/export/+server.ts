import { error } from '@sveltejs/kit';
import { exportGift } from '#lib/quiz/import/gift-export.ts';
import { requireSession } from '#lib/server/http.ts';
import * as banks from '#lib/server/banks.ts';
import type { RequestHandler } from './$types';

/** The bank as a GIFT file. Some questions have no GIFT form (ordering, for one): the file's first line names those left out. */
export const GET: RequestHandler = async (event) => {
	const session = requireSession(event);
	const id = Number(event.params.id);
	const bank = Number.isSafeInteger(id) && id > 0 ? await banks.drafts(session.claims, id) : undefined;
	if (!bank) error(404, 'not_found');
	const { text, skipped } = exportGift(bank.drafts);
	const header = skipped.length ? `// Not exported (no GIFT form): ${skipped.map((s) => s.replace(/\s+/g, ' ')).join('; ')}\n\n` : '';
	return new Response(header + text, {
		headers: {
			'content-type': 'text/plain; charset=utf-8',
			'content-disposition': `attachment; filename="bank-${id}.gift"`
		}
	});
};
