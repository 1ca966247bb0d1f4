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
