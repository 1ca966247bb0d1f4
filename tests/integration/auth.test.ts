import { describe, expect, it } from 'vitest';
import { auth, AuthError } from '#lib/server/auth/index.ts';
import { SESSION_COOKIE } from '#lib/server/auth/local.ts';
import { asService } from '#lib/server/db/index.ts';
import { context, oldUnitId, registerPerson } from './fixtures.ts';
import { parseIdentifier } from '#lib/forms/identifier.ts';

const PASSWORD = 'Mat-khau-rat-dai-1';

describe('registration', () => {
	it('stores a phone number written any common way as E.164, and signs the person in', async () => {
		const { session, ctx } = await registerPerson({ identifier: '0912 345 678', name: 'Bà Tư' });
		expect(session.user.phone).toBe('+84912345678');
		expect(session.user.displayName).toBe('Bà Tư');
		const [row] = await asService((tx) => tx`select phone from auth.users where id = ${session.user.id}`);
		expect(row.phone).toBe('+84912345678');
		expect(ctx.cookies.get(SESSION_COOKIE)).toMatch(/^[A-Za-z0-9_-]{43}$/);
	});

	it('refuses a second account with the same phone, however it is written, or the same e-mail', async () => {
		await registerPerson({ identifier: '+84987654321' });
		await expect(registerPerson({ identifier: '84-987-654-321' })).rejects.toEqual(new AuthError('account_exists'));
		await registerPerson({ identifier: 'lan@example.vn' });
		await expect(registerPerson({ identifier: 'LAN@Example.vn' })).rejects.toEqual(new AuthError('account_exists'));
	});

	it('writes nothing when the home unit is not a current commune', async () => {
		const before = await asService((tx) => tx`select count(*)::int as n from auth.users`);
		const ctx = context();
		await expect(
			auth.register(
				{ displayName: 'X', identifier: parseIdentifier('old-unit@test.example')!, password: PASSWORD, homeUnitId: await oldUnitId('Phường Đô Vinh'), locale: 'vi' },
				ctx
			)
		).rejects.toEqual(new AuthError('home_unit_not_current'));
		const after = await asService((tx) => tx`select count(*)::int as n from auth.users`);
		expect(after[0].n).toBe(before[0].n);
		expect(ctx.cookies.get(SESSION_COOKIE)).toBeUndefined();
	});

	it('keeps only a hash of the password and of the session token', async () => {
		const { session, ctx } = await registerPerson({ password: PASSWORD });
		const [credential] = await asService((tx) => tx`select password_hash from local_auth.credential where user_id = ${session.user.id}`);
		expect(credential.password_hash).toMatch(/^\$argon2id\$/);
		expect(credential.password_hash).not.toContain(PASSWORD);
		const token = ctx.cookies.get(SESSION_COOKIE)!;
		const [stored] = await asService((tx) => tx`select token_hash from local_auth.session where id = ${session.id}`);
		expect(Buffer.from(stored.token_hash).toString('base64url')).not.toBe(token);
		expect(stored.token_hash.length).toBe(32);
	});
});

