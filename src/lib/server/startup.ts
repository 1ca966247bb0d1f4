// What the server does once at start: open the database (embedded or DATABASE_URL), migrate, and load
// the demo content where that is wanted.
import { readConfig, type Config } from './config.ts';
import { asService, startDatabase } from './db/index.ts';
import { seedDemo } from './seed/demo.ts';
import { log } from './log.ts';
import { startRefreshing } from './targets.ts';

export async function startServer(config: Config = readConfig()) {
	const started = Date.now();
	const { mode, applied } = await startDatabase(config);
	log.info('database ready', { mode, dataDir: mode === 'embedded' ? config.dataDir : undefined, migrationsApplied: applied.length });
	const seed = config.seedDemo === 'always' || (config.seedDemo === 'auto' && mode === 'embedded');
	if (seed) {
		const { accounts, courses } = await seedDemo();
		if (accounts + courses > 0) log.info('demo content loaded', { accounts, courses });
	} else {
		const [{ count }] = await asService((tx) => tx<{ count: number }[]>`
			select count(*)::int as count from public.person_role where role = 'province_admin'`);
		if (count === 0) log.warn('no province admin yet: create the first one with `npm run admin:create` (see README)');
	}
	startRefreshing(config.targetsRefreshMinutes);
	log.info('startup done', { ms: Date.now() - started });
}
