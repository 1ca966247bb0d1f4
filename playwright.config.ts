// End-to-end journeys (tests/e2e) against the built app served by server.js. The database is the
// embedded one in a fresh temporary directory, or the Postgres in DATABASE_URL (seeded with the demo
// accounts; the tests create unique accounts, so an existing database is fine).
import os from 'node:os';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 4317);
const DATA_DIR = path.join(os.tmpdir(), `hocso-e2e-${PORT}`);
const executablePath = process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE || undefined;

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: true,
	forbidOnly: !!process.env.CI,
	retries: 0,
	workers: 2,
	reporter: 'list',
	timeout: 30_000,
	expect: { timeout: 5_000 },
	use: {
		baseURL: `http://127.0.0.1:${PORT}`,
		trace: 'retain-on-failure',
		screenshot: 'only-on-failure'
	},
	projects: [
		{
			name: 'chromium',
			use: {
				...devices['Desktop Chrome'],
				launchOptions: {
					executablePath,
					// Needed by Debian's chromium in containers; harmless with Playwright's own build.
					args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
				}
			}
		}
	],
	webServer: {
		// The data directory is removed first, so every run starts from a freshly migrated, seeded database.
		command: `node -e "fs.rmSync(process.argv[1], { recursive: true, force: true })" "${DATA_DIR}" && npx vite build --logLevel warn && node server.js`,
		url: `http://127.0.0.1:${PORT}/`,
		reuseExistingServer: false,
		timeout: 120_000,
		stdout: 'ignore',
		stderr: 'pipe',
		env: {
			PORT: String(PORT),
			HOST: '127.0.0.1',
			HOCSO_DATA_DIR: DATA_DIR,
			LOG_LEVEL: 'warn',
			// Every journey registers from 127.0.0.1, several times a run and on a reused Postgres several runs
			// an hour: far beyond a real address's hourly budget (the integration tests check the real limits).
			REGISTRATIONS_PER_ADDRESS: '100000',
			REGISTRATIONS_PER_NETWORK: '100000',
			...(process.env.DATABASE_URL ? { SEED_DEMO: 'always' } : {})
		}
	}
});
