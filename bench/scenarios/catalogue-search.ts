// Catalogue search, GET /courses?q=…, over the generated catalogue (500 courses + the demo ones):
// accent-free queries as people type them (one with a typo), rotated per request. Setup asks each once
// and keeps what the page said ("Tìm thấy 63 khóa học") and its first course; every measured response
// must say the same, so that an empty result or an error page never counts.
import { escapeText, extract, pageProblem } from '../lib/html.ts';
import type { Scenario, ScenarioContext } from '../lib/types.ts';

export const QUERIES = ['lua dao', 'chu ki so', 'dich vu cong', 'ma qr', 'vneid', 'mat khau', 'ban hang truc tuyen', 'nguoi cao tuoi', 'an toan thong tin', 'lua dao truc tuyn'];

type Expected = { path: string; status: string; firstCourse: string };

async function probe(context: ScenarioContext): Promise<Expected[]> {
	const expected: Expected[] = [];
	for (const q of QUERIES) {
		const path = `/courses?q=${encodeURIComponent(q)}`;
		const response = await fetch(`${context.baseUrl}${path}`, { headers: { accept: 'text/html' }, signal: AbortSignal.timeout(60_000) });
		const body = await response.text();
		const status = extract(body, /<p role="status">([^<]*)<\/p>/);
		const firstCourse = extract(body, /<h2><a href="(\/courses\/[^"]+)">/);
		if (response.status !== 200 || !status || !firstCourse) {
			throw new Error(`${path} answered ${response.status}${firstCourse ? '' : ' without any course'}: the catalogue search finds nothing to measure`);
		}
		expected.push({ path, status, firstCourse });
	}
	return expected;
}

export function catalogueSearch(signedIn: boolean): Scenario<Expected[]> {
	return {
		name: signedIn ? 'catalogue-search-signed-in' : 'catalogue-search',
		description: `GET /courses?q=… (${QUERIES.length} queries)${signedIn ? ', with a session cookie' : ''}`,
		budget: { p95Ms: 50, zeroErrors: true, modes: ['postgres'] },
		setup: probe,
		async run(context, expected) {
			const { accounts } = context;
			return context.load({
				path: expected[0].path,
				headers: { accept: 'text/html', 'user-agent': 'hoc-so-bench' },
				connections: context.options.pageConnections,
				expect: { status: 200 },
				request: (n) => {
					const query = expected[n % expected.length];
					const account = signedIn ? accounts[n % accounts.length] : null;
					return {
						path: query.path,
						headers: account ? { cookie: account.cookie } : undefined,
						expect: {
							status: 200,
							check: ({ body }) => {
								const problem = pageProblem(body, account?.displayName ?? null);
								if (problem) return problem;
								if (!body.includes(`<p role="status">${query.status}</p>`)) return `not "${query.status}"`;
								if (!body.includes(`href="${escapeText(query.firstCourse)}"`)) return `${query.firstCourse} is not on the page`;
								return null;
							}
						}
					};
				}
			});
		}
	};
}

export const catalogueSearchAnonymous = catalogueSearch(false);
