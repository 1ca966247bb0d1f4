// Typed database failures that routes and hooks map to HTTP statuses.

/** The database cannot be reached (down, restarting, out of connections). Shown as a 503. */
export class DatabaseUnavailableError extends Error {
	constructor(cause: unknown) {
		super('database unavailable', { cause });
		this.name = 'DatabaseUnavailableError';
	}
}

const CONNECTION_CODES = new Set([
	'ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EPIPE',
	'CONNECT_TIMEOUT', 'CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED',
	'57P01', '57P02', '57P03', '53300'
]);

export function isConnectionFailure(error: unknown): boolean {
	if (!(error instanceof Error)) return false;
	const code = (error as { code?: unknown }).code;
	return typeof code === 'string' && (CONNECTION_CODES.has(code) || code.startsWith('08'));
}

/** A Postgres error as postgres.js raises it: SQLSTATE code, constraint and the hint our triggers set. */
export type PostgresError = Error & { code: string; constraint_name?: string; hint?: string };

export function isPostgresError(error: unknown, code?: string): error is PostgresError {
	return (
		error instanceof Error &&
		error.name === 'PostgresError' &&
		(code === undefined || (error as PostgresError).code === code)
	);
}

/**
 * What a database refusal that no route expected means for the visitor, so that every route answers it
 * the same way instead of with a 500: a policy or grant that said no (42501, "new row violates row-level
 * security policy" included) is a 403 — rows the caller may not see are already hidden, so routes answer
 * those with a 404 themselves; text Postgres cannot store (a NUL: 22021, or \u0000 in JSON: 22P05) is a 400.
 */
export function refusalOf(error: unknown): { status: 400 | 403; message: 'bad_input' | 'forbidden' } | undefined {
	if (isPostgresError(error, '42501')) return { status: 403, message: 'forbidden' };
	if (isPostgresError(error, '22021') || isPostgresError(error, '22P05')) return { status: 400, message: 'bad_input' };
	return undefined;
}
