// Administrative units and agencies: the hierarchy valid on a date, and lookups.
import { asUser, type Claims } from './db/index.ts';

export type UnitOption = { id: number; name: string; kind: string };

/** Communes (and villages) valid today, the choices for a person's home unit. */
export function listCurrentCommunes(claims: Claims): Promise<UnitOption[]> {
	return asUser(claims, (tx) => tx<UnitOption[]>`
		select id::int, name, kind from public.unit
		where kind in ('commune', 'village') and valid_from <= current_date
			and (valid_to is null or valid_to > current_date)
		order by name collate "C"`);
}

/** Every unit valid today that a role can be scoped to: the province, communes, villages, agencies. */
export function listCurrentScopes(claims: Claims): Promise<UnitOption[]> {
	return asUser(claims, (tx) => tx<UnitOption[]>`
		select id::int, name, kind from public.unit
		where valid_from <= current_date and (valid_to is null or valid_to > current_date)
		order by case kind when 'province' then 0 when 'agency' then 1 else 2 end, name collate "C"`);
}
