// Requests refused before any route reads them: an address holding control characters (a NUL in
// `/courses?q=` reached Postgres and failed as a 500). The hook answers them with a 400 in the reader's
// language, as a page or as JSON for SvelteKit's data requests.
import type { RequestEvent } from '@sveltejs/kit';
import { hasControlCharacters } from '../forms/text.ts';
import { translator } from '../i18n/index.ts';

/** Whether the decoded path or any query name or value holds a control character (tab and line breaks included). */
export function hasHostileAddress(url: URL): boolean {
	let path = url.pathname;
	try {
		path = decodeURIComponent(path);
	} catch {
		// A malformed escape is the router's to answer (it finds no such page).
	}
	return [path, ...[...url.searchParams].flat()].some((text) => hasControlCharacters(text, { lineBreaks: false }));
}

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

export function badRequest(event: Pick<RequestEvent, 'locals' | 'request' | 'isDataRequest'>): Response {
	const { locale, requestId } = event.locals;
	if (event.isDataRequest || /application\/json/.test(event.request.headers.get('accept') ?? '')) {
		return Response.json({ status: 400, message: 'bad_input', requestId }, { status: 400 });
	}
	const t = translator(locale);
	const title = escapeHtml(t('errors.title', { status: 400 }));
	const html = `<!doctype html>
<html lang="${locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} – ${escapeHtml(t('app.name'))}</title></head>
<body><main>
<h1>${title}</h1>
<p>${escapeHtml(t('errors.bad_input'))}</p>
<p>${escapeHtml(t('errors.request_id', { id: requestId }))}</p>
<p><a href="/">${escapeHtml(t('nav.home'))}</a></p>
</main></body>
</html>
`;
	return new Response(html, { status: 400, headers: { 'content-type': 'text/html; charset=utf-8' } });
}
