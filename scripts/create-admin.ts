// `npm run admin:create -- --identifier <e-mail or phone> --name "<full name>"`: the one-time step that
// gives a deployment on DATABASE_URL its first province admin. The password is read from the
// ADMIN_PASSWORD environment variable (so it never appears in the shell history's arguments).
// An existing account with that identifier is promoted instead of created.
import { parseArgs } from 'node:util';
import { readConfig } from '#lib/server/config.ts';
import { asService, startDatabase, stopDatabase } from '#lib/server/db/index.ts';
import { parseIdentifier } from '#lib/forms/identifier.ts';
import { createLocalAccount } from '#lib/server/auth/local.ts';
import { hashPassword, isCommonPassword } from '#lib/server/auth/passwords.ts';
import { PASSWORD_MIN } from '#lib/forms/auth.ts';

const { values } = parseArgs({ options: { identifier: { type: 'string' }, name: { type: 'string' }, add: { type: 'boolean', default: false } } });
const identifier = parseIdentifier(values.identifier ?? '');
const password = process.env.ADMIN_PASSWORD ?? '';

function fail(message: string): never {
	console.error(message);
	process.exit(1);
}

if (!identifier) fail('Give --identifier with an e-mail address or a Vietnamese mobile number.');
if (!values.name?.trim()) fail('Give --name with the admin\'s full name.');
if (password.length < PASSWORD_MIN || isCommonPassword(password)) fail(`Set ADMIN_PASSWORD to a password of at least ${PASSWORD_MIN} characters that is not a common one.`);

await startDatabase(readConfig());
try {
	const passwordHash = await hashPassword(password);
	const outcome = await asService(async (tx) => {
		const [{ admins }] = await tx<{ admins: number }[]>`select count(*)::int as admins from public.person_role where role = 'province_admin'`;
		if (admins > 0 && !values.add) return 'exists' as const;
		const [existing] = await tx<{ id: string }[]>`select id from auth.users where lower(email) = ${identifier.value} or phone = ${identifier.value}`;
		const id = existing?.id ?? (await createLocalAccount(tx, { displayName: values.name!.trim(), identifier, homeUnitId: null, locale: 'vi' }, passwordHash));
		await tx`insert into public.person_role (person_id, role, granted_by) values (${id}, 'province_admin', null) on conflict do nothing`;
		return existing ? ('promoted' as const) : ('created' as const);
	});
	if (outcome === 'exists') fail('A province admin already exists; province admins give roles on /admin/roles. Use --add to add another here anyway.');
	console.log(outcome === 'created' ? `Created province admin ${identifier.value}.` : `${identifier.value} is now a province admin (existing account, password unchanged).`);
} finally {
	await stopDatabase();
}
