// Nothing a learner's browser receives before the review encodes the answer key
// (supabase/migrations/20261208100100_disguise_attempt_questions.sql): every attempt shows its own copy of
// each question, with fresh random choice ids and its own order.
//
// An organiser imports one question of every kind (tests/e2e/fixtures/every-kind.moodle.xml, written so that
// the bank's own ids and order ARE the key) and publishes a quiz drawing all of them, options shuffled,
// unlimited attempts, review after submit. A new citizen then takes it 20 times over plain HTTP: for each
// attempt, every attempt page's HTML and its __data.json (what a client-side navigation fetches) are read
// and checked for anything key-like (the key's words, key properties with a value, ids that are not fresh
// random ones, a right-hand id equal to a left one, any id named more often than its siblings), and a solver
// that sees only that text answers by position or by id. Over 20 attempts it never gets full marks, and on
// each disguised question (cloze included) it does no better than chance; after submitting, the review does
// show the key (so a broken review would be noticed too).
import { readFileSync } from 'node:fs';
import { unflatten } from 'devalue';
import type { APIResponse, Page } from '@playwright/test';
import { DEMO_PASSWORD, PERSONAS, expect, newPerson, test } from './support/fixtures.ts';
import { expectAccessible } from './support/axe.ts';
import { expectSignedIn, field, register, signIn, signOut } from './support/flows.ts';
import { t } from './support/i18n.ts';
import { counted, createBank, importQuestions } from './support/studio.ts';

const FIXTURE = readFileSync(new URL('./fixtures/every-kind.moodle.xml', import.meta.url));
const QUESTIONS = [...FIXTURE.toString('utf8').matchAll(/<question type="(?!category")/g)].length;
const ATTEMPTS = 20;

/**
 * Words of the key that a learner must not receive before the review: the short answers, the explanations
 * (GIAI-THICH-…) and per-answer feedback (PHAN-HOI-…). The numeric answer is matched as a whole number.
 */
const SECRETS = ['VNeID', 'dichvucong', 'GIAI-THICH-', 'PHAN-HOI-'];
const NUMERIC_ANSWER = /(?<![\w.,-])4625(?![\w.,-])/;

/** A choice id as an attempt shows it: ten random hex digits (private.disguise_choices). */
const ALIAS = /^[0-9a-f]{10}$/;

/** Properties that only a key has; none may carry a value before the review (null is no value). */
const KEY_PROPERTIES = ['key', 'explanation', 'weights', 'feedback', 'aliases', 'graderInfo', 'graderComment', 'correct', 'tolerance', 'answers', 'partial'];
/** What a question shown before the review may not carry either: its points earned. */
const QUESTION_PROPERTIES = [...KEY_PROPERTIES, 'score'];

/**
 * The naive solver's chance of full points on each disguised question of the fixture: one right option of
 * four; the first two of four ticked when the right ones are two; four items already in order; the i-th of
 * four right-hand options for each of three left items; the first of four in a cloze question's choice gap.
 * True/false has nothing to disguise (its naive answer, "true", is the key: that proves the answers are read
 * and graded); short answers and numbers are left empty.
 */
const CHANCE: Record<string, number> = { single: 1 / 4, multiple: 1 / 6, ordering: 1 / 24, matching: 1 / 24, cloze: 1 / 4 };

/** The smallest k with P(X ≥ k) < 10⁻⁶ for X ~ Binomial(n, p): more successes than that is not chance. */
function beyondChance(n: number, p: number): number {
	const choose = (k: number) => {
		let c = 1;
		for (let i = 1; i <= k; i++) c = (c * (n - k + i)) / i;
		return c;
	};
	let tail = 0;
	for (let k = n; k >= 0; k--) {
		tail += choose(k) * p ** k * (1 - p) ** (n - k);
		if (tail >= 1e-6) return k + 1;
	}
	return 0;
}

// ───────────────────────────── reading what the browser receives ─────────────────────────────

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Shown = { number: number; kind: string; points: number; score?: number | null; key?: Json; response?: Json; content?: Record<string, { id: string }[]> };

type PageData = { raw: string; data: Record<string, Json> };

