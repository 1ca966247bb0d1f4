// The auth seam: every provider (local now, Supabase Auth later) turns a request into the same
// Session, whose claims are what RLS sees.
import type { Claims } from '../db/index.ts';
import type { Identifier } from '../../forms/identifier.ts';

export type RoleGrant = { role: string; unitId: number | null; unitName: string | null };

export type SessionUser = {
	id: string;
	displayName: string;
	email: string | null;
	phone: string | null;
	locale: 'vi' | 'en';
	roles: RoleGrant[];
};

export type Session = { id: string; user: SessionUser; claims: Extract<Claims, { role: 'authenticated' }> };

/** The minimum of SvelteKit's cookies a provider needs. */
export type CookieJar = {
	get(name: string): string | undefined;
	set(name: string, value: string, options: { path: string; httpOnly: boolean; sameSite: 'lax' | 'strict'; secure: boolean; maxAge: number }): void;
	delete(name: string, options: { path: string }): void;
};

export type RequestContext = { cookies: CookieJar; address: string; userAgent: string; secure: boolean };

export type Registration = {
	displayName: string;
	identifier: Identifier;
	password: string;
	homeUnitId: number | null;
	locale: 'vi' | 'en';
};

export type AuthErrorCode = 'account_exists' | 'invalid_credentials' | 'throttled' | 'wrong_current_password' | 'home_unit_not_current';

export class AuthError extends Error {
	readonly code: AuthErrorCode;
	readonly retryAfterSeconds?: number;
	constructor(code: AuthErrorCode, retryAfterSeconds?: number) {
		super(code);
		this.name = 'AuthError';
		this.code = code;
		this.retryAfterSeconds = retryAfterSeconds;
	}
}

export interface AuthProvider {
	readonly name: string;
	register(input: Registration, context: RequestContext): Promise<Session>;
	signIn(identifier: string, password: string, context: RequestContext): Promise<Session>;
	/** The session the request carries, renewed when due; null when absent, expired or tampered. */
	getSession(context: RequestContext): Promise<Session | null>;
	signOut(context: RequestContext): Promise<void>;
	changePassword(session: Session, currentPassword: string, newPassword: string, context: RequestContext): Promise<void>;
}
