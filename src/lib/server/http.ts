// Small helpers between SvelteKit requests and the domain: request context for auth, guards, safe redirects.
import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import type { RequestContext, Session } from './auth/index.ts';
import { hasControlCharacters } from '../forms/text.ts';

export function requestContext(event: RequestEvent): RequestContext {
	let address = '';
	try {
		address = event.getClientAddress();
	} catch {
		// Not available in every environment (e.g. some test harnesses).
	}
	return {
		cookies: event.cookies,
		address,
		userAgent: event.request.headers.get('user-agent') ?? '',
		secure: event.url.protocol === 'https:'
	};
}

/** The signed-in session, or a redirect to sign-in that comes back here afterwards. */
export function requireSession(event: Pick<RequestEvent, 'locals' | 'url'>): Session {
	if (event.locals.session) return event.locals.session;
	redirect(303, `/login?next=${encodeURIComponent(event.url.pathname + event.url.search)}`);
}

export function requireRole(session: Session, role: string): void {
	if (!session.user.roles.some((grant) => grant.role === role)) error(403, 'forbidden');
}

const THIS_SITE = 'http://this-site.invalid';

/**
 * Only same-site paths are followed after sign-in, never another origin. The path is read as a browser
 * reads it (a browser drops tabs and line breaks, so `/\t/evil.example` would lead to //evil.example, and
 * takes `\` for `/`) and returned as the URL parser writes it: percent-encoded, safe in a Location header.
 */
export function safeNext(next: string | null | undefined, fallback = '/'): string {
	if (!next?.startsWith('/') || hasControlCharacters(next, { lineBreaks: false })) return fallback;
	let url: URL;
	try {
		url = new URL(next, THIS_SITE);
	} catch {
		return fallback;
	}
	return url.origin === THIS_SITE ? url.pathname + url.search + url.hash : fallback;
}

/** A row id from the address (`/quiz/12`); anything else is a page that does not exist. */
export function routeId(raw: string): number {
	const id = Number(raw);
	if (!Number.isSafeInteger(id) || id < 1) error(404, 'not_found');
	return id;
}
