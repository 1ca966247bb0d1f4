// Online contests as participants and the public see them: the list, a contest with its rounds and
// participation counts, and each round's ranking once it has closed (computed once, in SQL).
import { asUser, type Claims, type Tx } from './db/index.ts';
import type { Camel, Row } from './db/rows.ts';

type Quiz = Row<'quiz'>;

export type RoundState = 'upcoming' | 'open' | 'closed';

export type Round = Camel<Row<'contest_round'>, 'id' | 'number' | 'prediction_prompt' | 'prediction_truth' | 'results_at'> & {
	quizId: Quiz['id'];
	quizTitle: Quiz['title'];
	/** a round's quiz always has both (the round_quiz_window check) */
	opensAt: NonNullable<Quiz['opens_at']>;
	closesAt: NonNullable<Quiz['closes_at']>;
	state: RoundState;
	participants: number;
};

export type ContestSummary = Pick<Row<'contest'>, 'id' | 'slug' | 'title' | 'language'> & {
	campaignTitle: Row<'campaign'>['title'];
	rounds: number;
	/** the first round's opening and the last one's closing; null without rounds */
	opensAt: Quiz['opens_at'];
	closesAt: Quiz['closes_at'];
};

export type Contest = Omit<ContestSummary, 'rounds'> & Pick<Row<'contest'>, 'rules'> & { rounds: Round[] };

/** A row of a ranking: a round's (contest_result), or the whole contest's (contest_standings, over the same columns). */
export type Standing = Camel<Row<'contest_result'>, 'rank' | 'display_name' | 'score' | 'max_score' | 'duration_ms' | 'prediction_distance' | 'submitted_at'> & {
	isMe: boolean;
	commune: Row<'unit'>['name'] | null;
	agency: Row<'unit'>['name'] | null;
};

// From a function's result (round_participation), whose columns the generated types do not mark nullable.
export type Participation = { unitId: number | null; unitName: string | null; participants: number };

export const RESULTS_PAGE_SIZE = 50;

/** Published contests, the ones still running first. */
export function list(claims: Claims): Promise<ContestSummary[]> {
	return asUser(claims, (tx) => tx<ContestSummary[]>`
		select k.id::int, k.slug, k.title, k.language, g.title as "campaignTitle",
			count(r.id)::int as rounds, min(q.opens_at) as "opensAt", max(q.closes_at) as "closesAt"
		from public.contest k
		join public.campaign g on g.id = k.campaign_id
		left join public.contest_round r on r.contest_id = k.id
		left join public.quiz q on q.id = r.quiz_id
		group by k.id, g.title
		order by (max(q.closes_at) > now()) desc nulls last, max(q.closes_at) desc nulls last, k.id desc`);
}

async function rounds(tx: Tx, contestId: number): Promise<Round[]> {
	return tx<Round[]>`
		select r.id::int, r.number, q.id::int as "quizId", q.title as "quizTitle", q.opens_at as "opensAt", q.closes_at as "closesAt",
			case when now() < q.opens_at then 'upcoming' when now() < q.closes_at then 'open' else 'closed' end as state,
			r.prediction_prompt as "predictionPrompt", r.prediction_truth::float as "predictionTruth",
			public.round_participant_count(r.id)::int as participants,
			r.results_at as "resultsAt"
		from public.contest_round r join public.quiz q on q.id = r.quiz_id
		where r.contest_id = ${contestId}
		order by r.number`;
}

/**
 * A published contest with its rounds. Rounds that have closed get their results computed on the way (once:
 * later calls find them done), so the first visitor after the close sees the ranking.
 */
export function get(claims: Claims, slug: string): Promise<Contest | undefined> {
	return asUser(claims, async (tx) => {
		const [contest] = await tx<Omit<Contest, 'rounds' | 'opensAt' | 'closesAt'>[]>`
			select k.id::int, k.slug, k.title, k.rules, k.language, g.title as "campaignTitle"
			from public.contest k join public.campaign g on g.id = k.campaign_id
			where k.slug = ${slug}`;
		if (!contest) return undefined;
		let list = await rounds(tx, contest.id);
		const pending = list.filter((r) => r.state === 'closed' && !r.resultsAt);
		for (const round of pending) await tx`select public.compute_round_results(${round.id})`;
		if (pending.length) list = await rounds(tx, contest.id);
		return {
			...contest,
			rounds: list,
			opensAt: list[0]?.opensAt ?? null,
			closesAt: list.at(-1)?.closesAt ?? null
		};
	});
}

/** How many took part, by commune or by agency: public while the round runs. */
export function participation(claims: Claims, roundId: number, by: 'commune' | 'agency'): Promise<Participation[]> {
	return asUser(claims, (tx) => tx<Participation[]>`
		select unit_id::int as "unitId", unit_name as "unitName", participants::int
		from public.round_participation(${roundId}, ${by === 'agency'})`);
}

