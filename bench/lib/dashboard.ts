// The dashboard's part of the data set step (generate.ts, before the server starts): the background job
// (public.refresh_target_values(), which recomputes every automatic target per commune) run and timed, then
// the dashboard's queries timed as the page runs them (the app's own functions in
// src/lib/server/targets.ts, through asUser: RLS and the SQL functions' own access rules apply), signed out
// and as the demo province admin; and what each page the dashboard scenarios ask must say (its h1 and
// "N/M targets met"), computed here by the app's dashboard() so that the scenarios can check every response.
// Also the sizes the figures are computed from (population, targets, learners, officials…).
type Db = typeof import('../../src/lib/server/db/index.ts');
type Targets = typeof import('../../src/lib/server/targets.ts');
type Demo = typeof import('../../src/lib/server/seed/demo.ts');
type Claims = import('../../src/lib/server/db/index.ts').Claims;

/** A page of the dashboard and what it must show. */
export type DashboardPage = { path: string; year: number; unit: string; met: number; total: number };

/** A query's time: the first call, and the median of the calls after it (5, or 2 when the first took over 2 s). */
export type QueryTime = { firstMs: number; medianMs: number };

export type DashboardDataset = {
	year: number;
	province: { id: number; name: string };
	/** The demo province admin the signed-in scenario signs in as (its password is the demo one, printed in the README). */
	admin: { identifier: string; password: string; displayName: string };
	pages: {
		/** /dashboard signed out, and as the province admin (who also sees the draft targets) */
		anonymous: DashboardPage;
		admin: DashboardPage;
		/** /dashboard?unit=<commune> signed out, every current commune */
		communes: DashboardPage[];
		/** /dashboard?year=2024&view=now: the 2024 figures re-aggregated onto today's communes, signed out */
		reaggregated: DashboardPage;
	};
	refresh: {
		/** refresh_target_values() as the app's refresh() calls it, three times in a row (its transaction and commit included) */
		runsMs: number[];
		/** what the function itself recorded in target_refresh.duration_ms, each time */
		recordedMs: number[];
		/** private.metric_values of each automatic target alone (what the refresh spends per target), once */
		byTargetMs: Record<string, number>;
	};
	/** The page's queries one by one (targets.ts: figures, breakdown, trend), as anon or the province admin. */
	queries: Record<string, QueryTime>;
	/** targets.dashboard(): everything the page's load function asks the database, in its order (years, scope, figures, then breakdown, trend and refresh time at once). */
	pageData: Record<string, QueryTime>;
	/** The sizes the figures come from. */
	rows: Record<string, number>;
};

async function timed(fn: () => Promise<unknown>): Promise<QueryTime> {
	const time = async () => {
		const started = performance.now();
		await fn();
		return performance.now() - started;
	};
	const first = await time();
	const took: number[] = [];
	for (let i = 0; i < (first > 2000 ? 2 : 5); i++) took.push(await time());
	took.sort((a, b) => a - b);
	const round = (ms: number) => Math.round(ms * 10) / 10;
	return { firstMs: round(first), medianMs: round(took[Math.floor(took.length / 2)]) };
}

