import { fail } from '@sveltejs/kit';
import { parseForm, passwordChange, waitFor } from '#lib/forms/auth.ts';
import { auth, AuthError, isCommonPassword } from '#lib/server/auth/index.ts';
import { requestContext, requireSession } from '#lib/server/http.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireSession(event);
};

export const actions: Actions = {
	default: async (event) => {
		const session = requireSession(event);
		const parsed = parseForm(passwordChange, await event.request.formData());
		if (!parsed.ok) return fail(400, { errors: parsed.errors, changed: false });
		if (isCommonPassword(parsed.data.new_password)) return fail(400, { errors: { new_password: 'errors.password_common' }, changed: false });
		try {
			await auth.changePassword(session, parsed.data.current_password, parsed.data.new_password, requestContext(event));
		} catch (error) {
			if (error instanceof AuthError && error.code === 'throttled') {
				return fail(429, { errors: { form: 'errors.current_password_throttled' }, changed: false, wait: waitFor(error.retryAfterSeconds ?? 60) });
			}
			if (error instanceof AuthError) return fail(400, { errors: { current_password: 'errors.wrong_current_password' }, changed: false });
			throw error;
		}
		return { errors: {} as Record<string, string>, changed: true };
	}
};
