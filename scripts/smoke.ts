import { startDatabase, asService, asUser, stopDatabase } from '#lib/server/db/index.ts';
import { readConfig } from '#lib/server/config.ts';
const t0 = Date.now();
const cfg = readConfig({ HOCSO_DATA_DIR: '/tmp/smoke-data', DATABASE_URL: process.env.DATABASE_URL });
console.log(await startDatabase(cfg), Date.now() - t0);
console.log(await asService((tx) => tx`select kind, count(*)::int from unit group by kind`));
console.log(await asService((tx) => tx`select count(*)::int from unit_succession`));
console.log(await asUser({ role: 'anon' }, (tx) => tx`select current_user, auth.uid(), (select count(*) from unit)::int as units`));
try { await asUser({ role: 'anon' }, (tx) => tx`select * from profile`); } catch (e) { console.log('anon profile:', (e as Error).message); }
try { await asUser({ role: 'anon' }, (tx) => tx`select * from local_auth.session`); } catch (e) { console.log('anon session:', (e as Error).message); }
await stopDatabase();
console.log('total', Date.now() - t0);
