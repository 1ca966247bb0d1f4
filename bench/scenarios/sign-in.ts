// Sign-in form posts with the right password (argon2id verification, CPU-bound by design), rotating
// over the bench accounts. Each must answer 303 to / with a new session cookie. Wrong passwords are
// never sent: failed sign-ins are throttled per account and per address.
import { formHeaders, SESSION_COOKIE } from '../lib/accounts.ts';
import type { Scenario } from '../lib/types.ts';

function header(headers: Record<string, string | string[]>, name: string): string[] {
	const found = Object.entries(headers).filter(([key]) => key.toLowerCase() === name).flatMap(([, value]) => value);
	return found;
}

export const signIn: Scenario = {
	name: 'sign-in',
	description: 'POST /login, correct password',
	async run(context) {
		const { accounts } = context;
		const bodies = accounts.map((account) => new URLSearchParams({ identifier: account.identifier, password: account.password }).toString());
		return context.load({
			method: 'POST',
			path: '/login',
			headers: formHeaders(context.baseUrl),
			connections: context.options.signInConnections,
			request: (n) => ({ body: bodies[n % bodies.length] }),
			expect: {
				status: 303,
				check: ({ headers }) => {
					if (!header(headers, 'set-cookie').some((cookie) => cookie.startsWith(`${SESSION_COOKIE}=`) && !cookie.startsWith(`${SESSION_COOKIE}=;`))) return 'no session cookie';
					if (header(headers, 'location')[0] !== '/') return `redirected to ${header(headers, 'location')[0]}`;
					return null;
				}
			}
		});
	}
};
