import { describe, expect, it } from 'vitest';
import { DatabaseUnavailableError } from '#lib/server/db/errors.ts';

// hooks.server.ts starts the database on import of `init` only when called, so importing it is safe.
const { handleError } = await import('./hooks.server.ts');

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
});
