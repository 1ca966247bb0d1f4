import { requireSession } from '#lib/server/http.ts';
import * as learning from '#lib/server/learning.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const session = requireSession(event);
	return learning.myLearning(session.claims, event.locals.locale);
};
