// Quiz submissions, graded in SQL: POST /quiz/<id>/attempts/<attempt>?/submit with the answers of the
// attempt's last page, as its form sends them without JavaScript (the action reads the answers of the
// page posted; the earlier pages were saved before, as autosave or the "next" button does). The action
// reads the attempt, then public.submit_quiz_attempt saves and grades the answers, totals the attempt and
// stamps the submission, and the action answers 303 back to the attempt (now its result).
//
// An attempt is submitted once (a repeat returns the first result, cheaply), so every request submits a
// fresh attempt of its own, never one that was submitted before: the generator started a pool of them,
// one per generated learner, with a session for each (start_quiz_attempt returns the attempt in
// progress, so a person has one at a time). Setup also takes the bench accounts through the whole journey
// over HTTP (start, each page read and saved), and their attempts are submitted first; and it reads the
// last page of 200 pool attempts to check that the fields sent are those the page offers.
//
// Each response must be a 303 to the attempt itself (not "?late"). Afterwards every attempt answered so is
// looked up (in the database on real Postgres; on its result page embedded, where only the server can open
// the database): lost = submitted_at or score missing, or a score other than the answers sent give.
import postgres from 'postgres';
import { formHeaders, SESSION_COOKIE, type BenchAccount } from '../lib/accounts.ts';
import { answerFromControls, fieldsProblem, formBody, readControls, responseFields, type Field } from '../lib/quiz-form.ts';
import type { LoadResult, Scenario, ScenarioContext } from '../lib/types.ts';

type Submission = {
	attempt: string;
	/** /quiz/<id>/attempts/<attempt>: where the submission must redirect to */
	page: string;
	cookie: string;
	body: string;
	/** the score its answers give; null when the bench does not know the key (the accounts' own attempts) */
	expectedScore: number | null;
};

type State = { submissions: Submission[]; notes: string[] };

/** Pool attempts whose last page is read in setup, to check the fields the generator's answers send. */
const SAMPLE = 200;

type Reply = { status: number; location: string; body: string; ms: number };

async function send(context: ScenarioContext, path: string, cookie: string, body?: string): Promise<Reply> {
	const started = performance.now();
	const response = await fetch(`${context.baseUrl}${path}`, {
		method: body === undefined ? 'GET' : 'POST',
		headers: body === undefined ? { accept: 'text/html', 'user-agent': 'hoc-so-bench', cookie } : { ...formHeaders(context.baseUrl), cookie },
		body,
		redirect: 'manual',
		signal: AbortSignal.timeout(60_000)
	});
	const text = await response.text();
	return { status: response.status, location: response.headers.get('location') ?? '', body: text, ms: performance.now() - started };
}

/** Runs fn over items, at most `limit` at a time, in order of the results. */
async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
	const results: R[] = new Array(items.length);
	let next = 0;
	const worker = async () => {
		for (let i = next++; i < items.length; i = next++) results[i] = await fn(items[i]);
	};
	await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
	return results;
}

/** A bench account's attempt, the way a learner without JavaScript makes it: start, then page by page. */
async function journey(context: ScenarioContext, account: BenchAccount): Promise<Submission> {
	const { openQuiz } = context.dataset.quiz;
	const start = await send(context, `/quiz/${openQuiz.id}?/start`, account.cookie, '');
	const attempt = new RegExp(`^/quiz/${openQuiz.id}/attempts/([0-9a-f-]{36})$`).exec(start.location)?.[1];
	if (start.status !== 303 || !attempt) throw new Error(`${account.identifier}: starting the quiz answered ${start.status} ${start.location} (expected 303 to a new attempt)`);
	const page = start.location;
	for (let number = 1; ; number++) {
		const view = await send(context, `${page}?page=${number}`, account.cookie);
		const controls = readControls(view.body);
		if (view.status !== 200 || controls.get('page')?.value !== String(number)) {
			throw new Error(`${account.identifier}: ${page}?page=${number} answered ${view.status}${view.status === 200 ? ' without its page field' : ''}`);
		}
		const fields = answerFromControls(controls);
		const problem = fieldsProblem(fields, controls);
		if (problem) throw new Error(`${account.identifier}: ${page}?page=${number}: ${problem}`);
		const form: Field[] = [['page', String(number)], ...fields];
		if (number === openQuiz.pages) return { attempt, page, cookie: account.cookie, body: formBody(form), expectedScore: null };
		const saved = await send(context, `${page}?/save`, account.cookie, formBody([...form, ['go', 'next']]));
		if (saved.status !== 303 || saved.location !== `${page}?page=${number + 1}`) {
			throw new Error(`${account.identifier}: saving page ${number} answered ${saved.status} ${saved.location} (expected 303 to the next page)`);
		}
	}
}

