// When the database goes away under a running server, pages that need it answer a friendly 503 in the
// reader's language, with a request id to quote and no stack trace. This test runs its own server
// (built by the suite's web server) on its own embedded database, so it can stop that database.
import { spawn, type ChildProcess } from 'node:child_process';
import { expect, test } from './support/fixtures.ts';
import { expectAccessible } from './support/axe.ts';
import { t } from './support/i18n.ts';
import { startEmbedded, type EmbeddedDatabase } from '../../src/lib/server/db/embedded.ts';

const PORT = Number(process.env.E2E_PORT ?? 4317) + 1;
const base = `http://127.0.0.1:${PORT}`;

let database: EmbeddedDatabase;
let server: ChildProcess;
let log = '';

test.beforeAll(async () => {
	database = await startEmbedded();
	server = spawn(process.execPath, ['server.js'], {
		env: { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', DATABASE_URL: database.url, SEED_DEMO: 'never' },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	server.stdout!.on('data', (chunk) => (log += chunk));
	server.stderr!.on('data', (chunk) => (log += chunk));
	await expect
		.poll(async () => (await fetch(base).catch(() => undefined))?.status, { timeout: 30_000 })
		.toBe(200);
});

test.afterAll(async () => {
	server?.kill('SIGTERM');
	await database?.stop().catch(() => undefined);
});

test('a page that needs the database answers 503, localised, with a request id', async ({ page }) => {
	await page.goto(`${base}/register`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('vi', 'auth.register_title'));
	await expectAccessible(page);

	await database.stop();

	const response = await page.goto(`${base}/register`);
	expect(response?.status()).toBe(503);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('vi', 'errors.title', { status: 503 }));
	await expect(page.getByText(t('vi', 'errors.db_unavailable'))).toBeVisible();
	const requestId = response!.headers()['x-request-id'];
	await expect(page.getByText(t('vi', 'errors.request_id', { id: requestId }))).toBeVisible();
	expect(await page.content()).not.toMatch(/ECONNREFUSED|at .+\.js:\d+/);
	await expectAccessible(page);

	await page.context().addCookies([{ name: 'lang', value: 'en', url: base }]);
	await page.goto(`${base}/register`);
	await expect(page.getByText(t('en', 'errors.db_unavailable'))).toBeVisible();
	await expectAccessible(page);

	expect(log).toContain(requestId);
});
