// Throttling of sign-ins, current-password checks and registrations. The rules and counters are in
// Postgres (local_auth.begin_attempt, attempt_succeeded, begin_registration) so they hold across server
// processes; this module only names the account and the address, and turns a wait into an AuthError.
import { isIP, isIPv4 } from 'node:net';
import type { Tx } from '../db/index.ts';
import { readConfig } from '../config.ts';
import { AuthError } from './provider.ts';

/**
 * The client's address as Postgres reads it, or null when it is unknown (then no address budget applies,
 * rather than one budget shared by everybody). IPv4 seen through an IPv6 socket (::ffff:a.b.c.d) is IPv4.
 */
export function clientAddress(raw: string): string | null {
	const address = raw.split('%')[0];
	if (address.toLowerCase().startsWith('::ffff:') && isIPv4(address.slice(7))) return address.slice(7);
	return isIP(address) ? address : null;
}

/** What the throttle counts against: the account when it exists, else the identifier that was tried. */
export function accountKey(userId: string | undefined, identifier: string): string {
	return userId ? `account:${userId}` : `identifier:${identifier}`;
}

export type Attempt = { waitSeconds: number | null; trusted: boolean };

/** Asks whether an attempt may go ahead; when it does, it counts as a failure until `succeeded`. */
export async function begin(tx: Tx, key: string, deviceId: string | null, address: string | null): Promise<Attempt> {
	const [row] = await tx<{ wait_seconds: number | null; trusted: boolean }[]>`
		select wait_seconds, trusted from local_auth.begin_attempt(${key}, ${deviceId}, ${address})`;
	return { waitSeconds: row.wait_seconds, trusted: row.trusted };
}

export function refuseIfWaiting(attempt: Attempt): void {
	if (attempt.waitSeconds !== null) throw new AuthError('throttled', attempt.waitSeconds);
}

/** The right password: the attempt is taken back (a trusted device's budget refilled, or the account's delays cleared). */
export async function succeeded(tx: Tx, key: string, trustedDeviceId: string | null, address: string | null): Promise<void> {
	await tx`select local_auth.attempt_succeeded(${key}, ${trustedDeviceId}, ${address})`;
}

let limits: { address: number; network: number } | undefined;

/** Spends one registration from the address's and network's hourly budgets, or refuses with the wait. */
export async function beginRegistration(tx: Tx, address: string | null): Promise<void> {
	limits ??= readConfig().registrationsPerHour;
	const [row] = await tx<{ wait: number | null }[]>`
		select local_auth.begin_registration(${address}, ${limits.address}, ${limits.network}) as wait`;
	if (row.wait !== null) throw new AuthError('throttled', row.wait);
}
