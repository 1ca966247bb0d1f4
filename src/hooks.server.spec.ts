import { describe, expect, it } from 'vitest';
import { DatabaseUnavailableError } from '#lib/server/db/errors.ts';
import { loadLocale } from '#lib/i18n/index.ts';

// hooks.server.ts starts the database on import of `init` only when called, so importing it is safe.
const { handle, handleError } = await import('./hooks.server.ts');
await Promise.all([loadLocale('vi'), loadLocale('en')]);

/** A Postgres error as postgres.js raises it. */
function postgresError(code: string, message: string) {
	return Object.assign(new Error(message), { name: 'PostgresError', code });
}

const event = { locals: { requestId: 'req-1' }, url: new URL('http://localhost/account'), request: new Request('http://localhost/account') } as never;

describe('handleError', () => {
	it('turns an unreachable database into a 503 with the request id, never the error text', async () => {
		const result = await handleError({ error: new DatabaseUnavailableError(new Error('ECONNREFUSED 127.0.0.1:5432')), event, kind: 'unknown' } as never);
		expect(result).toEqual({ status: 503, message: 'db_unavailable', requestId: 'req-1' });
	});

	it('turns any other unexpected error into a 500 without its message or stack', async () => {
		const result = await handleError({ error: new Error('secret detail at line 3'), event, kind: 'unknown' } as never);
		expect(result).toEqual({ status: 500, message: 'internal', requestId: 'req-1' });
	});

	it('answers a request whose client hung up mid-body with a 400, not an internal error', async () => {
		const gone = new AbortController();
		gone.abort();
		const aborted = { ...(event as object), request: new Request('http://localhost/account', { signal: gone.signal }) } as never;
		const result = await handleError({ error: new Error('aborted'), event: aborted, kind: 'unknown' } as never);
		expect(result).toEqual({ status: 400, message: 'aborted', requestId: 'req-1' });
	});

	it('answers a row-level security refusal no route expected with a 403, not a 500', async () => {
		const refused = postgresError('42501', 'new row violates row-level security policy for table "question"');
		expect(await handleError({ error: refused, event, kind: 'unknown' } as never)).toEqual({ status: 403, message: 'forbidden', requestId: 'req-1' });
	});

	it('answers text Postgres cannot store (a NUL) with a 400, not a 500', async () => {
		const nul = postgresError('22021', 'invalid byte sequence for encoding "UTF8": 0x00');
		expect(await handleError({ error: nul, event, kind: 'unknown' } as never)).toEqual({ status: 400, message: 'bad_input', requestId: 'req-1' });
	});
});

/** Runs the handle hook on a request for this address; resolve stands for the page and records whether it ran. */
async function request(address: string, { lang, isDataRequest = false }: { lang?: string; isDataRequest?: boolean } = {}) {
	const event = {
		url: new URL(address),
		request: new Request(address),
		cookies: { get: (name: string) => (name === 'lang' ? lang : undefined), set() {}, delete() {} },
		getClientAddress: () => '127.0.0.1',
		locals: {},
		isDataRequest
	};
	let resolved = false;
	const response = await handle({ event, resolve: async () => ((resolved = true), new Response('page')) } as never);
	return { response, resolved };
}

describe('handle', () => {
	it.each(['http://localhost/courses?q=%00', 'http://localhost/admin/roles?q=a%01b', 'http://localhost/login?next=/%09/evil.example', 'http://localhost/courses/%00'])(
		'answers %s with a 400 page in the reader\'s language, before any route runs',
		async (address) => {
			const { response, resolved } = await request(address);
			expect(resolved).toBe(false);
			expect(response.status).toBe(400);
			const html = await response.text();
			expect(html).toContain('<html lang="vi">');
			expect(html).toContain('Lỗi 400');
			expect(html).toContain('ký tự điều khiển');
			expect(response.headers.get('x-content-type-options')).toBe('nosniff');
		}
	);

	it('answers in English to an English reader, and in JSON to a data request', async () => {
		const english = await request('http://localhost/courses?q=%00', { lang: 'en' });
		expect(await english.response.text()).toContain('control characters');
		const data = await request('http://localhost/courses/__data.json?q=%00', { isDataRequest: true });
		expect(data.response.status).toBe(400);
		expect(await data.response.json()).toMatchObject({ status: 400, message: 'bad_input' });
	});

	it('lets ordinary Vietnamese and percent signs through', async () => {
		const { response, resolved } = await request('http://localhost/courses?q=k%E1%BB%B9%20n%C4%83ng%20100%25');
		expect(resolved).toBe(true);
		expect(response.status).toBe(200);
	});

	it('asks browsers to keep to HTTPS only when the site was reached over HTTPS', async () => {
		const secure = await request('https://hocso.example/');
		expect(secure.response.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
		const plain = await request('http://localhost/');
		expect(plain.response.headers.get('strict-transport-security')).toBeNull();
	});
});
