// Bench accounts: registered through the real /register form (so the benchmark needs no seeded data),
// each with its own session cookie. Passwords are always the right ones: failed sign-ins are throttled.
export type BenchAccount = { identifier: string; password: string; displayName: string; cookie: string };

export const SESSION_COOKIE = 'hs_session';
const PASSWORD = 'Bench-Load-2026-correct-horse';

/** Headers a browser sends with a form post (the CSRF check wants the Origin). */
export function formHeaders(baseUrl: string): Record<string, string> {
	return {
		origin: baseUrl,
		accept: 'text/html',
		'content-type': 'application/x-www-form-urlencoded',
		'user-agent': 'hoc-so-bench'
	};
}

function sessionCookie(response: Response): string | undefined {
	for (const header of response.headers.getSetCookie()) {
		const match = new RegExp(`^${SESSION_COOKIE}=([^;]+)`).exec(header);
		if (match) return `${SESSION_COOKIE}=${match[1]}`;
	}
	return undefined;
}

async function post(baseUrl: string, path: string, fields: Record<string, string>): Promise<Response> {
	const response = await fetch(`${baseUrl}${path}`, {
		method: 'POST',
		headers: formHeaders(baseUrl),
		body: new URLSearchParams(fields).toString(),
		redirect: 'manual',
		signal: AbortSignal.timeout(10_000)
	});
	await response.arrayBuffer();
	return response;
}

export async function registerAccounts(baseUrl: string, count: number): Promise<BenchAccount[]> {
	const accounts: BenchAccount[] = [];
	for (let i = 1; i <= count; i++) {
		const n = String(i).padStart(3, '0');
		const account = { identifier: `bench-${n}@bench.hocso.example`, password: PASSWORD, displayName: `Bench Account ${n}` };
		const response = await post(baseUrl, '/register', { display_name: account.displayName, identifier: account.identifier, password: account.password });
		const cookie = sessionCookie(response);
		if (response.status !== 303 || !cookie) {
			throw new Error(`registering ${account.identifier} answered ${response.status}${cookie ? '' : ' without a session cookie'} (expected 303 with ${SESSION_COOKIE})`);
		}
		accounts.push({ ...account, cookie });
	}
	return accounts;
}
