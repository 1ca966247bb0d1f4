import { describe, expect, it } from 'vitest';
import { auth, AuthError } from '#lib/server/auth/index.ts';
import { createLocalAccount, SESSION_COOKIE } from '#lib/server/auth/local.ts';
import { DEVICE_COOKIE } from '#lib/server/auth/devices.ts';
import { hashPassword } from '#lib/server/auth/passwords.ts';
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
		const device = ctx.cookies.get(DEVICE_COOKIE)!;
		expect(device).toMatch(/^[A-Za-z0-9_-]{43}$/);
		const [trusted] = await asService((tx) => tx`select count(*)::int as n from local_auth.device where user_id = ${session.user.id} and token_hash = sha256(convert_to(${device}, 'UTF8'))`);
		expect(trusted.n).toBe(1);
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

/** The throttle's clock, moved by rewriting rows: the account's last attempt was `seconds` earlier. */
async function rewindAccount(userId: string, seconds: number) {
	await asService((tx) => tx`update local_auth.account_throttle set last_attempt_at = last_attempt_at - make_interval(secs => ${seconds})
		where account_key = ${`account:${userId}`}`);
}

async function setAccountFailures(userId: string, failures: number) {
	await asService((tx) => tx`insert into local_auth.account_throttle (account_key, failures, last_attempt_at)
		values (${`account:${userId}`}, ${failures}, now()) on conflict (account_key) do update set failures = ${failures}, last_attempt_at = now()`);
}

/** The browser an attacker uses: a fresh one each time, from an address of their own. */
const stranger = (n: number) => context(`198.51.100.${n}`);

describe('throttling that cannot lock the owner out', () => {
	it("a browser that signed in before is not stopped by an attacker's failures, and has a budget of its own", async () => {
		const { session, ctx: ownPhone, identifier } = await registerPerson({ password: PASSWORD });
		await auth.signOut(ownPhone);
		for (let i = 1; i <= 3; i++) await expect(auth.signIn(identifier, `guess-${i}`, stranger(i))).rejects.toEqual(new AuthError('invalid_credentials'));
		await expect(auth.signIn(identifier, 'guess-4', stranger(4))).rejects.toMatchObject({ code: 'throttled', retryAfterSeconds: 1 });
		await setAccountFailures(session.user.id, 40);
		await expect(auth.signIn(identifier, PASSWORD, stranger(5))).rejects.toMatchObject({ code: 'throttled', retryAfterSeconds: 900 });

		await expect(auth.signIn(identifier, 'a typo', ownPhone)).rejects.toEqual(new AuthError('invalid_credentials'));
		await expect(auth.signIn(identifier, PASSWORD, ownPhone)).resolves.toMatchObject({ user: { id: session.user.id } });
		await expect(auth.signIn(identifier, PASSWORD, stranger(6))).rejects.toMatchObject({ code: 'throttled' });

		// A copy of the phone's device cookie guesses ten times, then it is a stranger like any other.
		const thief = stranger(7);
		thief.cookies.set(DEVICE_COOKIE, ownPhone.cookies.get(DEVICE_COOKIE)!);
		for (let i = 1; i <= 10; i++) await expect(auth.signIn(identifier, `stolen-${i}`, thief)).rejects.toEqual(new AuthError('invalid_credentials'));
		await expect(auth.signIn(identifier, 'stolen-11', thief)).rejects.toMatchObject({ code: 'throttled' });
		await expect(auth.signIn(identifier, PASSWORD, ownPhone)).rejects.toMatchObject({ code: 'throttled' });
	});

	it('an untrusted client waits longer after each failure (1 s, 2 s, 4 s …), never more than 15 minutes, and the right password clears it', async () => {
		const { session, identifier } = await registerPerson({ password: PASSWORD });
		const waits: (number | undefined)[] = [];
		for (let i = 1; waits.length < 4; i++) {
			const error = await auth.signIn(identifier, `guess-${i}`, stranger(i)).catch((e: AuthError) => e);
			if (error instanceof AuthError && error.code === 'throttled') {
				waits.push(error.retryAfterSeconds);
				await rewindAccount(session.user.id, error.retryAfterSeconds!);
			} else expect(error).toEqual(new AuthError('invalid_credentials'));
		}
		expect(waits).toEqual([1, 2, 4, 8]);
		await setAccountFailures(session.user.id, 1000);
		await expect(auth.signIn(identifier, PASSWORD, stranger(90))).rejects.toMatchObject({ code: 'throttled', retryAfterSeconds: 900 });
		await rewindAccount(session.user.id, 900);
		await expect(auth.signIn(identifier, PASSWORD, stranger(91))).resolves.toBeTruthy();
		for (let i = 92; i <= 94; i++) await expect(auth.signIn(identifier, 'guess', stranger(i))).rejects.toEqual(new AuthError('invalid_credentials'));
	});

	it('an unknown account is answered like a real one, delays included', async () => {
		for (let i = 1; i <= 3; i++) await expect(auth.signIn('nobody-at-all@test.example', 'x', stranger(i))).rejects.toEqual(new AuthError('invalid_credentials'));
		await expect(auth.signIn('nobody-at-all@test.example', 'x', stranger(4))).rejects.toMatchObject({ code: 'throttled', retryAfterSeconds: 1 });
	});

	it('forty people behind one address each mistyping once do not stop the forty-first; a spent address stops strangers only', async () => {
		const agency = () => context('::ffff:203.0.113.40');
		const hash = await hashPassword(PASSWORD);
		const staff = await asService(async (tx) => {
			const ids: string[] = [];
			for (let i = 0; i < 40; i++) {
				ids.push(await createLocalAccount(tx, { displayName: `Cán bộ ${i}`, identifier: parseIdentifier(`staff${i}-${Date.now()}@agency.example`)!, homeUnitId: null, locale: 'vi' }, hash));
			}
			return tx<{ email: string }[]>`select email from auth.users where id = any (${ids}::uuid[])`;
		});
		const typos: string[] = [];
		for (const { email } of staff) typos.push(await auth.signIn(email, 'a typo', agency()).then(() => 'signed in', (error: AuthError) => error.code));
		expect(typos).toEqual(Array(40).fill('invalid_credentials'));

		const { identifier, ctx: ownBrowser } = await registerPerson({ password: PASSWORD });
		await expect(auth.signIn(identifier, PASSWORD, agency())).resolves.toBeTruthy();

		await asService((tx) => tx`update local_auth.address_budget set used = 100 where key = 'sign_in:address:203.0.113.40'`);
		await expect(auth.signIn(identifier, PASSWORD, agency())).rejects.toMatchObject({ code: 'throttled' });
		const trusted = agency();
		trusted.cookies.set(DEVICE_COOKIE, ownBrowser.cookies.get(DEVICE_COOKIE)!);
		await expect(auth.signIn(identifier, PASSWORD, trusted)).resolves.toBeTruthy();
		await expect(auth.signIn(identifier, PASSWORD, context('203.0.114.40'))).resolves.toBeTruthy();
	});
});

