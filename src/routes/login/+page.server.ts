import { fail, redirect } from '@sveltejs/kit';
import { parseForm, signIn, waitFor, type Wait } from '#lib/forms/auth.ts';
import { auth, AuthError } from '#lib/server/auth/index.ts';
import { requestContext, safeNext } from '#lib/server/http.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.session) redirect(303, safeNext(url.searchParams.get('next')));
};

export const actions: Actions = {
	default: async (event) => {
		const form = await event.request.formData();
		const values = { identifier: String(form.get('identifier') ?? '') };
		const parsed = parseForm(signIn, form);
		if (!parsed.ok) return fail(400, { values, errors: parsed.errors, wait: null as Wait | null });
		try {
			await auth.signIn(parsed.data.identifier, parsed.data.password, requestContext(event));
		} catch (error) {
			if (error instanceof AuthError && error.code === 'throttled') {
				return fail(429, { values, errors: { form: 'errors.throttled' }, wait: waitFor(error.retryAfterSeconds ?? 60) });
			}
			if (error instanceof AuthError) return fail(400, { values, errors: { form: 'errors.invalid_credentials' }, wait: null });
			throw error;
		}
		redirect(303, safeNext(event.url.searchParams.get('next')));
	}
};
