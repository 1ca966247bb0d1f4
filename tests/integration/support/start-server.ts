// One server start as a separate process would do it (the database, its schema, the demo content),
// for the start-up test: prints "up" and exits 0 when it came up, or exits 1 with the error.
import { startServer } from '#lib/server/startup.ts';
import { stopDatabase } from '#lib/server/db/index.ts';

try {
	await startServer();
	console.log('up');
	await stopDatabase();
} catch (error) {
	console.error(error instanceof Error ? error.message : String(error));
	process.exitCode = 1;
}
