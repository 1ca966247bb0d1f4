// Demo content for the embedded default and `npm run seed:demo`: demo agencies, one account per role
// (printed in the README), the demo courses, quizzes and contest, the demo targets and their figures. Idempotent: an account or agency that exists is left as it is.
import { asService, type Tx } from '../db/index.ts';
import { createLocalAccount } from '../auth/local.ts';
import { hashPassword } from '../auth/passwords.ts';
import type { Role } from '../people.ts';
import { seedCourses } from './courses.ts';
import { seedQuizzes } from './quizzes.ts';
import { seedTargets } from './targets.ts';

export const DEMO_PASSWORD = 'HocSo#2026';

type DemoAccount = { email: string; displayName: string; homeUnit: string; role?: Role; scope?: string };

const AGENCIES = [
	{ code: 'demo-skhcn', name: 'Sở Khoa học và Công nghệ (demo)', parent: 'Tỉnh Khánh Hòa' },
	{ code: 'demo-ubnd-bac-ai', name: 'Ủy ban nhân dân xã Bác Ái (demo)', parent: 'Xã Bác Ái' }
];

export const DEMO_ACCOUNTS: DemoAccount[] = [
	{ email: 'citizen@hocso.example', displayName: 'Nguyễn Thị Lan', homeUnit: 'Xã Bác Ái Tây' },
	{ email: 'official@hocso.example', displayName: 'Trần Văn Minh', homeUnit: 'Xã Bác Ái', role: 'official', scope: 'Ủy ban nhân dân xã Bác Ái (demo)' },
	{ email: 'organizer@hocso.example', displayName: 'Lê Thu Hà', homeUnit: 'Phường Nha Trang', role: 'organizer', scope: 'Tỉnh Khánh Hòa' },
	{ email: 'team@hocso.example', displayName: 'Phạm Quốc Bảo', homeUnit: 'Xã Bác Ái Tây', role: 'team_member', scope: 'Xã Bác Ái Tây' },
	{ email: 'unitadmin@hocso.example', displayName: 'Võ Thị Mai', homeUnit: 'Xã Bác Ái', role: 'unit_admin', scope: 'Xã Bác Ái' },
	{ email: 'admin@hocso.example', displayName: 'Đặng Hoàng Nam', homeUnit: 'Phường Phan Rang', role: 'province_admin' }
];

const currentUnitId = async (tx: Tx, name: string) => {
	const [row] = await tx<{ id: number }[]>`
		select id::int from public.unit
		where name = ${name} and validity @> current_date`;
	if (!row) throw new Error(`demo seed: no current unit named ${name}`);
	return row.id;
};

export async function seedDemo(): Promise<{ accounts: number; courses: number; contests: number; targets: number }> {
	const passwordHash = await hashPassword(DEMO_PASSWORD);
	return asService(async (tx) => {
		// Several server processes may start at once (WEB_CONCURRENCY): one seeds, the others then find it done.
		await tx`select pg_advisory_xact_lock(72016003)`;
		for (const agency of AGENCIES) {
			await tx`
				insert into public.unit (code, name, kind, parent_id, valid_from)
				select ${agency.code}, ${agency.name}, 'agency', ${await currentUnitId(tx, agency.parent)}, date '2025-07-01'
				where not exists (select 1 from public.unit where code = ${agency.code})`;
		}
		let accounts = 0;
		for (const account of DEMO_ACCOUNTS) {
			const [existing] = await tx`select 1 from auth.users where lower(email) = ${account.email}`;
			if (existing) continue;
			const id = await createLocalAccount(
				tx,
				{ displayName: account.displayName, identifier: { kind: 'email', value: account.email }, homeUnitId: await currentUnitId(tx, account.homeUnit), locale: 'vi' },
				passwordHash
			);
			if (account.role) {
				const scope = account.scope ? await currentUnitId(tx, account.scope) : null;
				await tx`insert into public.person_role (person_id, role, unit_id, granted_by) values (${id}, ${account.role}, ${scope}, null)`;
			}
			accounts++;
		}
		const courses = await seedCourses(tx, await currentUnitId(tx, 'Tỉnh Khánh Hòa'));
		const contests = await seedQuizzes(tx, currentUnitId, (displayName, email, homeUnitId) =>
			createLocalAccount(tx, { displayName, identifier: { kind: 'email', value: email }, homeUnitId, locale: 'vi' }, passwordHash));
		const targets = await seedTargets(tx, currentUnitId);
		return { accounts, courses, contests, targets };
	});
}
