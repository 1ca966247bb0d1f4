// One-line JSON logs on stdout/stderr, so that a request id can be searched for. LOG_LEVEL (debug,
// info, warn, error, silent) sets the least severe level written; tests run silent.
type Fields = Record<string, unknown>;
type Level = 'info' | 'warn' | 'error';

const ORDER = ['debug', 'info', 'warn', 'error', 'silent'];

function enabled(level: Level) {
	const threshold = ORDER.indexOf(process.env.LOG_LEVEL ?? 'info');
	return ORDER.indexOf(level) >= (threshold === -1 ? 1 : threshold);
}

function write(level: Level, message: string, fields: Fields = {}) {
	if (!enabled(level)) return;
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
