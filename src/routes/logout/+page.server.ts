import { redirect } from '@sveltejs/kit';
import { auth } from '#lib/server/auth/index.ts';
import { requestContext } from '#lib/server/http.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	if (!locals.session) redirect(303, '/');
};

export const actions: Actions = {
	default: async (event) => {
		await auth.signOut(requestContext(event));
		redirect(303, '/');
	}
};
