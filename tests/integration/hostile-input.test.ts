// Hostile input on a real database: searches take % and _ as text, a name typed decomposed finds the
// stored one, and the database's refusals (a NUL, a row-level security policy) are the errors the one
// mapping in db/errors.ts turns into a 400 and a 403 for every route.
import { beforeAll, describe, expect, it } from 'vitest';
import * as people from '#lib/server/people.ts';
import * as banks from '#lib/server/banks.ts';
import { refusalOf } from '#lib/server/db/errors.ts';
import type { Claims } from '#lib/server/db/index.ts';
import { currentUnitId, grant, registerPerson } from './fixtures.ts';

let admin: Claims;

beforeAll(async () => {
	const { session } = await registerPerson({ name: 'Quản trị tỉnh' });
	await grant(session.user.id, 'province_admin', null);
	admin = session.claims;
	await registerPerson({ name: 'Nguyễn Thị Lan' });
	await registerPerson({ name: 'Trần 100% Minh' });
});

const names = async (q: string) => (await people.search(admin, q)).map((person) => person.displayName).sort();

describe('the people search', () => {
	it('takes % and _ as characters to find, not as wildcards', async () => {
		expect(await names('%')).toEqual(['Trần 100% Minh']);
		expect(await names('_')).toEqual([]);
		expect(await names('L_n')).toEqual([]);
	});

	it('finds a name from a query typed in decomposed Unicode (NFD)', async () => {
		expect(await names('Thị Lan'.normalize('NFD'))).toEqual(['Nguyễn Thị Lan']);
	});

	it('fails on a NUL with the error answered as a 400', async () => {
		const failure = await people.search(admin, 'Lan\u0000').catch((error: unknown) => error);
		expect(refusalOf(failure)).toEqual({ status: 400, message: 'bad_input' });
	});
});

describe('a row-level security refusal', () => {
	it('is the error answered as a 403', async () => {
		const { session } = await registerPerson({ name: 'Người không phải tác giả' });
		const failure = await banks.create(session.claims, 'Ngân hàng lạ', await currentUnitId('Tỉnh Khánh Hòa')).catch((error: unknown) => error);
		expect(refusalOf(failure)).toEqual({ status: 403, message: 'forbidden' });
	});
});
