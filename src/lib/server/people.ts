// People: one's own profile, and the province admin's view of people and their roles.
import { asUser, type Claims } from './db/index.ts';
import { isPostgresError } from './db/errors.ts';
import { containsPattern } from './db/like.ts';
import { normaliseText } from '../forms/text.ts';
import { Constants, type Enums } from './db/database.types.ts';
import type { Camel, OneOf, Row } from './db/rows.ts';
import type { Locale } from '../i18n/index.ts';

/** A unit's name where a person's unit may be missing (left join). */
type UnitName = Row<'unit'>['name'] | null;

export type PersonSummary = Camel<Row<'profile'>, 'id' | 'display_name' | 'email' | 'phone'> & { homeUnitName: UnitName };
export type Profile = PersonSummary & Camel<Row<'profile'>, 'home_unit_id'> & { locale: OneOf<Row<'profile'>['locale'], Locale> };
export type PersonRole = Camel<Row<'person_role'>, 'id' | 'role' | 'unit_id' | 'granted_at'> & { unitName: UnitName };

export type PeopleErrorCode = 'home_unit_not_current' | 'role_exists' | 'role_scope_invalid' | 'last_province_admin' | 'not_allowed' | 'not_found';

export class PeopleError extends Error {
	readonly code: PeopleErrorCode;
	constructor(code: PeopleErrorCode) {
		super(code);
		this.name = 'PeopleError';
		this.code = code;
	}
}

export const ROLES = Constants.public.Enums.app_role;
export type Role = Enums<'app_role'>;

export async function getOwnProfile(claims: Claims): Promise<Profile | undefined> {
	const [row] = await asUser(claims, (tx) => tx<Profile[]>`
		select p.id, p.display_name as "displayName", p.email, p.phone, p.home_unit_id::int as "homeUnitId",
			u.name as "homeUnitName", p.locale
		from public.profile p left join public.unit u on u.id = p.home_unit_id
		where p.id = auth.uid()`);
	return row;
}

export async function updateOwnProfile(claims: Claims, input: { displayName: string; homeUnitId: number | null }) {
	try {
		await asUser(claims, (tx) => tx`
			update public.profile set display_name = ${input.displayName}, home_unit_id = ${input.homeUnitId}
			where id = auth.uid()`);
	} catch (error) {
		if (isPostgresError(error, '23514') && error.hint === 'home_unit_not_current') throw new PeopleError('home_unit_not_current');
		if (isPostgresError(error, '23503')) throw new PeopleError('home_unit_not_current');
		throw error;
	}
}

export async function setOwnLocale(claims: Claims, locale: 'vi' | 'en') {
	await asUser(claims, (tx) => tx`update public.profile set locale = ${locale} where id = auth.uid()`);
}

/** People the caller may see (RLS decides), matching a name, e-mail or phone fragment. */
export function search(claims: Claims, query: string, limit = 50): Promise<PersonSummary[]> {
	const pattern = containsPattern(normaliseText(query));
	return asUser(claims, (tx) => tx<PersonSummary[]>`
		select p.id, p.display_name as "displayName", p.email, p.phone, u.name as "homeUnitName"
		from public.profile p left join public.unit u on u.id = p.home_unit_id
		where ${query} = '' or p.display_name ilike ${pattern} or p.email ilike ${pattern} or p.phone like ${pattern}
		order by p.display_name
		limit ${limit}`);
}

export async function get(claims: Claims, personId: string): Promise<(PersonSummary & { roles: PersonRole[] }) | undefined> {
	return asUser(claims, async (tx) => {
		const [person] = await tx<PersonSummary[]>`
			select p.id, p.display_name as "displayName", p.email, p.phone, u.name as "homeUnitName"
			from public.profile p left join public.unit u on u.id = p.home_unit_id
			where p.id = ${personId}`;
		if (!person) return undefined;
		const roles = await tx<PersonRole[]>`
			select r.id::int, r.role, r.unit_id::int as "unitId", u.name as "unitName", r.granted_at as "grantedAt"
			from public.person_role r left join public.unit u on u.id = r.unit_id
			where r.person_id = ${personId}
			order by r.granted_at`;
		return { ...person, roles };
	});
}

export async function grantRole(claims: Claims, personId: string, role: Role, unitId: number | null) {
	try {
		await asUser(claims, (tx) => tx`
			insert into public.person_role (person_id, role, unit_id, granted_by)
			values (${personId}, ${role}, ${role === 'province_admin' ? null : unitId}, auth.uid())`);
	} catch (error) {
		if (isPostgresError(error, '42501')) throw new PeopleError('not_allowed');
		if (isPostgresError(error, '23505')) throw new PeopleError('role_exists');
		if (isPostgresError(error, '23514') || isPostgresError(error, '23503')) throw new PeopleError('role_scope_invalid');
		throw error;
	}
}

export async function revokeRole(claims: Claims, roleId: number) {
	try {
		const rows = await asUser(claims, (tx) => tx`delete from public.person_role where id = ${roleId} returning id`);
		if (rows.length === 0) throw new PeopleError('not_found');
	} catch (error) {
		if (isPostgresError(error, '23514') && error.hint === 'last_province_admin') throw new PeopleError('last_province_admin');
		throw error;
	}
}