export async function measureDashboard(options: { db: Db; targets: Targets; demo: Demo; step: (name: string) => void }): Promise<DashboardDataset> {
	const { db, targets, demo, step } = options;
	const ANON = db.ANON;

	// The background job, as the server's timer runs it; the first run computes the figures the pages show.
	const runsMs: number[] = [];
	const recordedMs: number[] = [];
	for (let i = 0; i < 3; i++) {
		const started = performance.now();
		const { ms } = await targets.refresh();
		runsMs.push(Math.round(performance.now() - started));
		recordedMs.push(ms);
	}
	// What autovacuum would do to the freshly rewritten summary before long.
	await db.asService((tx) => tx`analyze public.target_value`);
	const automatic = await db.asService((tx) => tx<{ code: string; metric: string; start: string; end: string }[]>`
		select code, metric_code as metric, period_start::text as start, period_end::text as end
		from public.target where measurement = 'automatic' order by period_end, position`);
	const byTargetMs: Record<string, number> = {};
	for (const target of automatic) {
		const started = performance.now();
		await db.asService((tx) => tx`select count(*) from private.metric_values(${target.metric}, ${target.start}::date, ${target.end}::date)`);
		byTargetMs[`${target.code} ${target.end.slice(0, 4)} (${target.metric})`] = Math.round(performance.now() - started);
	}
	step('target refresh, timed');

	const account = demo.DEMO_ACCOUNTS.find((a) => a.role === 'province_admin');
	if (!account) throw new Error('the demo seed has no province admin');
	const [admin] = await db.asService((tx) => tx<{ id: string }[]>`select id from auth.users where lower(email) = ${account.email}`);
	if (!admin) throw new Error(`the demo province admin ${account.email} is missing`);
	const adminClaims: Claims = {
		role: 'authenticated', aud: 'authenticated', sub: admin.id, email: account.email, phone: null,
		session_id: '00000000-0000-4000-8000-000000000000', app_metadata: { provider: 'local' }
	};
	const [province] = await db.asService((tx) => tx<{ id: number; name: string }[]>`
		select id::int, name from public.unit where kind = 'province' and valid_from <= current_date and (valid_to is null or valid_to > current_date)
		order by valid_from desc limit 1`);
	const communes = await db.asService((tx) => tx<{ id: number; name: string; people: number }[]>`
		select u.id::int, u.name, count(p.id)::int as people
		from public.unit u
		left join public.unit h on h.id = u.id or h.parent_id = u.id
		left join public.profile p on p.home_unit_id = h.id
		where u.kind = 'commune' and u.valid_from <= current_date and (u.valid_to is null or u.valid_to > current_date)
		group by u.id, u.name order by u.id`);
	const biggest = communes.reduce((a, b) => (b.people > a.people ? b : a));
	const available = await targets.years(ANON);
	const thisYear = new Date().getFullYear();
	const year = available.includes(thisYear) ? thisYear : available[0];
	const oldYear = available.filter((y) => `${y}-12-31` < targets.REORGANISATION).at(-1);
	const list = await targets.figures(adminClaims, 'vi', year, province.id, false);
	const automaticTarget = list.find((t) => t.measurement === 'automatic') ?? list[0];
	const oldTargets = oldYear ? await targets.figures(ANON, 'vi', oldYear, province.id, true) : [];

	const page = async (claims: Claims, query: { year: number | null; unit: number | null; view: 'then' | 'now' }): Promise<DashboardPage> => {
		const view = await targets.dashboard(claims, 'vi', { ...query, target: null });
		if (!view) throw new Error(`the dashboard has nothing for ${JSON.stringify(query)}`);
		const params = new URLSearchParams();
		if (query.year) params.set('year', String(query.year));
		if (query.unit) params.set('unit', String(query.unit));
		if (query.view === 'now') params.set('view', 'now');
		const search = params.toString();
		return { path: `/dashboard${search ? `?${search}` : ''}`, year: view.year, unit: view.unit.name, met: view.met, total: view.targets.length };
	};
	const pages: DashboardDataset['pages'] = {
		anonymous: await page(ANON, { year: null, unit: null, view: 'then' }),
		admin: await page(adminClaims, { year: null, unit: null, view: 'then' }),
		communes: [],
		reaggregated: await page(ANON, { year: oldYear ?? year, unit: null, view: 'now' })
	};
	for (const commune of communes) pages.communes.push(await page(ANON, { year: null, unit: commune.id, view: 'then' }));

	const who = { anon: ANON, admin: adminClaims } as const;
	const queries: Record<string, QueryTime> = {};
	for (const [name, claims] of Object.entries(who)) {
		queries[`dashboard_targets(${year}, province) as ${name}`] = await timed(() => targets.figures(claims, 'vi', year, province.id, false));
		queries[`dashboard_breakdown(${automaticTarget.code} ${year}, province) as ${name}`] = await timed(() => targets.breakdown(claims, automaticTarget.id, province.id, false));
		queries[`dashboard_trend(${automaticTarget.code}, province) as ${name}`] = await timed(() => targets.trend(claims, automaticTarget.code, province.id));
	}
	queries[`dashboard_targets(${year}, ${biggest.name}) as anon`] = await timed(() => targets.figures(ANON, 'vi', year, biggest.id, false));
	queries[`dashboard_breakdown(${automaticTarget.code} ${year}, ${biggest.name}) as anon`] = await timed(() => targets.breakdown(ANON, automaticTarget.id, biggest.id, false));
	if (oldYear && oldTargets[0]) {
		queries[`dashboard_targets(${oldYear}, province, as_current) as anon`] = await timed(() => targets.figures(ANON, 'vi', oldYear, province.id, true));
		queries[`dashboard_breakdown(${oldTargets[0].code} ${oldYear}, province, as_current) as anon`] = await timed(() => targets.breakdown(ANON, oldTargets[0].id, province.id, true));
	}
	const pageData: Record<string, QueryTime> = {
		'/dashboard as anon': await timed(() => targets.dashboard(ANON, 'vi', { year: null, unit: null, target: null, view: 'then' })),
		'/dashboard as admin': await timed(() => targets.dashboard(adminClaims, 'vi', { year: null, unit: null, target: null, view: 'then' })),
		[`/dashboard?unit=<${biggest.name}> as anon`]: await timed(() => targets.dashboard(ANON, 'vi', { year: null, unit: biggest.id, target: null, view: 'then' })),
		[`/dashboard?year=${oldYear}&view=now as anon`]: await timed(() => targets.dashboard(ANON, 'vi', { year: oldYear ?? year, unit: null, target: null, view: 'now' })),
		// The home page shows the targets met this year too (every request of home-anonymous runs this).
		'/ (home): targets at a glance as anon': await timed(() => targets.atAGlance('vi'))
	};

	const [rows] = await db.asService((tx) => tx<Record<string, number>[]>`
		select (select count(*)::int from public.unit where kind = 'commune' and valid_from <= current_date and (valid_to is null or valid_to > current_date)) as communes,
			(select count(*)::int from public.unit where kind = 'village') as villages,
			(select count(*)::int from public.unit_population) as "unitPopulation",
			(select coalesce(sum(residents), 0)::int from public.unit_population where year = ${year}) as residents,
			(select coalesce(sum(adults), 0)::int from public.unit_population where year = ${year}) as adults,
			(select count(*)::int from public.target) as targets,
			(select count(*)::int from public.target where measurement = 'automatic') as "automaticTargets",
			(select count(*)::int from public.target_report) as "targetReports",
			(select count(*)::int from public.target_value) as "targetValues",
			(select count(*)::int from public.profile) as profiles,
			(select count(*)::int from public.profile p join public.unit u on u.id = p.home_unit_id where u.kind = 'village') as "livingInVillages",
			(select count(distinct person_id)::int from public.person_role where role = 'official') as officials,
			(select count(*)::int from public.person_role where role = 'team_member') as "teamMembers",
			(select count(*)::int from public.enrolment) as enrolments,
			(select count(*)::int from public.lesson_progress) as "lessonProgress",
			(select count(*)::int from public.course_completion) as completions,
			(select count(*)::int from public.quiz_attempt where submitted_at is not null) as "submittedAttempts",
			(select pg_total_relation_size('public.lesson_progress')::float8 / 2 ^ 20)::int as "lessonProgressMiB"`);
	step('dashboard queries');
	return {
		year,
		province,
		admin: { identifier: account.email, password: demo.DEMO_PASSWORD, displayName: account.displayName },
		pages,
		refresh: { runsMs, recordedMs, byTargetMs },
		queries,
		pageData,
		rows
	};
}