function header(headers: Record<string, string | string[]>, name: string): string | undefined {
	const found = Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1];
	return Array.isArray(found) ? found[0] : found;
}

/** The score a result page shows ("12,5/20 điểm", "12.5/20 points"), or null when it shows no result. */
function shownScore(body: string): number | null {
	if (!body.includes('class="result')) return null;
	const text = /<p class="score">([^<]*)<\/p>/.exec(body)?.[1];
	const number = text && /^\s*(\d+(?:[.,]\d+)?)/.exec(text)?.[1];
	return number ? Number(number.replace(',', '.')) : null;
}

type Check = { stored: number; notStored: number; misgraded: number; example: string | null; how: string };

/** Looks up every attempt answered 303: submitted, scored, and scored as its answers give. */
async function check(context: ScenarioContext, answered: Submission[]): Promise<Check> {
	const result: Check = { stored: 0, notStored: 0, misgraded: 0, example: null, how: '' };
	const judge = (submission: Submission, submitted: boolean, score: number | null) => {
		if (!submitted || score === null) {
			result.notStored++;
			result.example ??= `${submission.page}: answered 303 but not submitted`;
		} else if (submission.expectedScore !== null && Math.abs(score - submission.expectedScore) > 0.001) {
			result.misgraded++;
			result.example ??= `${submission.page}: scored ${score} instead of ${submission.expectedScore}`;
		} else result.stored++;
	};
	if (context.databaseUrl) {
		result.how = 'in the database';
		const sql = postgres(context.databaseUrl, { max: 1, connect_timeout: 5, onnotice: () => {}, connection: { application_name: 'hoc-so-bench' } });
		try {
			const rows = await sql<{ id: string; submitted: boolean; score: number | null }[]>`
				select id::text, submitted_at is not null as submitted, score::float as score
				from public.quiz_attempt where id = any(${answered.map((s) => s.attempt)}::uuid[])`;
			const found = new Map(rows.map((row) => [row.id, row]));
			for (const submission of answered) {
				const row = found.get(submission.attempt);
				judge(submission, row?.submitted ?? false, row?.score ?? null);
			}
		} finally {
			await sql.end({ timeout: 5 });
		}
	} else {
		result.how = 'on each attempt\'s result page (the embedded database is open in the server alone)';
		await mapLimit(answered, 4, async (submission) => {
			const reply = await send(context, submission.page, submission.cookie);
			const score = reply.status === 200 ? shownScore(reply.body) : null;
			judge(submission, score !== null, score);
		});
	}
	return result;
}

