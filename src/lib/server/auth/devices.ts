// Device tokens (OWASP's "device cookie"): a browser that signed in to an account keeps a random token for
// it, the database only the token's hash. Attempts from that browser are not slowed by anyone else's
// failures (local_auth.begin_attempt); the database bounds each token's own failures, life and number.
import type { Tx } from '../db/index.ts';
import type { RequestContext } from './provider.ts';
import { hashToken, looksLikeToken, newSessionToken } from './tokens.ts';

export const DEVICE_COOKIE = 'hs_device';
/** As long as local_auth.add_device keeps a token after its last sign-in. */
const DEVICE_DAYS = 180;
/** Accounts one browser is remembered for (a phone shared by a family), the most recent first. */
const TOKENS_PER_BROWSER = 5;

/** The well-formed tokens the browser presents, at most TOKENS_PER_BROWSER; anything else is ignored. */
function presented(context: RequestContext): string[] {
	return (context.cookies.get(DEVICE_COOKIE) ?? '').split('.').filter(looksLikeToken).slice(0, TOKENS_PER_BROWSER);
}

function setCookie(context: RequestContext, tokens: string[]) {
	context.cookies.set(DEVICE_COOKIE, tokens.slice(0, TOKENS_PER_BROWSER).join('.'), {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: context.secure,
		maxAge: DEVICE_DAYS * 24 * 60 * 60
	});
}

/** The id of the browser's valid device token for this account, or null. */
export async function find(tx: Tx, userId: string, context: RequestContext): Promise<string | null> {
	const tokens = presented(context);
	if (tokens.length === 0) return null;
	// postgres.js sends no array of Buffers, so the hashes travel as hex.
	const hashes = tokens.map((token) => hashToken(token).toString('hex'));
	const [row] = await tx<{ id: string | null }[]>`
		select local_auth.find_device(${userId}, array(select decode(h, 'hex') from unnest(${hashes}::text[]) h)) as id`;
	return row.id;
}

/**
 * After a success: a browser already trusted for the account keeps its token (its cookie lives on as long
 * as the token), any other gets a new one, in front of the tokens it holds for other accounts.
 */
export async function remember(tx: Tx, userId: string, trustedDeviceId: string | null, context: RequestContext): Promise<string> {
	const tokens = presented(context);
	if (trustedDeviceId) {
		setCookie(context, tokens);
		return trustedDeviceId;
	}
	const token = newSessionToken();
	const [row] = await tx<{ id: string }[]>`select local_auth.add_device(${userId}, ${hashToken(token)}) as id`;
	setCookie(context, [token, ...tokens]);
	return row.id;
}

/** Forgets every device token of the account but the one given (after a password change). */
export async function forgetOthers(tx: Tx, userId: string, keepId: string): Promise<void> {
	await tx`delete from local_auth.device where user_id = ${userId} and id <> ${keepId}`;
}
