import { error } from '@sveltejs/kit';
import { requireSession } from '#lib/server/http.ts';
import * as studio from '#lib/server/studio.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const session = requireSession(event);
	if (!studio.isAuthor(session)) error(403, 'forbidden');
	return { contests: await studio.listContests(session.claims) };
};