/** __data.json as received (raw) and read (one devalue-flattened payload per layout and page node). */
async function pageData(response: Pick<APIResponse, 'status' | 'url' | 'text'>): Promise<PageData> {
	expect(response.status(), response.url()).toBe(200);
	const raw = await response.text();
	const body = JSON.parse(raw) as { type: string; nodes: ({ type: string; data?: unknown[] } | null)[] };
	expect(body.type, `${response.url()}: ${raw.slice(0, 300)}`).toBe('data');
	return { raw, data: Object.assign({}, ...body.nodes.map((node) => (node?.type === 'data' && node.data ? (unflatten(node.data as never) as object) : {}))) };
}

/** Every object in a value, with the path to it. */
function* objects(value: unknown, path = '$'): Generator<[string, Record<string, unknown>]> {
	if (Array.isArray(value)) for (const [i, item] of value.entries()) yield* objects(item, `${path}[${i}]`);
	else if (value && typeof value === 'object' && !(value instanceof Date)) {
		yield [path, value as Record<string, unknown>];
		for (const [key, item] of Object.entries(value)) yield* objects(item, `${path}.${key}`);
	}
}

const isQuestion = (object: Record<string, unknown>) =>
	typeof object.number === 'number' && typeof object.kind === 'string' && typeof object.prompt === 'string';

/** The questions a page's data holds, by number (the page's own and the attempt's list are the same objects). */
function questionsIn(data: unknown): Map<number, Shown> {
	const found = new Map<number, Shown>();
	for (const [, object] of objects(data)) if (isQuestion(object)) found.set(object.number as number, object as unknown as Shown);
	return found;
}

