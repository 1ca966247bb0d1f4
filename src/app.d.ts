import type { Session } from '#lib/server/auth/index.ts';
import type { Claims } from '#lib/server/db/index.ts';
import type { Locale } from '#lib/i18n/index.ts';

declare global {
	namespace App {
		interface Error {
			status: number;
			/** An i18n key under `errors.` or a framework message. */
			message: string;
			requestId?: string;
		}
		interface Locals {
			requestId: string;
			locale: Locale;
			session: Session | null;
			/** What RLS sees for this request: the session's claims, or anon. */
			claims: Claims;
		}
	}
}

export {};
