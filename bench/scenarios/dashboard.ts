// The targets dashboard, GET /dashboard (BENCH_SCENARIOS=dashboard runs the four): the year's targets at a
// unit with their figures ("N/M targets met"), the breakdown of the first one by the unit's children, its
// trend over the years, and when the figures were computed; every figure is summed from target_value by the
// SQL functions dashboard_targets / dashboard_breakdown / dashboard_trend, which also decide who sees what.
// - dashboard-anonymous: the province, signed out (published targets only);
// - dashboard-admin: the province, signed in as the demo province admin (every target, drafts too);
// - dashboard-commune: /dashboard?unit=<commune>, signed out, rotating over every current commune;
// - dashboard-2024-now: /dashboard?year=2024&view=now, the 2024 figures (of Ninh Thuận's old communes)
//   re-aggregated onto today's communes, signed out.
// Each response must show the h1 ("Chỉ tiêu chuyển đổi số 2026: Tỉnh Khánh Hòa") and the headline ("Đạt 3/14
// chỉ tiêu") the generator computed with the app's own dashboard() for that page (dataset.dashboard.pages).
// Setup asks each page alone first (a single page 21 times in a row, each commune once) and notes the
// times: the page without any queue, next to the figures under 50 connections. The figures are those of
// the generator's refresh: the bench server runs with TARGETS_REFRESH_MINUTES=0 (no refresh meanwhile).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { formHeaders, SESSION_COOKIE } from '../lib/accounts.ts';
import { escapeText, pageProblem } from '../lib/html.ts';
import type { DashboardPage } from '../lib/dashboard.ts';
import type { Scenario, ScenarioContext } from '../lib/types.ts';

type View = 'anonymous' | 'admin' | 'commune' | '2024-now';
type Signed = { cookie: string; displayName: string } | null;
type State = { pages: DashboardPage[]; signedIn: Signed; texts: Texts; notes: string[] };
type Texts = { h1: (page: DashboardPage) => string; headline: (page: DashboardPage) => string };

/**
 * The page's h1 and headline as the Vietnamese locale writes them, read from its files (vi.json and its parts,
 * vi.<part>.json: whichever holds the dashboard's strings).
 */
function texts(root: string): Texts {
	const dir = path.join(root, 'src', 'lib', 'i18n', 'locales');
	const parts = readdirSync(dir).filter((file) => /^vi(\.[a-z]+)?\.json$/.test(file));
	const found = parts.map((file) => (JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as { dashboard?: { title?: string; headline?: string } }).dashboard);
	const strings = found.find((dashboard) => dashboard?.title && dashboard.headline);
	if (!strings) throw new Error(`no dashboard.title and dashboard.headline in ${parts.join(', ')} of ${dir}`);
	const vi = { dashboard: strings as { title: string; headline: string } };
	const fill = (template: string, values: Record<string, string | number>) => template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key]));
	return {
		h1: (page) => `<h1>${escapeText(`${vi.dashboard.title} ${page.year}: ${page.unit}`)}</h1>`,
		headline: (page) => `<strong>${escapeText(fill(vi.dashboard.headline, { met: page.met, total: page.total }))}</strong>`
	};
}

function problem(body: string, page: DashboardPage, signedIn: Signed, t: Texts): string | null {
	const wrong = pageProblem(body, signedIn?.displayName ?? null);
	if (wrong) return wrong;
	if (!body.includes(t.h1(page))) return `no ${t.h1(page)}`;
	if (!body.includes(t.headline(page))) {
		const said = /<p class="headline"[^>]*>\s*<strong>([^<]*)<\/strong>/.exec(body)?.[1];
		return `the headline says "${said ?? '(none)'}", not ${page.met}/${page.total}`;
	}
	return null;
}

async function signInAsAdmin(context: ScenarioContext): Promise<Signed> {
	const { admin } = context.dataset.dashboard!;
	const response = await fetch(`${context.baseUrl}/login`, {
		method: 'POST',
		headers: formHeaders(context.baseUrl),
		body: new URLSearchParams({ identifier: admin.identifier, password: admin.password }).toString(),
		redirect: 'manual',
		signal: AbortSignal.timeout(30_000)
	});
	await response.arrayBuffer();
	const cookie = response.headers.getSetCookie().map((header) => new RegExp(`^${SESSION_COOKIE}=([^;]+)`).exec(header)?.[0]).find(Boolean);
	if (response.status !== 303 || !cookie) throw new Error(`signing in as ${admin.identifier} answered ${response.status}${cookie ? '' : ' without a session cookie'}`);
	return { cookie, displayName: admin.displayName };
}

