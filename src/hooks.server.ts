// Every request: a request id, the session (→ claims for RLS), the locale, security headers; and the
// one place where unexpected errors become a logged, localised error page without a stack trace.
import { randomUUID } from 'node:crypto';
import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit/hooks';
import { building } from '$app/env';
import { auth } from '#lib/server/auth/index.ts';
import { ANON, stopDatabase } from '#lib/server/db/index.ts';
import { stopRefreshing } from '#lib/server/targets.ts';
import { DatabaseUnavailableError, refusalOf } from '#lib/server/db/errors.ts';
import { startServer } from '#lib/server/startup.ts';
import { describeError, log } from '#lib/server/log.ts';
import { requestContext } from '#lib/server/http.ts';
import { badRequest, hasHostileAddress } from '#lib/server/bad-request.ts';
import { DEFAULT_LOCALE, isLocale, loadLocale, LOCALE_COOKIE, LOCALES } from '#lib/i18n/index.ts';

export const init: ServerInit = async () => {
	await Promise.all(LOCALES.map((locale) => loadLocale(locale, 'staff')));
	if (building) return;
	await startServer();
	// Emitted by server.js (and adapter-node's own entry) once no request is in flight.
	// The background refresh stops first, so that no tick runs against a closing database.
	process.once('sveltekit:shutdown' as 'beforeExit', () => {
		stopRefreshing();
		void stopDatabase();
	});
};

const SECURITY_HEADERS = {
	'x-content-type-options': 'nosniff',
	'x-frame-options': 'DENY',
	'referrer-policy': 'strict-origin-when-cross-origin',
	'permissions-policy': 'camera=(), microphone=(), geolocation=()'
};

/** Browsers that reached the site over HTTPS (through a proxy with TRUST_PROXY=1) keep to it for a year. */
const HSTS = 'max-age=31536000; includeSubDomains';

export const handle: Handle = async ({ event, resolve }) => {
	event.locals.requestId = randomUUID();
	event.locals.session = null;
	try {
		event.locals.session = await auth.getSession(requestContext(event));
	} catch (error) {
		// Without the database the page still renders signed out; pages that need data answer 503.
		if (!(error instanceof DatabaseUnavailableError)) throw error;
		log.error('session lookup failed: database unavailable', { requestId: event.locals.requestId });
	}
	event.locals.claims = event.locals.session?.claims ?? ANON;
	const chosen = event.cookies.get(LOCALE_COOKIE);
	event.locals.locale = isLocale(chosen) ? chosen : (event.locals.session?.user.locale ?? DEFAULT_LOCALE);

	// Text rules for forms live in parseForm (a message next to the field); an address has no field, so
	// control characters in it are answered here, before any route reads it.
	const response = hasHostileAddress(event.url)
		? badRequest(event)
		: await resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', event.locals.locale) });
	for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.headers.set(name, value);
	if (event.url.protocol === 'https:') response.headers.set('strict-transport-security', HSTS);
	response.headers.set('x-request-id', event.locals.requestId);
	return response;
};

export const handleError: HandleServerError = ({ error, event, kind }) => {
	const requestId = event.locals.requestId ?? randomUUID();
	if (kind !== 'unknown') return { requestId };
	if (error instanceof DatabaseUnavailableError) {
		log.error('database unavailable', { requestId, path: event.url.pathname, ...describeError(error.cause) });
		return { status: 503, message: 'db_unavailable', requestId };
	}
	// A client that hung up while sending its form: nobody is there to read an answer, and nothing broke.
	if (event.request.signal.aborted || (error instanceof Error && (error.message === 'aborted' || (error as { code?: string }).code === 'ECONNRESET'))) {
		log.info('request aborted by the client', { requestId, path: event.url.pathname });
		return { status: 400, message: 'aborted', requestId };
	}
	const refusal = refusalOf(error);
	if (refusal) {
		log.warn('database refused the request', { requestId, path: event.url.pathname, status: refusal.status, ...describeError(error) });
		return { ...refusal, requestId };
	}
	log.error('unexpected error', { requestId, path: event.url.pathname, ...describeError(error) });
	return { status: 500, message: 'internal', requestId };
};