export const quizSubmit: Scenario<State> = {
	name: 'quiz-submit',
	description: 'POST …/attempts/<id>?/submit, last page of answers, a fresh attempt each time',
	budget: { minRequestsPerSecond: 500, zeroErrors: true, zeroLost: true, modes: ['postgres'] },
	async setup(context) {
		const { openQuiz, pool } = context.dataset.quiz;
		if (!pool.size) throw new Error('no attempts were prepared for quiz-submit by the generator');
		const age = Date.now() - pool.startedAt;
		const needed = (context.options.warmup + context.options.duration + 30) * 1000;
		if (openQuiz.timeLimitSeconds * 1000 - age < needed) {
			throw new Error(`the generator started the pool's attempts ${Math.round(age / 1000)} s ago: their ${openQuiz.timeLimitSeconds / 60}-minute limit would end ` +
				'during the run (run quiz-submit with fewer scenarios before it, e.g. BENCH_SCENARIOS=quiz-submit)');
		}
		const started = performance.now();
		const accounts = await mapLimit(context.accounts, 4, (account) => journey(context, account));
		const journeySeconds = (performance.now() - started) / 1000;

		const prepared = pool.attempts.map((attempt) => {
			const fields: Field[] = [['page', String(openQuiz.pages)], ...attempt.answers.flatMap(responseFields)];
			return {
				attempt: attempt.id,
				page: `/quiz/${openQuiz.id}/attempts/${attempt.id}`,
				cookie: `${SESSION_COOKIE}=${attempt.token}`,
				body: formBody(fields),
				fields,
				expectedScore: attempt.expectedScore
			};
		});
		const sample = prepared.slice(0, SAMPLE);
		await mapLimit(sample, 8, async (submission) => {
			const view = await send(context, `${submission.page}?page=${openQuiz.pages}`, submission.cookie);
			const controls = readControls(view.body);
			if (view.status !== 200 || controls.get('page')?.value !== String(openQuiz.pages)) {
				throw new Error(`${submission.page}?page=${openQuiz.pages} answered ${view.status} to its learner (expected the attempt's last page)`);
			}
			const problem = fieldsProblem(submission.fields.slice(1), controls);
			if (problem) throw new Error(`${submission.page}: the generator's answers do not fit the page: ${problem}`);
		});
		return {
			submissions: [...accounts, ...prepared.map(({ fields: _fields, ...submission }) => submission)],
			notes: [
				`${accounts.length} bench accounts started, answered and saved their attempts page by page over HTTP (${journeySeconds.toFixed(1)} s); ` +
					`${pool.size} attempts in progress started by the generator ${Math.round(age / 1000)} s before the run, ` +
					`the last pages of ${sample.length} of them read to check the fields sent`
			]
		};
	},
	async run(context, state) {
		const { submissions } = state;
		const { openQuiz } = context.dataset.quiz;
		let next = 0;
		let exhausted = 0;
		const answered: Submission[] = [];
		// Not the request counter of load(): it starts again at 0 after the warm-up, and an attempt must never be submitted twice.
		const result: LoadResult = await context.load({
			method: 'POST',
			path: `${submissions[0].page}?/submit`,
			headers: formHeaders(context.baseUrl),
			connections: context.options.quizConnections,
			expect: { status: 303 },
			request: () => {
				const submission = submissions[next++];
				if (!submission) {
					exhausted++;
					// Counted as a wrong response whatever it gets (without a session it is sent to /login, also a 303).
					return { path: `/quiz/${openQuiz.id}/attempts/pool-exhausted?/submit`, body: '', expect: { status: 303, check: () => 'no fresh attempt left to submit' } };
				}
				return {
					path: `${submission.page}?/submit`,
					headers: { cookie: submission.cookie },
					body: submission.body,
					expect: {
						status: 303,
						check: ({ headers }) => {
							const location = header(headers, 'location');
							if (location !== submission.page) return `redirected to ${location} instead of the attempt`;
							answered.push(submission);
							return null;
						}
					}
				};
			}
		});
		const handedOut = Math.min(next, submissions.length);
		const checked = await check(context, answered);
		result.lost = checked.notStored + checked.misgraded;
		result.notes = [
			...state.notes,
			`${answered.length} submissions answered 303 (warm-up included) of ${handedOut} sent; looked up ${checked.how}: ` +
				`${checked.stored} submitted and scored as their answers give, ${checked.notStored} not submitted, ${checked.misgraded} with another score` +
				(checked.example ? ` (e.g. ${checked.example})` : '')
		];
		if (exhausted) result.notes.push(`the ${submissions.length} fresh attempts ran out: ${exhausted} requests could not submit one (raise BENCH_QUIZ_ATTEMPTS)`);
		return result;
	}
};
