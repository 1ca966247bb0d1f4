import { fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { parseForm, registration, waitFor } from '#lib/forms/auth.ts';
import { parseIdentifier } from '#lib/forms/identifier.ts';
import { auth, AuthError, isCommonPassword } from '#lib/server/auth/index.ts';
import { requestContext, safeNext } from '#lib/server/http.ts';
import * as units from '#lib/server/units.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	if (locals.session) redirect(303, safeNext(url.searchParams.get('next')));
	return { communes: await units.listCurrentCommunes(locals.claims) };
};

export const actions: Actions = {
	default: async (event) => {
		const form = await event.request.formData();
		const values = { display_name: String(form.get('display_name') ?? ''), identifier: String(form.get('identifier') ?? ''), home_unit_id: String(form.get('home_unit_id') ?? '') };
		const parsed = parseForm(registration, form);
		if (!parsed.ok) return fail(400, { values, errors: parsed.errors });
		const data: v.InferOutput<typeof registration> = parsed.data;
		if (isCommonPassword(data.password)) return fail(400, { values, errors: { password: 'errors.password_common' } });
		try {
			await auth.register(
				{ displayName: data.display_name, identifier: parseIdentifier(data.identifier)!, password: data.password, homeUnitId: data.home_unit_id, locale: event.locals.locale },
				requestContext(event)
			);
		} catch (error) {
			if (error instanceof AuthError && error.code === 'throttled') {
				return fail(429, { values, errors: { form: 'errors.registration_throttled' }, wait: waitFor(error.retryAfterSeconds ?? 3600) });
			}
			if (error instanceof AuthError && error.code === 'account_exists') return fail(409, { values, errors: { form: 'errors.account_exists' } });
			if (error instanceof AuthError && error.code === 'home_unit_not_current') return fail(400, { values, errors: { home_unit_id: 'errors.home_unit_invalid' } });
			throw error;
		}
		redirect(303, safeNext(event.url.searchParams.get('next')));
	}
};
