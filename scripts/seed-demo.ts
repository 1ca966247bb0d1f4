// `npm run seed:demo`: loads the demo agencies and accounts into the database the app would use
// (DATABASE_URL, or the embedded one under HOCSO_DATA_DIR). Safe to run twice.
import { readConfig } from '#lib/server/config.ts';
import { startDatabase, stopDatabase } from '#lib/server/db/index.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from '#lib/server/seed/demo.ts';

const config = readConfig();
const { mode } = await startDatabase(config);
try {
	const { accounts, courses } = await seedDemo();
	console.log(`${mode} database: ${accounts} demo account(s) created (${DEMO_ACCOUNTS.length - accounts} already there), ${courses} demo course(s) loaded.`);
	console.log(`Demo password for every account: ${DEMO_PASSWORD}`);
	for (const account of DEMO_ACCOUNTS) console.log(`  ${account.role ?? 'citizen'}: ${account.email}`);
} finally {
	await stopDatabase();
}
