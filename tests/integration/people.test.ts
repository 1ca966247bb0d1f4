import { describe, expect, it } from 'vitest';
import * as people from '#lib/server/people.ts';
import { asService } from '#lib/server/db/index.ts';
import { currentUnitId, grant, oldUnitId, registerPerson } from './fixtures.ts';

describe('own profile', () => {
	it('a person reads and edits their own profile, with a current commune as home', async () => {
		const { session } = await registerPerson({ name: 'Chị Hoa' });
		await people.updateOwnProfile(session.claims, { displayName: 'Chị Hoa Lê', homeUnitId: await currentUnitId('Xã Bác Ái Tây') });
		expect(await people.getOwnProfile(session.claims)).toMatchObject({ displayName: 'Chị Hoa Lê', homeUnitName: 'Xã Bác Ái Tây' });
	});

	it('refuses a home unit of the 2024 hierarchy and leaves the profile unchanged', async () => {
		const { session } = await registerPerson({ name: 'Anh Tâm', homeUnit: 'Xã Bác Ái' });
		await expect(people.updateOwnProfile(session.claims, { displayName: 'Changed', homeUnitId: await oldUnitId('Phường Đô Vinh') })).rejects.toEqual(
			new people.PeopleError('home_unit_not_current')
		);
		expect(await people.getOwnProfile(session.claims)).toMatchObject({ displayName: 'Anh Tâm', homeUnitName: 'Xã Bác Ái' });
	});

	it('editing "someone else" through the same call changes only one\'s own row', async () => {
		const a = await registerPerson({ name: 'A' });
		const b = await registerPerson({ name: 'B' });
		await people.updateOwnProfile(a.session.claims, { displayName: 'A2', homeUnitId: null });
		const [row] = await asService((tx) => tx`select display_name from public.profile where id = ${b.session.user.id}`);
		expect(row.display_name).toBe('B');
	});
});

describe('people seen by role', () => {
	it('a unit admin finds people of their commune but not of another; a citizen finds only themself', async () => {
		const admin = await registerPerson({ name: 'Quản trị Bác Ái' });
		await grant(admin.session.user.id, 'unit_admin', 'Xã Bác Ái');
		await registerPerson({ name: 'Dân Bác Ái', homeUnit: 'Xã Bác Ái' });
		await registerPerson({ name: 'Dân Nha Trang', homeUnit: 'Phường Nha Trang' });
		const seen = (await people.search(admin.session.claims, 'Dân')).map((p) => p.displayName);
		expect(seen).toEqual(['Dân Bác Ái']);
		const citizen = await registerPerson({ name: 'Dân thường' });
		expect((await people.search(citizen.session.claims, '')).map((p) => p.displayName)).toEqual(['Dân thường']);
	});

	it('a province admin gives and takes roles; others cannot', async () => {
		const admin = await registerPerson({ name: 'Quản trị tỉnh' });
		await grant(admin.session.user.id, 'province_admin', null);
		const citizen = await registerPerson({ name: 'Người được giao' });
		const unitId = await currentUnitId('Xã Bác Ái Tây');

		await expect(people.grantRole(citizen.session.claims, citizen.session.user.id, 'province_admin', null)).rejects.toEqual(new people.PeopleError('not_allowed'));

		await people.grantRole(admin.session.claims, citizen.session.user.id, 'team_member', unitId);
		await expect(people.grantRole(admin.session.claims, citizen.session.user.id, 'team_member', unitId)).rejects.toEqual(new people.PeopleError('role_exists'));
		const person = await people.get(admin.session.claims, citizen.session.user.id);
		expect(person?.roles).toMatchObject([{ role: 'team_member', unitName: 'Xã Bác Ái Tây' }]);

		await expect(people.revokeRole(citizen.session.claims, person!.roles[0].id)).rejects.toEqual(new people.PeopleError('not_found'));
		await people.revokeRole(admin.session.claims, person!.roles[0].id);
		expect((await people.get(admin.session.claims, citizen.session.user.id))?.roles).toEqual([]);
	});

	it('a scoped role needs a unit, and the last province admin cannot be removed', async () => {
		const admin = await registerPerson({ name: 'Quản trị cuối cùng' });
		await grant(admin.session.user.id, 'province_admin', null);
		await expect(people.grantRole(admin.session.claims, admin.session.user.id, 'unit_admin', null)).rejects.toEqual(
			new people.PeopleError('role_scope_invalid')
		);
		const others = await asService((tx) => tx<{ id: number }[]>`
			select id::int from public.person_role where role = 'province_admin' and person_id <> ${admin.session.user.id}`);
		for (const other of others) await people.revokeRole(admin.session.claims, other.id);
		const own = await people.get(admin.session.claims, admin.session.user.id);
		await expect(people.revokeRole(admin.session.claims, own!.roles[0].id)).rejects.toEqual(new people.PeopleError('last_province_admin'));
		expect((await people.get(admin.session.claims, admin.session.user.id))?.roles).toHaveLength(1);
	});
});
