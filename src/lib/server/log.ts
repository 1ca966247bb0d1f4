// One-line JSON logs on stdout/stderr, so that a request id can be searched for.
type Fields = Record<string, unknown>;

function write(level: 'info' | 'warn' | 'error', message: string, fields: Fields = {}) {
	const line = JSON.stringify({ time: new Date().toISOString(), level, message, ...fields });
	(level === 'info' ? console.log : console.error)(line);
}

export const log = {
	info: (message: string, fields?: Fields) => write('info', message, fields),
	warn: (message: string, fields?: Fields) => write('warn', message, fields),
	error: (message: string, fields?: Fields) => write('error', message, fields)
};

export function describeError(error: unknown): Fields {
	if (!(error instanceof Error)) return { error: String(error) };
	return { error: error.message, name: error.name, stack: error.stack, cause: error.cause instanceof Error ? error.cause.message : undefined };
}
