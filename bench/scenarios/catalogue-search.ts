// Catalogue search, GET /courses?q=…, over the generated catalogue (500 courses + the demo ones):
// accent-free queries as people type them (one with a typo), rotated per request. Setup asks each once
// and keeps what the page said ("Tìm thấy 63 khóa học") and its first course; every measured response
// must say the same, so that an empty result or an error page never counts.
//
// The app caches result pages per process for a minute, keyed by the query as typed: ten queries are
// then answered from the cache after their first request. The uncached variant sends each request with
// its own spelling of the same query (letter case, tone marks, đ: "LÙA Đạo"), which the search folds to
// the same text, so the results are the same while every request takes the database path.
import { escapeText, extract, pageProblem } from '../lib/html.ts';
import type { Scenario, ScenarioContext } from '../lib/types.ts';

export const QUERIES = ['lua dao', 'chu ki so', 'dich vu cong', 'ma qr', 'vneid', 'mat khau', 'ban hang truc tuyen', 'nguoi cao tuoi', 'an toan thong tin', 'lua dao truc tuyn'];

const TONES = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];

/** The k-th spelling of an accent-free query: each letter's case, each vowel's tone mark, d or đ, as digits of k. */
export function spelling(q: string, k: number): string {
	let rest = k;
	const digit = (base: number) => {
		const d = rest % base;
		rest = Math.floor(rest / base);
		return d;
	};
	return [...q]
		.map((letter) => {
			if (!/[a-z]/.test(letter)) return letter;
			let out: string = letter;
			if (/[aeiouy]/.test(letter)) out = (letter + TONES[digit(TONES.length)]).normalize('NFC');
			else if (letter === 'd' && digit(2) === 1) out = 'đ';
			return digit(2) === 1 ? out.toUpperCase() : out;
		})
		.join('');
}

type Expected = { q: string; path: string; status: string; firstCourse: string };

const searchPath = (q: string) => `/courses?q=${encodeURIComponent(q)}`;

async function probe(context: ScenarioContext): Promise<Expected[]> {
	const expected: Expected[] = [];
	for (const q of QUERIES) {
		const path = searchPath(q);
		const response = await fetch(`${context.baseUrl}${path}`, { headers: { accept: 'text/html' }, signal: AbortSignal.timeout(60_000) });
		const body = await response.text();
		const status = extract(body, /<p role="status">([^<]*)<\/p>/);
		const firstCourse = extract(body, /<h2[^>]*><a href="(\/courses\/[^"]+)">/);
		if (response.status !== 200 || !status || !firstCourse) {
			throw new Error(`${path} answered ${response.status}${firstCourse ? '' : ' without any course'}: the catalogue search finds nothing to measure`);
		}
		expected.push({ q, path, status, firstCourse });
	}
	return expected;
}

export function catalogueSearch(options: { signedIn: boolean; uncached: boolean }): Scenario<Expected[]> {
	const { signedIn, uncached } = options;
	return {
		name: `catalogue-search${uncached ? '-uncached' : ''}${signedIn ? '-signed-in' : ''}`,
		description: `GET /courses?q=… (${QUERIES.length} queries${uncached ? ', a new spelling each time' : ''})${signedIn ? ', with a session cookie' : ''}`,
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
						// Spelling 0 is the probe's own (cached by it): start at 1.
						path: uncached ? searchPath(spelling(query.q, 1 + Math.floor(n / expected.length))) : query.path,
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

export const catalogueSearchAnonymous = catalogueSearch({ signedIn: false, uncached: false });
export const catalogueSearchUncached = catalogueSearch({ signedIn: false, uncached: true });