describe('sign-in and sessions', () => {
	it('signs in with the phone number in another format, and the session resolves from the cookie', async () => {
		await registerPerson({ identifier: '0934 111 222', password: PASSWORD, name: 'Ông Năm' });
		const ctx = context();
		await auth.signIn('+84 934 111 222', PASSWORD, ctx);
		const session = await auth.getSession(ctx);
		expect(session?.user.displayName).toBe('Ông Năm');
		expect(session?.claims).toMatchObject({ role: 'authenticated', sub: session?.user.id });
	});

	it('answers a wrong password and an unknown account with the same error', async () => {
		const { identifier } = await registerPerson({ password: PASSWORD });
		await expect(auth.signIn(identifier, 'wrong-password', context())).rejects.toEqual(new AuthError('invalid_credentials'));
		await expect(auth.signIn('nobody@test.example', PASSWORD, context())).rejects.toEqual(new AuthError('invalid_credentials'));
	});

	it('locks an account after 5 failures, even for the right password, with the counter in the database', async () => {
		const { identifier } = await registerPerson({ password: PASSWORD });
		for (let i = 0; i < 4; i++) {
			await expect(auth.signIn(identifier, `wrong-${i}`, context(`198.51.100.${i}`))).rejects.toEqual(new AuthError('invalid_credentials'));
		}
		const fifth = auth.signIn(identifier, 'wrong-5', context('198.51.100.9'));
		await expect(fifth).rejects.toMatchObject({ code: 'throttled' });
		await expect(auth.signIn(identifier, PASSWORD, context('198.51.100.10'))).rejects.toMatchObject({ code: 'throttled' });
		const [row] = await asService((tx) => tx`select failures, locked_until > now() as locked from local_auth.throttle where key = ${`account:${identifier}`}`);
		expect(row).toMatchObject({ failures: 5, locked: true });
	});

	it('locks an address that tries many accounts', async () => {
		const ctx = () => context('192.0.2.55');
		for (let i = 0; i < 29; i++) {
			await expect(auth.signIn(`spray${i}@test.example`, 'x', ctx())).rejects.toEqual(new AuthError('invalid_credentials'));
		}
		await expect(auth.signIn('spray-last@test.example', 'x', ctx())).rejects.toMatchObject({ code: 'throttled' });
		const { identifier } = await registerPerson({ password: PASSWORD });
		await expect(auth.signIn(identifier, PASSWORD, ctx())).rejects.toMatchObject({ code: 'throttled' });
		await expect(auth.signIn(identifier, PASSWORD, context('192.0.2.56'))).resolves.toBeTruthy();
	});

	it('treats a tampered or unknown cookie as signed out and removes it', async () => {
		const ctx = context();
		ctx.cookies.set(SESSION_COOKIE, 'x'.repeat(43));
		expect(await auth.getSession(ctx)).toBeNull();
		expect(ctx.cookies.get(SESSION_COOKIE)).toBeUndefined();
		ctx.cookies.set(SESSION_COOKIE, '<script>');
		expect(await auth.getSession(ctx)).toBeNull();
	});

	it('treats an expired session as signed out', async () => {
		const { session, ctx } = await registerPerson();
		await asService((tx) => tx`update local_auth.session set expires_at = now() - interval '1 second' where id = ${session.id}`);
		expect(await auth.getSession(ctx)).toBeNull();
	});

	it('renews a session in use once a day and re-sends the cookie', async () => {
		const { session, ctx } = await registerPerson();
		await asService((tx) => tx`update local_auth.session set last_seen_at = now() - interval '2 days', expires_at = now() + interval '1 day' where id = ${session.id}`);
		const token = ctx.cookies.get(SESSION_COOKIE)!;
		ctx.cookies.delete(SESSION_COOKIE);
		ctx.cookies.set(SESSION_COOKIE, token);
		expect(await auth.getSession(ctx)).not.toBeNull();
		const [row] = await asService((tx) => tx`select expires_at > now() + interval '29 days' as renewed from local_auth.session where id = ${session.id}`);
		expect(row.renewed).toBe(true);
	});

	it('signing out kills the session on the server, so a copied cookie no longer works', async () => {
		const { ctx } = await registerPerson();
		const copy = context();
		copy.cookies.set(SESSION_COOKIE, ctx.cookies.get(SESSION_COOKIE)!);
		await auth.signOut(ctx);
		expect(ctx.cookies.get(SESSION_COOKIE)).toBeUndefined();
		expect(await auth.getSession(copy)).toBeNull();
	});
});

describe('changing the password', () => {
	it('needs the current password, then signs out every other device', async () => {
		const { session, ctx, identifier } = await registerPerson({ password: PASSWORD });
		const other = context();
		await auth.signIn(identifier, PASSWORD, other);
		await expect(auth.changePassword(session, 'not-it', 'Mot-mat-khau-moi-2', ctx)).rejects.toEqual(new AuthError('wrong_current_password'));
		await auth.changePassword(session, PASSWORD, 'Mot-mat-khau-moi-2', ctx);
		expect(await auth.getSession(ctx)).not.toBeNull();
		expect(await auth.getSession(other)).toBeNull();
		await expect(auth.signIn(identifier, PASSWORD, context())).rejects.toEqual(new AuthError('invalid_credentials'));
		await expect(auth.signIn(identifier, 'Mot-mat-khau-moi-2', context())).resolves.toBeTruthy();
	});
});
