import { error } from '@sveltejs/kit';
import * as learning from '#lib/server/learning.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const course = await learning.getCourse(locals.claims, locals.locale, params.slug);
	if (!course) error(404, 'not_found');
	return { course, signedIn: !!locals.session };
};
