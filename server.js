// Serves the built app (adapter-node's handler) on PORT/HOST. Node itself only speaks plain HTTP, so the
// request protocol is http unless TRUST_PROXY=1 says a proxy in front terminates TLS and sets
// X-Forwarded-Proto / X-Forwarded-For. On SIGINT/SIGTERM it stops accepting requests, then lets the
// app close the database (PGlite must be closed cleanly to keep its files consistent).
// WEB_CONCURRENCY > 1 runs that many server processes on the one port (node:cluster), so that every
// core renders pages; they share nothing but the database, which must then be a real one (DATABASE_URL).
import cluster from 'node:cluster';
import http from 'node:http';
import process from 'node:process';

const log = (level, message, fields = {}) => console[level === 'info' ? 'log' : 'error'](JSON.stringify({ level, message, ...fields }));
const workers = Number(process.env.WEB_CONCURRENCY ?? 1);

if (workers > 1 && cluster.isPrimary) {
	superviseWorkers(workers);
} else {
	await serve();
}

function superviseWorkers(count) {
	if (!process.env.DATABASE_URL) {
		log('error', 'WEB_CONCURRENCY > 1 needs DATABASE_URL: the embedded database lives in one process');
		process.exit(1);
	}
	let stopping = false;
	for (let i = 0; i < count; i++) cluster.fork();
	cluster.on('exit', (worker, code) => {
		if (!stopping) {
			log('error', `server process ${worker.process.pid} exited (${code}); starting another`);
			cluster.fork();
		} else if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
	});
	const stop = (signal) => {
		stopping = true;
		for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
		// Each worker closes its connections within 5 s; do not wait for ever on one that hangs.
		setTimeout(() => process.exit(0), 10_000).unref();
	};
	process.on('SIGINT', () => stop('SIGINT'));
	process.on('SIGTERM', () => stop('SIGTERM'));
}

async function serve() {
	const trustProxy = process.env.TRUST_PROXY === '1';
	process.env.PROTOCOL_HEADER = 'x-forwarded-proto';
	if (trustProxy) process.env.ADDRESS_HEADER ??= 'x-forwarded-for';
	// A question file may be 1 MB (QUESTION_LIMITS.importBytesMax); multipart framing adds a little.
	process.env.BODY_SIZE_LIMIT ??= '2M';

	let handler;
	try {
		({ handler } = await import('./build/handler.js'));
	} catch (error) {
		// Start-up failed (most often: the database cannot be reached or a migration failed). Say so in one
		// line an operator can act on; the details follow for the log.
		const reason =
			error?.code === 'ERR_MODULE_NOT_FOUND' ? 'the app is not built: run `npm run build` first'
			: error instanceof Error ? error.message
			: JSON.stringify(error);
		log('error', `Học Số could not start: ${reason}`, { code: error?.code });
		if (error?.stack) console.error(error.stack);
		process.exit(1);
	}

	const server = http.createServer((req, res) => {
		if (!trustProxy) req.headers['x-forwarded-proto'] = 'http';
		handler(req, res, () => {
			res.statusCode = 404;
			res.end('Not found');
		});
	});

	const port = Number(process.env.PORT ?? 3000);
	const host = process.env.HOST ?? '0.0.0.0';
	server.listen(port, host, () => log('info', `listening on http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`));

	// A request that fails is answered by the app's own error handling; a stray rejection must not take
	// every other request down with the process.
	process.on('unhandledRejection', (reason) => log('error', 'unhandled rejection', { error: reason instanceof Error ? reason.stack : String(reason) }));

	let stopping = false;
	const shutdown = (signal) => {
		if (stopping) return;
		stopping = true;
		server.close(() => process.emit('sveltekit:shutdown', signal));
		server.closeIdleConnections();
		setTimeout(() => server.closeAllConnections(), 5_000).unref();
	};
	process.on('SIGINT', () => shutdown('SIGINT'));
	process.on('SIGTERM', () => shutdown('SIGTERM'));
}