/** The least warm-up of these scenarios, in seconds. */
const WARMUP_SECONDS = 5;

/** Requests of a single page asked in a row, alone, after its first, in setup. */
const ALONE = 20;

/** The nearest-rank percentile, as load.ts computes them. */
const percentile = (values: number[], p: number) => {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
};

export function dashboardScenario(view: View): Scenario<State> {
	const what = {
		anonymous: 'GET /dashboard (the province), signed out',
		admin: 'GET /dashboard (the province) as a province admin',
		commune: 'GET /dashboard?unit=<commune>, every commune in turn, signed out',
		'2024-now': 'GET /dashboard?year=2024&view=now (2024 re-aggregated onto today\'s communes), signed out'
	}[view];
	return {
		name: `dashboard-${view}`,
		group: 'dashboard',
		description: what,
		budget: { p95Ms: 150, zeroErrors: true, modes: ['postgres'] },
		async setup(context) {
			const dashboard = context.dataset.dashboard;
			if (!dashboard) throw new Error('the data set has no dashboard figures (the generator measures them when a dashboard scenario runs)');
			const pages = view === 'commune' ? dashboard.pages.communes : [view === 'admin' ? dashboard.pages.admin : view === 'anonymous' ? dashboard.pages.anonymous : dashboard.pages.reaggregated];
			const signedIn = view === 'admin' ? await signInAsAdmin(context) : null;
			const t = texts(context.options.root);
			const took: number[] = [];
			// One page at a time, nothing else in flight: every commune once; a single page once, then 20 times more.
			const sequence = pages.length === 1 ? Array.from({ length: 1 + ALONE }, () => pages[0]) : pages;
			for (const page of sequence) {
				const started = performance.now();
				const response = await fetch(`${context.baseUrl}${page.path}`, {
					headers: { accept: 'text/html', 'user-agent': 'hoc-so-bench', ...(signedIn ? { cookie: signedIn.cookie } : {}) },
					signal: AbortSignal.timeout(60_000)
				});
				const body = await response.text();
				took.push(performance.now() - started);
				const wrong = response.status === 200 ? problem(body, page, signedIn, t) : `status ${response.status}`;
				if (wrong) throw new Error(`${page.path}: ${wrong}`);
			}
			const first = pages[0];
			const after = took.slice(1);
			const notes = pages.length === 1
				? [`${first.path}: "${first.met}/${first.total}" at ${first.unit} ${first.year}; alone, before the run: first ${Math.round(took[0])} ms, ` +
					`then ${ALONE} in a row: p50 ${Math.round(percentile(after, 50))} ms, p95 ${Math.round(percentile(after, 95))} ms`]
				: [`${pages.length} communes (e.g. ${first.path}: ${first.unit}, "${first.met}/${first.total}"); each alone, before the run: ` +
					`p50 ${Math.round(percentile(took, 50))} ms, p95 ${Math.round(percentile(took, 95))} ms, slowest ${Math.round(Math.max(...took))} ms`];
			notes.push(`warm-up ${Math.max(context.options.warmup, WARMUP_SECONDS)} s`);
			return { pages, signedIn, texts: t, notes };
		},
		async run(context, { pages, signedIn, texts: t, notes }) {
			const result = await context.load({
				path: pages[0].path,
				// 50 connections queue behind pages that each need tens of ms of the database: the first answers
				// may take seconds, and a warm-up without any would leave the scenario unmeasured.
				warmup: Math.max(context.options.warmup, WARMUP_SECONDS),
				headers: { accept: 'text/html', 'user-agent': 'hoc-so-bench', ...(signedIn ? { cookie: signedIn.cookie } : {}) },
				connections: context.options.pageConnections,
				expect: { status: 200 },
				request: (n) => {
					const page = pages[n % pages.length];
					return { path: page.path, expect: { status: 200, check: ({ body }) => problem(body, page, signedIn, t) } };
				}
			});
			result.notes = notes;
			return result;
		}
	};
}

export const dashboardAnonymous = dashboardScenario('anonymous');
export const dashboardAdmin = dashboardScenario('admin');
export const dashboardCommune = dashboardScenario('commune');
export const dashboardReaggregated = dashboardScenario('2024-now');