describe('registration limits', () => {
	const register = (email: string, address: string) =>
		auth.register({ displayName: 'Người thử', identifier: parseIdentifier(email)!, password: PASSWORD, homeUnitId: null, locale: 'vi' }, context(address));
	const spend = (key: string, used: number) =>
		asService((tx) => tx`insert into local_auth.address_budget (key, used, window_started_at) values (${key}, ${used}, now())
			on conflict (key) do update set used = ${used}`);

	it('twenty an hour from one address, "account exists" answers included', async () => {
		await spend('register:address:192.0.2.77', 18);
		await register('limit-first@test.example', '192.0.2.77');
		await expect(register('limit-first@test.example', '192.0.2.77')).rejects.toEqual(new AuthError('account_exists'));
		const refused = await register('limit-second@test.example', '192.0.2.77').catch((e: AuthError) => e);
		expect(refused).toMatchObject({ code: 'throttled' });
		expect((refused as AuthError).retryAfterSeconds).toBeGreaterThan(3500);
		const [created] = await asService((tx) => tx`select count(*)::int as n from auth.users where email = 'limit-second@test.example'`);
		expect(created.n).toBe(0);
		await expect(register('limit-second@test.example', '192.0.2.78')).resolves.toBeTruthy();
	});

	it('a hundred an hour from one network', async () => {
		await spend('register:network:192.0.2.0/24', 100);
		await expect(register('limit-third@test.example', '192.0.2.79')).rejects.toMatchObject({ code: 'throttled' });
		await expect(register('limit-third@test.example', '192.0.3.79')).resolves.toBeTruthy();
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

	it("wrong current passwords are throttled: a stolen session cookie waits after three, the owner's browser is not slowed", async () => {
		const { session, ctx: owner } = await registerPerson({ password: PASSWORD });
		const thief = stranger(50);
		thief.cookies.set(SESSION_COOKIE, owner.cookies.get(SESSION_COOKIE)!);
		const stolen = (await auth.getSession(thief))!;
		for (let i = 1; i <= 3; i++) {
			await expect(auth.changePassword(stolen, `guess-${i}`, 'Mot-mat-khau-moi-3', thief)).rejects.toEqual(new AuthError('wrong_current_password'));
		}
		await expect(auth.changePassword(stolen, PASSWORD, 'Mot-mat-khau-moi-3', thief)).rejects.toMatchObject({ code: 'throttled', retryAfterSeconds: 1 });
		await expect(auth.changePassword(session, PASSWORD, 'Mot-mat-khau-moi-3', owner)).resolves.toBeUndefined();
	});

	it("the owner's browser has ten wrong current passwords, then waits like anyone", async () => {
		const { session, ctx } = await registerPerson({ password: PASSWORD });
		for (let i = 1; i <= 13; i++) {
			await expect(auth.changePassword(session, `guess-${i}`, 'Mot-mat-khau-moi-4', ctx)).rejects.toEqual(new AuthError('wrong_current_password'));
		}
		await expect(auth.changePassword(session, PASSWORD, 'Mot-mat-khau-moi-4', ctx)).rejects.toMatchObject({ code: 'throttled' });
		await rewindAccount(session.user.id, 1);
		await expect(auth.changePassword(session, PASSWORD, 'Mot-mat-khau-moi-4', ctx)).resolves.toBeUndefined();
	});
});
