import { error } from '@sveltejs/kit';
import { parseResultsQuery } from '#lib/forms/contest.ts';
import * as contests from '#lib/server/contests.ts';
import { shownPrompt } from '#lib/contest/prediction.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const contest = await contests.get(locals.claims, params.slug);
	if (!contest) error(404, 'not_found');
	const query = parseResultsQuery(url.searchParams);
	const withResults = contest.rounds.filter((r) => r.resultsAt);
	// By default the latest round with results, or the whole contest when asked.
	const round = query.round === 'all' ? null : (withResults.find((r) => r.number === query.round) ?? withResults.at(-1) ?? null);
	const running = contest.rounds.find((r) => r.state === 'open') ?? null;
	const [results, units, counts] = await Promise.all([
		withResults.length === 0
			? null
			: round
				? contests.roundResults(locals.claims, round.id, query)
				: contests.standings(locals.claims, contest.id, query),
		withResults.length ? contests.resultUnits(locals.claims, contest.id) : null,
		running ? contests.participation(locals.claims, running.id, query.by) : null
	]);
	const prediction = round ? shownPrompt(round.predictionPrompt) : null;
	return { contest, query, round, prediction, running, results, units, counts, signedIn: !!locals.session, pageSize: contests.RESULTS_PAGE_SIZE };
};
