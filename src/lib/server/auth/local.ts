// The local auth provider: accounts in auth.users, argon2id hashes and hashed session tokens in
// local_auth; sign-ins, password checks and registrations throttled in the database (throttle.ts), with
// browsers that signed in before trusted for their accounts (devices.ts).
import type { Fragment } from 'postgres';
import { asService, type Tx } from '../db/index.ts';
import { isPostgresError } from '../db/errors.ts';
import { parseIdentifier } from '../../forms/identifier.ts';
import * as devices from './devices.ts';
import * as throttle from './throttle.ts';
import { DUMMY_HASH, hashPassword, verifyPassword } from './passwords.ts';
import { hashToken, looksLikeToken, newSessionToken } from './tokens.ts';
import { AuthError, type AuthProvider, type Registration, type RequestContext, type Session, type SessionUser } from './provider.ts';

export const SESSION_COOKIE = 'hs_session';
const SESSION_DAYS = 30;
/** A session is renewed (expiry pushed back, cookie re-sent) at most once a day. */
const RENEW_AFTER_SECONDS = 24 * 60 * 60;

type SessionRow = {
	session_id: string;
	expires_at: Date;
	renew_due: boolean;
	user_id: string;
	email: string | null;
	phone: string | null;
	display_name: string;
	locale: 'vi' | 'en';
	roles: SessionUser['roles'];
};

function toSession(row: SessionRow): Session {
	const user: SessionUser = {
		id: row.user_id,
		displayName: row.display_name,
		email: row.email,
		phone: row.phone,
		locale: row.locale,
		roles: row.roles
	};
	return {
		id: row.session_id,
		user,
		claims: {
			role: 'authenticated',
			aud: 'authenticated',
			sub: row.user_id,
			email: row.email,
			phone: row.phone,
			session_id: row.session_id,
			app_metadata: { provider: 'local' }
		}
	};
}

const selectSession = (tx: Tx, where: Fragment) => tx<SessionRow[]>`
	select s.id as session_id, s.expires_at,
		s.last_seen_at < now() - make_interval(secs => ${RENEW_AFTER_SECONDS}) as renew_due,
		u.id as user_id, u.email, u.phone, p.display_name, p.locale,
		coalesce((
			select json_agg(json_build_object('role', r.role, 'unitId', r.unit_id, 'unitName', un.name) order by r.role, un.name)
			from public.person_role r left join public.unit un on un.id = r.unit_id
			where r.person_id = u.id
		), '[]'::json) as roles
	from local_auth.session s
	join auth.users u on u.id = s.user_id and u.deleted_at is null
	join public.profile p on p.id = u.id
	where ${where} and s.expires_at > now()`;

async function openSession(tx: Tx, userId: string, context: RequestContext): Promise<Session> {
	const token = newSessionToken();
	const [{ id }] = await tx<{ id: string }[]>`
		insert into local_auth.session (user_id, token_hash, expires_at, user_agent, ip)
		values (${userId}, ${hashToken(token)}, now() + make_interval(days => ${SESSION_DAYS}),
			${context.userAgent.slice(0, 500)}, ${context.address || null})
		returning id`;
	const [row] = await selectSession(tx, tx`s.id = ${id}`);
	setCookie(context, token);
	return toSession(row);
}

function setCookie(context: RequestContext, token: string) {
	context.cookies.set(SESSION_COOKIE, token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: context.secure,
		maxAge: SESSION_DAYS * 24 * 60 * 60
	});
}

/** Creates an account (auth.users row, profile by trigger, password hash) inside the caller's transaction. */
export async function createLocalAccount(tx: Tx, input: Omit<Registration, 'password'>, passwordHash: string): Promise<string> {
	const email = input.identifier.kind === 'email' ? input.identifier.value : null;
	const phone = input.identifier.kind === 'phone' ? input.identifier.value : null;
	const [{ id }] = await tx<{ id: string }[]>`
		insert into auth.users (email, phone, raw_app_meta_data, raw_user_meta_data)
		values (${email}, ${phone}, ${tx.json({ provider: 'local', providers: ['local'] })},
			${tx.json({ display_name: input.displayName, home_unit_id: input.homeUnitId, locale: input.locale })})
		returning id`;
	await tx`insert into local_auth.credential (user_id, password_hash) values (${id}, ${passwordHash})`;
	return id;
}

