import { startEmbedded } from '../../src/lib/server/db/embedded.ts';
import { connect } from '../../src/lib/server/db/index.ts';
import { applyShim, migrate } from '../../src/lib/server/db/migrate.ts';
import { pgtap } from '@electric-sql/pglite-pgtap';
let t = performance.now();
const lap = (s: string) => { const n = performance.now(); console.log(s, Math.round(n - t)); t = n; };
for (let i = 0; i < 3; i++) {
const e = await startEmbedded({ extensions: { pgtap } });
lap('start');
const sql = connect(e.url, { max: 1 });
await applyShim(sql); lap('shim');
await migrate(sql); lap('migrate');
await sql.unsafe(`set search_path = "$user", public, extensions`);
const r = await sql.unsafe(`begin; create extension if not exists pgtap with schema extensions; select plan(2); select ok(true, 'a'); select is(1, 2, 'b'); select * from finish(); rollback;`);
if (i == 0) console.log(JSON.stringify(r)); lap('run');
await sql.end(); await e.stop(); lap('stop');
}
