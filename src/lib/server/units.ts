// Administrative units and agencies: the hierarchy valid on a date, and lookups.
import { asUser, type Claims } from './db/index.ts';
import type { Row } from './db/rows.ts';

export type UnitOption = Pick<Row<'unit'>, 'id' | 'name' | 'kind'>;

// Postgres may not have an ICU Vietnamese collation (PGlite has none), so names are sorted here.
const vietnamese = new Intl.Collator('vi');

/** Communes (and villages) valid today, the choices for a person's home unit, in Vietnamese order. */
export async function listCurrentCommunes(claims: Claims): Promise<UnitOption[]> {
	const rows = await asUser(claims, (tx) => tx<UnitOption[]>`
		select id::int, name, kind from public.unit
		where kind in ('commune', 'village') and validity @> current_date`);
	return rows.sort((a, b) => vietnamese.compare(a.name, b.name));
}

/** Every unit valid today that a role can be scoped to: the province, communes, villages, agencies. */
export async function listCurrentScopes(claims: Claims): Promise<UnitOption[]> {
	const rows = await asUser(claims, (tx) => tx<UnitOption[]>`
		select id::int, name, kind from public.unit
		where validity @> current_date`);
	const rank = (kind: string) => ['province', 'agency'].indexOf(kind) + 1 || 3;
	return rows.sort((a, b) => rank(a.kind) - rank(b.kind) || vietnamese.compare(a.name, b.name));
}
