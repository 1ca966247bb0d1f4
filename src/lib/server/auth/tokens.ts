// Random session tokens: the browser holds the token, the database only its SHA-256.
import { createHash, randomBytes } from 'node:crypto';

export function newSessionToken(): string {
	return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): Buffer {
	return createHash('sha256').update(token).digest();
}

/** Cheap shape check so that a tampered cookie never reaches the database. */
export function looksLikeToken(token: string | undefined): token is string {
	return typeof token === 'string' && /^[A-Za-z0-9_-]{43}$/.test(token);
}
