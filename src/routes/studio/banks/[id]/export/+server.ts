import { error } from '@sveltejs/kit';
import { translator } from '#lib/i18n/index.ts';
import { exportGift } from '#lib/quiz/import/gift-export.ts';
import { requireSession, routeId } from '#lib/server/http.ts';
import * as banks from '#lib/server/banks.ts';
import type { RequestHandler } from './$types';

/** The bank as a GIFT file. Some questions have no GIFT form (ordering, for one): the file's first line names those left out, in the reader's language. */
export const GET: RequestHandler = async (event) => {
	const session = requireSession(event);
	const id = routeId(event.params.id);
	const bank = await banks.drafts(session.claims, id);
	if (!bank) error(404, 'not_found');
	const { text, skipped } = exportGift(bank.drafts);
	const list = skipped.map((s) => s.replace(/\s+/g, ' ')).join('; ');
	const header = skipped.length ? `// ${translator(event.locals.locale)('studio.export_skipped', { list })}\n\n` : '';
	return new Response(header + text, {
		headers: {
			'content-type': 'text/plain; charset=utf-8',
			'content-disposition': `attachment; filename="bank-${id}.gift"`
		}
	});
};