export type ResultsFilter = { commune: number | null; agency: number | null; page: number };

const standingColumns = (tx: Tx) => tx`
	c.name as commune, a.name as agency, x.score::float, x.max_score::float as "maxScore", x.duration_ms::int as "durationMs",
	x.prediction_distance::float as "predictionDistance"`;

/**
 * One page of a closed round's ranking, optionally within a commune or an agency (the rank stays the overall
 * one), with the reader's own row wherever it falls.
 */
export function roundResults(claims: Claims, roundId: number, filter: ResultsFilter): Promise<{ rows: Standing[]; total: number; mine: Standing | null }> {
	return asUser(claims, async (tx) => {
		const where = tx`x.round_id = ${roundId}
			${filter.commune ? tx`and x.commune_id = ${filter.commune}` : tx``}
			${filter.agency ? tx`and x.agency_id = ${filter.agency}` : tx``}`;
		// contest_result.person_id is readable by no one signed in: the reader's own row is found by its rank.
		const [own] = claims.role === 'authenticated'
			? await tx<{ rank: number }[]>`
				select p.rank from public.contest_result_people(${roundId}) p where p.person_id = (select auth.uid())`
			: [];
		const me = own ? tx`x.rank = ${own.rank}` : tx`false`;
		const rows = await tx<Standing[]>`
			select x.rank, ${me} as "isMe", x.display_name as "displayName", ${standingColumns(tx)}, x.submitted_at as "submittedAt"
			from public.contest_result x left join public.unit c on c.id = x.commune_id left join public.unit a on a.id = x.agency_id
			where ${where}
			order by x.rank limit ${RESULTS_PAGE_SIZE} offset ${(filter.page - 1) * RESULTS_PAGE_SIZE}`;
		const [{ total }] = await tx<{ total: number }[]>`select count(*)::int as total from public.contest_result x where ${where}`;
		const [mine] = own
			? await tx<Standing[]>`
				select x.rank, true as "isMe", x.display_name as "displayName", ${standingColumns(tx)}, x.submitted_at as "submittedAt"
				from public.contest_result x left join public.unit c on c.id = x.commune_id left join public.unit a on a.id = x.agency_id
				where x.round_id = ${roundId} and x.rank = ${own.rank}`
			: [];
		return { rows, total, mine: mine ?? null };
	});
}

/** The whole contest's ranking (over rounds with results), one page, optionally within a commune or agency. */
export function standings(claims: Claims, contestId: number, filter: ResultsFilter): Promise<{ rows: Standing[]; total: number; mine: Standing | null }> {
	return asUser(claims, async (tx) => {
		const rows = await tx<(Standing & { total: number })[]>`
			with s as (select * from public.contest_standings(${contestId})),
			chosen as (
				select s.*, count(*) over () as total from s
				where (${filter.commune}::bigint is null or s.commune_id = ${filter.commune})
					and (${filter.agency}::bigint is null or s.agency_id = ${filter.agency})
			)
			select s.rank::int, s.is_me as "isMe", s.display_name as "displayName", c.name as commune, a.name as agency,
				s.score::float, s.max_score::float as "maxScore", s.duration_ms::int as "durationMs",
				s.prediction_distance::float as "predictionDistance", s.last_submitted_at as "submittedAt", s.total::int
			from (
				(select * from chosen order by rank limit ${RESULTS_PAGE_SIZE} offset ${(filter.page - 1) * RESULTS_PAGE_SIZE})
				union (select *, 0 from s where s.is_me)
			) s
			left join public.unit c on c.id = s.commune_id left join public.unit a on a.id = s.agency_id
			order by s.rank`;
		const mine = rows.find((r) => r.isMe) ?? null;
		const page = rows.filter((r) => r.total > 0);
		return { rows: page, total: page[0]?.total ?? 0, mine };
	});
}

/** The communes and agencies that appear in a contest's results, for the filter lists. */
export function resultUnits(claims: Claims, contestId: number): Promise<{ communes: Participation[]; agencies: Participation[] }> {
	return asUser(claims, async (tx) => {
		// Two indexed joins rather than one on "either column", which would compare every unit with every result.
		const units = await tx<(Participation & { kind: string })[]>`
			with rounds as (select r.id from public.contest_round r where r.contest_id = ${contestId}),
			placed as (
				select x.commune_id as unit_id from public.contest_result x where x.round_id in (select id from rounds) and x.commune_id is not null
				union all
				select x.agency_id from public.contest_result x where x.round_id in (select id from rounds) and x.agency_id is not null
			)
			select u.id::int as "unitId", u.name as "unitName", u.kind, count(*)::int as participants
			from placed join public.unit u on u.id = placed.unit_id
			group by u.id order by u.name`;
		return {
			communes: units.filter((u) => u.kind === 'commune'),
			agencies: units.filter((u) => u.kind === 'agency')
		};
	});
}
