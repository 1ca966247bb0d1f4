// Serves the built app (adapter-node's handler) on PORT/HOST. Node itself only speaks plain HTTP, so the
// request protocol is http unless TRUST_PROXY=1 says a proxy in front terminates TLS and sets
// X-Forwarded-Proto / X-Forwarded-For. On SIGINT/SIGTERM it stops accepting requests, then lets the
// app close the database (PGlite must be closed cleanly to keep its files consistent).
import http from 'node:http';
import process from 'node:process';

const trustProxy = process.env.TRUST_PROXY === '1';
process.env.PROTOCOL_HEADER = 'x-forwarded-proto';
if (trustProxy) process.env.ADDRESS_HEADER ??= 'x-forwarded-for';

let handler;
try {
	({ handler } = await import('./build/handler.js'));
} catch (error) {
	// Start-up failed (most often: the database cannot be reached or a migration failed). Say so in one
	// line an operator can act on; the details follow for the log.
	const reason = error?.code === 'ERR_MODULE_NOT_FOUND' ? 'the app is not built: run `npm run build` first' : (error?.message ?? String(error));
	console.error(JSON.stringify({ level: 'error', message: `Học Số could not start: ${reason}`, code: error?.code }));
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
server.listen(port, host, () => console.log(JSON.stringify({ level: 'info', message: `listening on http://${host === '0.0.0.0' ? 'localhost' : host}:${port}` })));

// A request that fails is answered by the app's own error handling; a stray rejection must not take
// every other request down with the process.
process.on('unhandledRejection', (reason) => {
	console.error(JSON.stringify({ level: 'error', message: 'unhandled rejection', error: reason instanceof Error ? reason.stack : String(reason) }));
});

let stopping = false;
function shutdown(signal) {
	if (stopping) return;
	stopping = true;
	server.close(() => process.emit('sveltekit:shutdown', signal));
	server.closeIdleConnections();
	setTimeout(() => server.closeAllConnections(), 5_000).unref();
}
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));