type Attributes = Record<string, string>;
const attributes = (source: string): Attributes =>
	Object.fromEntries([...source.matchAll(/([^\s=/>]+)(?:\s*=\s*"([^"]*)")?/g)].map(([, name, value]) => [name.toLowerCase(), (value ?? '').replaceAll('&amp;', '&').replaceAll('&quot;', '"')]));

/** A form control as the HTML has it; a select's option values in order ('' for "choose"). */
type Control = { tag: 'input' | 'select' | 'textarea'; name: string; type: string; value: string; inputmode: string; options: string[] };
/** A question's controls, in the order shown. */
type Fields = { number: number; controls: Control[] };

const GAP_FIELD = /^q\d+\.g(\d+)$/;
const suffixOf = (name: string) => name.slice(name.indexOf('.') + 1);

/** The fieldsets of the questions on an attempt page, read from its HTML. */
function fieldsIn(html: string): Fields[] {
	const result: Fields[] = [];
	for (const [, inner] of html.matchAll(/<fieldset\b[^>]*class="[^"]*\bquestion\b[^"]*"[^>]*>([\s\S]*?)<\/fieldset>/g)) {
		const controls: Control[] = [];
		for (const [, input, select, options, textarea] of inner.matchAll(/<input\b([^>]*)>|<select\b([^>]*)>([\s\S]*?)<\/select>|<textarea\b([^>]*)>/g)) {
			const a = attributes(input ?? select ?? textarea);
			const tag = input !== undefined ? 'input' : select !== undefined ? 'select' : 'textarea';
			if (tag === 'input' && a.type === 'hidden') continue;
			const values = [...(options ?? '').matchAll(/<option\b([^>]*)>/g)].map(([, o]) => attributes(o).value ?? '');
			controls.push({ tag, name: a.name ?? '', type: a.type ?? 'text', value: a.value ?? '', inputmode: a.inputmode ?? '', options: values });
		}
		const number = Number(/^q(\d+)/.exec(controls[0]?.name ?? '')?.[1]);
		expect(Number.isInteger(number), `a question's fields are named q<n>: ${controls.map((c) => c.name).join(', ')}`).toBe(true);
		result.push({ number, controls });
	}
	return result;
}

const of = (fields: Fields, test: (control: Control) => boolean) => fields.controls.filter(test);
const boxes = (fields: Fields) => of(fields, (c) => c.type === 'radio' || c.type === 'checkbox');
const selects = (fields: Fields) => of(fields, (c) => c.tag === 'select');

/** The kind a question's fields say it is, as a learner's browser (or a solver) can tell. */
function kindOf(fields: Fields): string {
	const types = new Set(fields.controls.map((c) => (c.tag === 'input' ? c.type : c.tag)));
	if (fields.controls.some((c) => GAP_FIELD.test(c.name))) return 'cloze';
	if (types.has('textarea')) return 'essay';
	if (types.has('radio')) return fields.controls.some((c) => c.value === 'true') ? 'true_false' : 'single';
	if (types.has('checkbox')) return 'multiple';
	// An item's position is 1…n; a right-hand option is an id (which may happen to be all digits).
	if (types.has('select')) return selects(fields)[0].options.filter(Boolean).every((o, i) => o === String(i + 1)) ? 'ordering' : 'matching';
	return fields.controls[0]?.inputmode === 'decimal' ? 'numeric' : 'short_text';
}

/** Asserts that a text a learner's browser receives before the review holds none of the key's words. */
function expectNoSecrets(text: string, where: string) {
	for (const secret of SECRETS) expect(text.includes(secret), `${where} contains ${secret}`).toBe(false);
	expect(NUMERIC_ANSWER.exec(text)?.[0], `${where} contains the numeric answer`).toBeUndefined();
}

const idsOf = (choices: unknown) => (Array.isArray(choices) ? choices.map((c: { id: string }) => c.id) : undefined);

/** The checks on an attempt page before submission: its HTML, and the data a client-side navigation gets. */
function expectNothingKeyLike(html: string, { raw, data }: PageData, where: string): Fields[] {
	expectNoSecrets(html, `${where} (HTML)`);
	expectNoSecrets(raw, `${where} (__data.json)`);

	// The data: no key property with a value anywhere, and none of the points earned per question.
	for (const [path, object] of objects(data)) {
		const forbidden = isQuestion(object) ? QUESTION_PROPERTIES : KEY_PROPERTIES;
		for (const name of forbidden) {
			if (name in object) expect(object[name], `${where}: ${path}.${name} before the review`).toBeNull();
		}
	}
	// The page's inline data (devalue.uneval, so unquoted names) has the same rule.
	for (const [, script] of html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)) {
		const named = new RegExp(`[{,]\\s*"?(${QUESTION_PROPERTIES.join('|')})"?\\s*:\\s*(?!null\\b|void 0\\b)`, 'g');
		const hits = [...script.matchAll(named)].map((m) => script.slice(m.index, m.index + 60));
		expect(hits, `${where}: key-like values in the page's inline data`).toEqual([]);
	}

	// The ids in the data: ten random hex digits (cloze gaps' options too), left and right of a matching question apart.
	const shown = questionsIn(data);
	const onPage = new Set(fieldsIn(html).map((f) => f.number));
	for (const question of shown.values()) {
		for (const [path, object] of objects(question.content, `q${question.number}.content`)) {
			for (const list of ['options', 'items', 'left', 'right']) {
				const ids = idsOf(object[list]) ?? [];
				for (const id of ids) expect(id, `${where}: ${path}.${list}`).toMatch(ALIAS);
				// A choice shows its id and its text, nothing else.
				for (const choice of (object[list] ?? []) as object[]) expect(Object.keys(choice).sort(), `${where}: ${path}.${list}[]`).toEqual(['id', 'text']);
				// Whatever else the page might say about the right choice, it would name its id once more than the
				// others: every id of a list is named equally often (questions not answered yet, so no response).
				if (ids.length && onPage.has(question.number) && question.response == null) {
					for (const [text, what] of [[html, 'HTML'], [raw, '__data.json']]) {
						const counts = ids.map((id) => text.split(id).length - 1);
						expect(new Set(counts).size, `${where} (${what}): how often each id of ${path}.${list} is named: ${counts}`).toBe(1);
					}
				}
			}
		}
		const left = new Set(idsOf(question.content?.left));
		for (const right of idsOf(question.content?.right) ?? []) expect(left.has(right), `${where}: q${question.number} right id equals a left id`).toBe(false);
	}

	// The ids in the HTML, which is what the form sends, and the same as the data's, in the same order.
	const fields = fieldsIn(html);
	expect(fields.length, `${where}: questions on the page`).toBeGreaterThan(0);
	for (const question of fields) {
		const kind = kindOf(question);
		const inData = shown.get(question.number);
		const content = (inData?.content ?? {}) as Record<string, unknown> & { gaps?: { kind: string; options?: unknown }[] };
		const at = `${where}: q${question.number} (${kind})`;
		expect(inData?.kind, `${at} in the page's data`).toBe(kind);
		for (const box of boxes(question)) expect(box.value, `${at} value`).toMatch(kind === 'true_false' ? /^(true|false)$/ : ALIAS);
		const suffixes = selects(question).map((s) => suffixOf(s.name));
		switch (kind) {
			case 'single':
			case 'multiple':
				expect(boxes(question).map((b) => b.value), `${at} options`).toEqual(idsOf(content.options));
				break;
			case 'ordering':
				expect(suffixes, `${at} items`).toEqual(idsOf(content.items));
				for (const select of selects(question)) expect(select.options).toEqual(['', ...suffixes.map((_, i) => String(i + 1))]);
				break;
			case 'matching':
				expect(suffixes, `${at} left items`).toEqual(idsOf(content.left));
				for (const select of selects(question)) {
					expect(select.options.filter(Boolean), `${at} right-hand options`).toEqual(idsOf(content.right));
					// The old leak: a right-hand value equal to a left item's id (its field's suffix).
					for (const option of select.options) expect(suffixes.includes(option), `${at}: ${select.name} offers a left item's own id`).toBe(false);
				}
				break;
			case 'cloze':
				for (const [index, gap] of (content.gaps ?? []).entries()) {
					const named = of(question, (c) => c.name === `q${question.number}.g${index + 1}`);
					expect(named.length, `${at} gap ${index + 1} on the page`).toBeGreaterThan(0);
					const offered = named[0].tag === 'select' ? named[0].options.filter(Boolean) : named.filter((c) => c.type === 'checkbox').map((c) => c.value);
					if (gap.kind === 'single' || gap.kind === 'multiple') expect(offered, `${at} gap ${index + 1} options`).toEqual(idsOf(gap.options));
				}
				break;
		}
	}
	return fields;
}

/**
 * The fixed naive answers to a question, from its fields alone, taking the choices in the order shown or (the
 * other strategy, in case ids encode the key) sorted by id: the first option; the first half of the options;
 * "true"; the items in that order; for matching, the right-hand option whose value is the left item's own id
 * (the old leak), or else the k-th option for the k-th item; in a cloze question the same per gap; nothing
 * typed.
 */
function naiveAnswer(fields: Fields, byId: boolean): [string, string][] {
	const order = (values: string[]) => (byId ? [...values].sort() : values);
	const firstHalf = (values: string[]) => order(values).slice(0, Math.ceil(values.length / 2));
	const values = boxes(fields).map((b) => b.value);
	const name = `q${fields.number}`;
	switch (kindOf(fields)) {
		case 'single':
			return [[name, order(values)[0]]];
		case 'multiple':
			return firstHalf(values).map((value) => [name, value]);
		case 'true_false':
			return [[name, 'true']];
		case 'ordering': {
			const items = order(selects(fields).map((s) => suffixOf(s.name)));
			return selects(fields).map((select) => [select.name, String(items.indexOf(suffixOf(select.name)) + 1)]);
		}
		case 'matching': {
			const lefts = order(selects(fields).map((s) => suffixOf(s.name)));
			return selects(fields).map((select) => {
				const options = order(select.options.filter(Boolean));
				const own = suffixOf(select.name);
				return [select.name, options.includes(own) ? own : options[lefts.indexOf(own)]];
			});
		}
		case 'cloze': {
			const gaps = [...new Set(fields.controls.map((c) => c.name))];
			return gaps.flatMap((gap): [string, string][] => {
				const controls = of(fields, (c) => c.name === gap);
				if (controls[0].tag === 'select') return [[gap, order(controls[0].options.filter(Boolean))[0]]];
				if (controls[0].type === 'checkbox') return firstHalf(controls.map((c) => c.value)).map((value) => [gap, value]);
				return [[gap, '']];
			});
		}
		default:
			return [[name, '']];
	}
}

// ───────────────────────────── the journey ─────────────────────────────

async function publishQuiz(page: Page, stamp: string): Promise<number> {
	await signIn(page, PERSONAS.organizer.email, DEMO_PASSWORD);
	await expectSignedIn(page, PERSONAS.organizer.name);
	const bankTitle = `Ngân hàng kiểm tra rò rỉ ${stamp}`;
	await createBank(page, bankTitle);
	await importQuestions(page, { name: 'every-kind.moodle.xml', mimeType: 'application/xml', buffer: FIXTURE }, QUESTIONS);

	await page.goto('/studio/quizzes/new');
	await expectAccessible(page);
	await field(page, t('vi', 'studio_quiz.field_title')).fill(`Kiểm tra rò rỉ đáp án ${stamp}`);
	await field(page, t('vi', 'studio_quiz.field_bank')).selectOption({ label: counted('vi', 'studio_quiz.bank_option', QUESTIONS, { title: bankTitle }) });
	await field(page, t('vi', 'studio_quiz.field_draw_count')).fill(String(QUESTIONS));
	await field(page, t('vi', 'studio_quiz.field_shuffle_options')).check();
	await field(page, t('vi', 'studio_quiz.field_max_attempts')).fill('');
	await field(page, t('vi', 'studio_quiz.field_review_policy')).selectOption('after_submit');
	await field(page, t('vi', 'studio_quiz.field_status')).selectOption('published');
	await page.getByRole('button', { name: t('vi', 'studio_quiz.create') }).click();
	await expect(page.getByText(t('vi', 'studio_quiz.created'))).toBeVisible();
	await expectAccessible(page);
	const id = Number(/\/studio\/quizzes\/(\d+)/.exec(page.url())?.[1]);
	expect(id).toBeGreaterThan(0);
	await signOut(page);
	return id;
}

test('no attempt page gives the key away: a solver reading only what the browser receives does no better than chance', async ({ page, baseURL }) => {
	test.setTimeout(60_000);
	const began = Date.now();
	const origin = new URL(baseURL!).origin;
	const quizId = await publishQuiz(page, Date.now().toString(36));
	const learner = newPerson();
	await register(page, { name: learner.name, identifier: learner.email, password: learner.password });

	// The first attempt in the browser, to see what a client-side navigation asks for: <path>/__data.json.
	await page.goto(`/quiz/${quizId}`);
	await expectAccessible(page);
	await page.getByRole('button', { name: t('vi', 'quiz.start') }).click();
	await expect(page).toHaveURL(new RegExp(`/quiz/${quizId}/attempts/[0-9a-f-]{36}$`));
	await expectAccessible(page);
	const firstAttempt = new URL(page.url()).pathname;
	await page.getByRole('navigation', { name: t('vi', 'lesson.breadcrumbs') }).getByRole('link').click();
	await expect(page.getByRole('link', { name: t('vi', 'quiz.resume') })).toBeVisible();
	await expectAccessible(page);
	const fetched: APIResponse[] = [];
	await page.route('**/__data.json*', async (route) => {
		const response = await route.fetch();
		fetched.push(response);
		await route.fulfill({ response });
	});
	await page.getByRole('link', { name: t('vi', 'quiz.resume') }).click();
	await expect(page.getByRole('button', { name: t('vi', 'quiz.submit') })).toBeVisible();
	await page.unrouteAll();
	expect(fetched.map((response) => new URL(response.url()).pathname)).toEqual([`${firstAttempt}/__data.json`]);
	expectNothingKeyLike(await page.content(), await pageData(fetched[0]), 'client-side navigation');
	await expectAccessible(page);

	// Twenty attempts over HTTP, as a script would take them: odd ones answered in the order shown, even ones
	// in the order of the ids.
	const post = (path: string, pairs: [string, string][], headers: Record<string, string> = {}) =>
		page.request.post(path, {
			data: new URLSearchParams(pairs).toString(),
			// A browser's form post (accept: HTML) answers with a redirect; the page's autosave asks for JSON.
			headers: { origin, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded', ...headers },
			maxRedirects: 0
		});
	const pageHtml = async (path: string) => {
		const response = await page.request.get(path);
		expect(response.status(), path).toBe(200);
		return response.text();
	};
	const naiveRight: Record<string, number> = {};
	const results: { score: number; maxScore: number }[] = [];
	/** Attempts where every question answered by ids alone (all but true/false and the typed ones) was right. */
	let allChoicesRight = 0;
	let attemptPath = firstAttempt;
	for (let n = 1; n <= ATTEMPTS; n++) {
		if (n > 1) {
			const started = await post(`/quiz/${quizId}?/start`, []);
			expect(started.status(), `attempt ${n} starts`).toBe(303);
			attemptPath = new URL(started.headers().location, baseURL).pathname;
		}
		let pages = 1;
		for (let pageNumber = 1; pageNumber <= pages; pageNumber++) {
			const query = `?page=${pageNumber}`;
			const [html, data] = await Promise.all([pageHtml(attemptPath + query), page.request.get(`${attemptPath}/__data.json${query}`).then(pageData)]);
			pages = Number(data.data.pages);
			expect(pages).toBeGreaterThanOrEqual(1);
			const fields = expectNothingKeyLike(html, data, `attempt ${n}, page ${pageNumber}`);
			const answers: [string, string][] = [['page', String(pageNumber)], ...fields.flatMap((question) => naiveAnswer(question, n % 2 === 0))];
			if (pageNumber < pages) {
				// As the page's autosave sends it: the JSON answer holds nothing either.
				const saved = await post(`${attemptPath}?/save`, [...answers, ['stay', '1']], { 'x-sveltekit-action': 'true', accept: 'application/json' });
				const text = await saved.text();
				expect(JSON.parse(text).type, `attempt ${n}, page ${pageNumber} saved: ${text}`).toBe('success');
				expectNoSecrets(text, `attempt ${n}, save`);
			} else {
				const submitted = await post(`${attemptPath}?/submit`, answers);
				expect(submitted.status(), `attempt ${n} submitted: ${(await submitted.text()).slice(0, 300)}`).toBe(303);
			}
		}

		// The result: the score, and the review with the key.
		const [html, { data }] = await Promise.all([pageHtml(attemptPath), page.request.get(`${attemptPath}/__data.json`).then(pageData)]);
		const attempt = data.attempt as { score: number; maxScore: number; submittedAt: unknown };
		expect(attempt.submittedAt, `attempt ${n} is submitted`).not.toBeNull();
		const format = new Intl.NumberFormat('vi', { maximumFractionDigits: 2 });
		expect(html).toContain(t('vi', 'quiz.score', { score: format.format(attempt.score), max: format.format(attempt.maxScore) }));
		results.push(attempt);
		const reviewed = [...questionsIn(data).values()];
		expect(reviewed.length, `attempt ${n}: questions in the review`).toBe(QUESTIONS);
		let choicesRight = true;
		for (const question of reviewed) {
			expect(question.key, `attempt ${n}: the review shows q${question.number}'s key`).not.toBeNull();
			expect(question.score, `attempt ${n}: the review shows q${question.number}'s points`).not.toBeNull();
			if (question.kind in CHANCE || question.kind === 'true_false') {
				expect(question.response, `attempt ${n}: q${question.number} (${question.kind}) was answered`).not.toBeNull();
			}
			// A cloze question's text gap is left empty: its choice gap was right when it earned anything.
			const right = question.kind === 'cloze' ? (question.score ?? 0) > 0 : (question.score ?? 0) >= question.points;
			if (right) naiveRight[question.kind] = (naiveRight[question.kind] ?? 0) + 1;
			if (question.kind in CHANCE && !right) choicesRight = false;
		}
		if (choicesRight) allChoicesRight++;
		const sections = html.split(/<section\b[^>]*class="[^"]*\breview\b/).slice(1);
		expect(sections.length, `attempt ${n}: questions reviewed`).toBe(QUESTIONS);
		for (const section of sections) expect(section, `attempt ${n}: a question's review shows its right answer`).toContain(t('vi', 'quiz.right_answer'));
		for (const word of ['VNeID', '4625', 'dichvucong', 'GIAI-THICH-MOT', 'GIAI-THICH-GHEP', 'GIAI-THICH-CLOZE']) expect(html, `attempt ${n}: the review shows ${word}`).toContain(word);
	}

	// Never full marks; on each disguised kind, no better than chance; true/false ("true") always right.
	expect(results.filter((r) => r.score >= r.maxScore), 'attempts with full marks').toEqual([]);
	// The typed answers are left empty, so full marks overall would need them: the same over the rest, where
	// luck has a chance of about 2·10⁻⁵ per attempt (a leak gives every attempt of its strategy).
	expect(allChoicesRight, 'attempts with every choice, order and pair right').toBeLessThanOrEqual(1);
	expect(naiveRight.true_false ?? 0, 'the solver\'s answers are saved and graded').toBe(ATTEMPTS);
	for (const [kind, chance] of Object.entries(CHANCE)) {
		const right = naiveRight[kind] ?? 0;
		expect(right, `${kind}: naive answer right in ${right} of ${ATTEMPTS}`).toBeLessThan(Math.min(ATTEMPTS, beyondChance(ATTEMPTS, chance)));
	}

	// The last review, as the learner sees it.
	await page.goto(attemptPath);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('vi', 'quiz.result_title', { number: ATTEMPTS }));
	const reviews = page.getByRole('region', { name: /./ }).filter({ has: page.getByRole('heading', { level: 3 }) });
	await expect(reviews).toHaveCount(QUESTIONS);
	for (const review of await reviews.all()) await expect(review).toContainText(t('vi', 'quiz.right_answer'));
	await expectAccessible(page);
	test.info().annotations.push({ type: 'duration', description: `${Date.now() - began} ms; naive answer right per kind: ${JSON.stringify(naiveRight)}` });
});