export const localAuth: AuthProvider = {
	name: 'local',

	async register(input, context) {
		// Counted in its own transaction, before anything else: a refused registration ("account exists"
		// included) spends the address's budget too, which is what limits enumeration through this form.
		await asService((tx) => throttle.beginRegistration(tx, throttle.clientAddress(context.address)));
		const passwordHash = await hashPassword(input.password);
		try {
			return await asService(async (tx) => {
				const userId = await createLocalAccount(tx, input, passwordHash);
				await devices.remember(tx, userId, null, context);
				return openSession(tx, userId, context);
			});
		} catch (error) {
			if (isPostgresError(error, '23505')) throw new AuthError('account_exists');
			if (isPostgresError(error, '23514') && error.hint === 'home_unit_not_current') throw new AuthError('home_unit_not_current');
			throw error;
		}
	},

	async signIn(rawIdentifier, password, context) {
		const identifier = parseIdentifier(rawIdentifier)?.value ?? rawIdentifier.trim().toLowerCase();
		const address = throttle.clientAddress(context.address);
		// The attempt is counted before the password is checked, in a transaction of its own, so that
		// parallel guesses cannot all pass the check and a failure needs no second write.
		const { account, key, deviceId, attempt } = await asService(async (tx) => {
			const [row] = await tx<{ id: string; password_hash: string }[]>`
				select u.id, c.password_hash from auth.users u join local_auth.credential c on c.user_id = u.id
				where u.deleted_at is null and (lower(u.email) = ${identifier} or u.phone = ${identifier})`;
			const key = throttle.accountKey(row?.id, identifier);
			const deviceId = row ? await devices.find(tx, row.id, context) : null;
			return { account: row, key, deviceId, attempt: await throttle.begin(tx, key, deviceId, address) };
		});
		throttle.refuseIfWaiting(attempt);
		const valid = await verifyPassword(account?.password_hash ?? DUMMY_HASH, password);
		if (!account || !valid) throw new AuthError('invalid_credentials');
		const trustedDeviceId = attempt.trusted ? deviceId : null;
		return asService(async (tx) => {
			await throttle.succeeded(tx, key, trustedDeviceId, address);
			await devices.remember(tx, account.id, trustedDeviceId, context);
			await tx`delete from local_auth.session where user_id = ${account.id} and expires_at <= now()`;
			return openSession(tx, account.id, context);
		});
	},

	async getSession(context) {
		const token = context.cookies.get(SESSION_COOKIE);
		if (!looksLikeToken(token)) {
			if (token !== undefined) context.cookies.delete(SESSION_COOKIE, { path: '/' });
			return null;
		}
		const row = await asService(async (tx) => {
			const [found] = await selectSession(tx, tx`s.token_hash = ${hashToken(token)}`);
			if (found?.renew_due) {
				await tx`update local_auth.session set last_seen_at = now(),
					expires_at = now() + make_interval(days => ${SESSION_DAYS}) where id = ${found.session_id}`;
			}
			return found;
		});
		if (!row) {
			context.cookies.delete(SESSION_COOKIE, { path: '/' });
			return null;
		}
		if (row.renew_due) setCookie(context, token);
		return toSession(row);
	},

	async signOut(context) {
		const token = context.cookies.get(SESSION_COOKIE);
		if (looksLikeToken(token)) {
			await asService((tx) => tx`delete from local_auth.session where token_hash = ${hashToken(token)}`);
		}
		context.cookies.delete(SESSION_COOKIE, { path: '/' });
	},

	async changePassword(session, currentPassword, newPassword, context) {
		// A wrong current password is a failed attempt on the account, throttled like a sign-in from this
		// browser (its device budget when it is trusted, the account's delays when it is not).
		const key = throttle.accountKey(session.user.id, '');
		const { row, deviceId, attempt } = await asService(async (tx) => {
			const [row] = await tx<{ password_hash: string }[]>`
				select password_hash from local_auth.credential where user_id = ${session.user.id}`;
			const deviceId = await devices.find(tx, session.user.id, context);
			return { row, deviceId, attempt: await throttle.begin(tx, key, deviceId, null) };
		});
		throttle.refuseIfWaiting(attempt);
		if (!row || !(await verifyPassword(row.password_hash, currentPassword))) throw new AuthError('wrong_current_password');
		const passwordHash = await hashPassword(newPassword);
		const trustedDeviceId = attempt.trusted ? deviceId : null;
		await asService(async (tx) => {
			await throttle.succeeded(tx, key, trustedDeviceId, null);
			await tx`update local_auth.credential set password_hash = ${passwordHash}, updated_at = now() where user_id = ${session.user.id}`;
			// Every other browser signed in with the old password is signed out, and no longer trusted.
			await tx`delete from local_auth.session where user_id = ${session.user.id} and id <> ${session.id}`;
			await devices.forgetOthers(tx, session.user.id, await devices.remember(tx, session.user.id, trustedDeviceId, context));
		});
	}
};
