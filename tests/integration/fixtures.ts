// Personas for integration tests: accounts created through the real auth provider, with a cookie jar.
import { auth, type RequestContext, type Session } from '#lib/server/auth/index.ts';
import { asService } from '#lib/server/db/index.ts';
import type { CookieJar } from '#lib/server/auth/provider.ts';
import { parseIdentifier } from '#lib/forms/identifier.ts';

export class TestCookies implements CookieJar {
	readonly values = new Map<string, string>();
	get(name: string) {
		return this.values.get(name);
	}
	set(name: string, value: string) {
		this.values.set(name, value);
	}
	delete(name: string) {
		this.values.delete(name);
	}
}

export function context(address = '203.0.113.7'): RequestContext & { cookies: TestCookies } {
	return { cookies: new TestCookies(), address, userAgent: 'vitest', secure: false };
}

export async function currentUnitId(name: string): Promise<number> {
	const [row] = await asService((tx) => tx<{ id: number }[]>`
		select id::int from public.unit where name = ${name} and valid_to is null`);
	if (!row) throw new Error(`no current unit ${name}`);
	return row.id;
}

export async function oldUnitId(name: string): Promise<number> {
	const [row] = await asService((tx) => tx<{ id: number }[]>`
		select id::int from public.unit where name = ${name} and valid_to is not null`);
	if (!row) throw new Error(`no old unit ${name}`);
	return row.id;
}

let counter = 0;

/**
 * Registers a person (a unique e-mail unless given) and returns their session and cookies. Each comes from
 * an address of their own (a /64 of the IPv6 documentation range), as people do: registrations are limited
 * per address and network.
 */
export async function registerPerson(options: { name?: string; identifier?: string; password?: string; homeUnit?: string } = {}) {
	const ctx = context(`2001:db8:${(++counter).toString(16)}::1`);
	const identifier = parseIdentifier(options.identifier ?? `person${counter}-${Date.now()}@test.example`)!;
	const session: Session = await auth.register(
		{
			displayName: options.name ?? 'Người thử',
			identifier,
			password: options.password ?? 'Mat-khau-rat-dai-1',
			homeUnitId: options.homeUnit ? await currentUnitId(options.homeUnit) : null,
			locale: 'vi'
		},
		ctx
	);
	return { session, ctx, identifier: identifier.value };
}

export async function grant(personId: string, role: string, unitName: string | null) {
	const unitId = unitName ? await currentUnitId(unitName) : null;
	await asService((tx) => tx`insert into public.person_role (person_id, role, unit_id) values (${personId}, ${role}, ${unitId})`);
}
