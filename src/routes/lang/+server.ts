// The language switch: a plain form POST (works without JavaScript), remembered in a cookie and,
// for a signed-in person, in their profile.
import { redirect } from '@sveltejs/kit';
import { isLocale, LOCALE_COOKIE } from '#lib/i18n/index.ts';
import { safeNext } from '#lib/server/http.ts';
import * as people from '#lib/server/people.ts';
import type { RequestHandler } from './$types';

const ONE_YEAR = 365 * 24 * 60 * 60;

export const POST: RequestHandler = async ({ request, cookies, locals, url }) => {
	const form = await request.formData();
	const locale = form.get('locale');
	if (isLocale(locale)) {
		cookies.set(LOCALE_COOKIE, locale, { path: '/', httpOnly: false, sameSite: 'lax', secure: url.protocol === 'https:', maxAge: ONE_YEAR });
		if (locals.session) await people.setOwnLocale(locals.claims, locale);
	}
	redirect(303, safeNext(String(form.get('next') ?? '/')));
};
