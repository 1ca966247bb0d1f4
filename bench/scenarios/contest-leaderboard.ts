// A contest's leaderboard at the data set's size (50 000 participants), signed out: GET
// /contests/<slug>?round=1 (one page of the round's ranking from contest_result, computed once by the
// generator) and ?round=all (the overall standings: public.contest_standings over every participant),
// alternately. Either page also loads the contest's rounds with their participant counts and the
// communes and agencies of the results (the filters). Each response must show the contest's title as
// its h1 and, in the first row of the ranking, rank 1 held by the participant the generator found first.
// Setup asks each page once, alone, and notes how long that took.
import { escapeText, pageProblem } from '../lib/html.ts';
import type { Scenario } from '../lib/types.ts';

type Target = { path: string; first: string };
type State = { targets: Target[]; notes: string[] };

/** The ranking's first row: rank 1 and the participant's name (Svelte may put comment markers between). */
const FIRST_ROW = /<table class="standings">[\s\S]*?<tbody>(?:\s|<!--[^>]*-->)*<tr[^>]*>\s*<td>1<\/td>\s*<th scope="row">([^<]*)/;

function problem(body: string, title: string, first: string): string | null {
	const page = pageProblem(body, null);
	if (page) return page;
	if (!body.includes(`>${escapeText(title)}</h1>`)) return `no h1 "${title}"`;
	const name = FIRST_ROW.exec(body)?.[1];
	if (name === undefined) return 'no ranking row with rank 1';
	if (name !== escapeText(first)) return `rank 1 is ${name}, not ${first}`;
	return null;
}

export const contestLeaderboard: Scenario<State> = {
	name: 'contest-leaderboard',
	description: 'GET /contests/<slug>?round=1 and ?round=all, 50 000 participants, signed out',
	async setup(context) {
		const { contest } = context.dataset.quiz;
		const targets: Target[] = [
			{ path: `/contests/${contest.slug}?round=${contest.roundNumber}`, first: contest.first.round },
			{ path: `/contests/${contest.slug}?round=all`, first: contest.first.overall }
		];
		const notes: string[] = [];
		for (const target of targets) {
			const started = performance.now();
			const response = await fetch(`${context.baseUrl}${target.path}`, { headers: { accept: 'text/html', 'user-agent': 'hoc-so-bench' }, signal: AbortSignal.timeout(120_000) });
			const body = await response.text();
			const ms = performance.now() - started;
			const wrong = response.status === 200 ? problem(body, contest.title, target.first) : `status ${response.status}`;
			if (wrong) throw new Error(`${target.path}: ${wrong}`);
			notes.push(`${target.path} alone, before the run: ${Math.round(ms)} ms`);
		}
		return { targets, notes: [`${contest.participants} participants; ${notes.join('; ')}`] };
	},
	async run(context, { targets, notes }) {
		const { contest } = context.dataset.quiz;
		const result = await context.load({
			path: targets[0].path,
			headers: { accept: 'text/html', 'user-agent': 'hoc-so-bench' },
			connections: context.options.pageConnections,
			expect: { status: 200 },
			request: (n) => {
				const target = targets[n % targets.length];
				return { path: target.path, expect: { status: 200, check: ({ body }) => problem(body, contest.title, target.first) } };
			}
		});
		result.notes = notes;
		return result;
	}
};
