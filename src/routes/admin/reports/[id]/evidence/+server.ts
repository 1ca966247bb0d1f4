import { error } from '@sveltejs/kit';
import { requireSession, routeId } from '#lib/server/http.ts';
import * as reports from '#lib/server/reports.ts';
import { evidenceName, storage } from '#lib/server/storage.ts';
import type { RequestHandler } from './$types';

/** A report's evidence, for those who may read the report (RLS); always as a download, never rendered. */
export const GET: RequestHandler = async (event) => {
	const session = requireSession(event);
	const found = await reports.evidence(session.claims, routeId(event.params.id));
	const bytes = found && (await storage().get('evidence', found.key));
	if (!found || !bytes) error(404, 'not_found');
	return new Response(bytes as Uint8Array<ArrayBuffer>, {
		headers: {
			'content-type': found.type,
			// Named by what the file is, also for files kept before names were (an upload once came back as .html).
			'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(evidenceName(found.name, found.type))}`,
			'x-content-type-options': 'nosniff',
			'cache-control': 'private, no-store'
		}
	});
};
