// Authoring forms for quizzes, contests and contest rounds, shared by server and browser; messages are i18n
// keys. Times are typed as wall-clock times of the province (datetime-local) and become instants here.
import * as v from 'valibot';
import { TIME_ZONE } from '../i18n/context.ts';

export const LIMITS = { title: 200, description: 2000, rules: 10_000, slug: 80, prompt: 500, draw: 200, minutes: 240, attempts: 100, truth: 1_000_000_000 };
export const STATUSES = ['draft', 'published', 'archived'] as const;
export const LANGUAGES = ['vi', 'en'] as const;
export const COUNTINGS = ['best', 'last'] as const;
export const REVIEW_POLICIES = ['after_submit', 'after_close', 'never'] as const;


// ── times in the province's zone ──
function parts(instant: Date, timeZone: string): Record<string, number> {
	const format = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
	return Object.fromEntries(format.formatToParts(instant).filter((p) => p.type !== 'literal').map((p) => [p.type, Number(p.value)]));
}

const wallClock = (p: Record<string, number>) => Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);

/** "2026-12-01T08:00" read in the time zone → the instant, or null if it is not a real date and time. */
export function zonedInstant(local: string, timeZone = TIME_ZONE): Date | null {
	const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local);
	if (!m) return null;
	const wanted = { year: +m[1], month: +m[2], day: +m[3], hour: +m[4], minute: +m[5], second: +(m[6] ?? 0) };
	const asUtc = wallClock(wanted);
	const check = new Date(asUtc);
	if (check.getUTCMonth() + 1 !== wanted.month || check.getUTCDate() !== wanted.day || wanted.hour > 23 || wanted.minute > 59) return null;
	// The zone's offset at that moment (evaluated twice, in case the guess crossed an offset change).
	let instant = asUtc - (wallClock(parts(check, timeZone)) - asUtc);
	instant = asUtc - (wallClock(parts(new Date(instant), timeZone)) - instant);
	return new Date(instant);
}

/** The instant as a datetime-local value in the time zone ('' for none). */
export function localInput(instant: Date | string | null, timeZone = TIME_ZONE): string {
	if (!instant) return '';
	const p = parts(new Date(instant), timeZone);
	const two = (n: number) => String(n).padStart(2, '0');
	return `${p.year}-${two(p.month)}-${two(p.day)}T${two(p.hour)}:${two(p.minute)}`;
}

/** A URL slug from a title: Vietnamese accents stripped (đ → d), lowercase ASCII words joined by hyphens. */
export function slugify(title: string): string {
	return title.replace(/đ/g, 'd').replace(/Đ/g, 'D').normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
		.replace(/[^a-z0-9]+/g, '-').replace(/^-+/, '').slice(0, LIMITS.slug).replace(/-+$/, '');
}

// ── field schemas (every form value is a string; an unchecked box is absent) ──
const raw = v.optional(v.string(), '');
const text = (max: number, tooLong: string) => v.pipe(raw, v.trim(), v.maxLength(max, tooLong));
const requiredText = (max: number, missing: string, tooLong: string) => v.pipe(raw, v.trim(), v.nonEmpty(missing), v.maxLength(max, tooLong));
const choice = <T extends readonly string[]>(options: T, message: string) => v.pipe(raw, v.picklist(options, message));
const checkbox = v.pipe(raw, v.transform((s) => s !== ''));
const integer = (min: number, max: number, message: string) =>
	v.pipe(v.number(message), v.integer(message), v.minValue(min, message), v.maxValue(max, message));
const id = (message: string) => v.pipe(raw, v.trim(), v.transform(Number), integer(1, Number.MAX_SAFE_INTEGER, message));
const optionalNumber = <S extends v.GenericSchema<number, number>>(schema: S) =>
	v.pipe(raw, v.trim(), v.transform((s) => (s === '' ? null : Number(s.replace(',', '.')))), v.nullable(schema));
const optionalId = (message: string) => optionalNumber(integer(1, Number.MAX_SAFE_INTEGER, message));
const time = v.pipe(raw, v.trim(), v.check((s) => s === '' || zonedInstant(s) !== null, 'studio_quiz.errors.time_invalid'),
	v.transform((s) => (s === '' ? null : zonedInstant(s))));

// ── a quiz ──
export const quizForm = v.pipe(
	v.object({
		title: requiredText(LIMITS.title, 'studio_quiz.errors.title_required', 'studio_quiz.errors.title_too_long'),
		description: text(LIMITS.description, 'studio_quiz.errors.description_too_long'),
		language: choice(LANGUAGES, 'studio_quiz.errors.language_invalid'),
		course_id: optionalId('studio_quiz.errors.course_invalid'),
		required: checkbox,
		owner_unit_id: id('studio_quiz.errors.unit_required'),
		bank_id: id('studio_quiz.errors.bank_required'),
		category_id: optionalId('studio_quiz.errors.category_invalid'),
		draw_count: v.pipe(raw, v.trim(), v.transform(Number), integer(1, LIMITS.draw, 'studio_quiz.errors.draw_count_invalid')),
		shuffle_questions: checkbox,
		shuffle_options: checkbox,
		time_limit_minutes: optionalNumber(integer(1, LIMITS.minutes, 'studio_quiz.errors.time_limit_invalid')),
		max_attempts: optionalNumber(integer(1, LIMITS.attempts, 'studio_quiz.errors.max_attempts_invalid')),
		pass_percent: v.pipe(raw, v.trim(), v.nonEmpty('studio_quiz.errors.pass_percent_invalid'), v.transform((s) => Number(s.replace(',', '.'))),
			v.number('studio_quiz.errors.pass_percent_invalid'), v.minValue(0, 'studio_quiz.errors.pass_percent_invalid'), v.maxValue(100, 'studio_quiz.errors.pass_percent_invalid')),
		counting: choice(COUNTINGS, 'studio_quiz.errors.counting_invalid'),
		review_policy: choice(REVIEW_POLICIES, 'studio_quiz.errors.review_invalid'),
		opens_at: time,
		closes_at: time,
		status: choice(STATUSES, 'studio_quiz.errors.status_invalid')
	}),
	v.forward(v.partialCheck([['opens_at'], ['closes_at']], (q) => !q.opens_at || !q.closes_at || q.closes_at > q.opens_at, 'studio_quiz.errors.window_order'), ['closes_at']),
	v.forward(v.partialCheck([['review_policy'], ['closes_at']], (q) => q.review_policy !== 'after_close' || q.closes_at !== null, 'studio_quiz.errors.review_needs_close'), ['review_policy']),
	v.forward(v.partialCheck([['required'], ['course_id']], (q) => !q.required || q.course_id !== null, 'studio_quiz.errors.required_needs_course'), ['required'])
);
export type QuizInput = v.InferOutput<typeof quizForm>;

/** What a new quiz form starts with. */
export const NEW_QUIZ: Record<string, string> = {
	language: 'vi', draw_count: '10', shuffle_questions: 'on', shuffle_options: 'on', pass_percent: '50', counting: 'best',
	review_policy: 'after_submit', status: 'draft'
};

// ── a contest (in an existing campaign, or a new one made on the way) ──
export const contestForm = v.pipe(
	v.object({
		campaign_id: v.pipe(raw, v.trim(), v.check((s) => s === 'new' || /^[1-9]\d*$/.test(s), 'studio_contest.errors.campaign_required'),
			v.transform((s) => (s === 'new' ? null : Number(s)))),
		campaign_title: text(LIMITS.title, 'studio_contest.errors.title_too_long'),
		campaign_slug: v.pipe(raw, v.trim()),
		title: requiredText(LIMITS.title, 'studio_contest.errors.title_required', 'studio_contest.errors.title_too_long'),
		slug: v.pipe(raw, v.trim()),
		rules: text(LIMITS.rules, 'studio_contest.errors.rules_too_long'),
		language: choice(LANGUAGES, 'studio_quiz.errors.language_invalid'),
		owner_unit_id: id('studio_quiz.errors.unit_required'),
		status: choice(STATUSES, 'studio_quiz.errors.status_invalid')
	}),
	v.forward(v.partialCheck([['campaign_id'], ['campaign_title']], (c) => c.campaign_id !== null || c.campaign_title !== '', 'studio_contest.errors.campaign_title_required'), ['campaign_title']),
	// Without JavaScript both sets of fields show: a new campaign's title with an existing campaign chosen is a slip.
	v.forward(v.partialCheck([['campaign_id'], ['campaign_title']], (c) => c.campaign_id === null || c.campaign_title === '', 'studio_contest.errors.campaign_ambiguous'), ['campaign_id']),
	// A slug is made from what was typed, or from the title when left empty; it fails only if nothing is left.
	v.transform((c) => ({ ...c, slug: slugify(c.slug || c.title), campaign_slug: c.campaign_id === null ? slugify(c.campaign_slug || c.campaign_title) : '' })),
	v.forward(v.check((c) => c.slug !== '', 'studio_contest.errors.slug_invalid'), ['slug']),
	v.forward(v.check((c) => c.campaign_id !== null || c.campaign_slug !== '', 'studio_contest.errors.slug_invalid'), ['campaign_slug'])
);
export type ContestInput = v.InferOutput<typeof contestForm>;

export const NEW_CONTEST: Record<string, string> = { campaign_id: 'new', language: 'vi', status: 'draft' };

// ── a round of a contest ──
export const roundForm = v.object({
	quiz_id: id('studio_contest.errors.round_quiz_required'),
	number: v.pipe(raw, v.trim(), v.transform(Number), integer(1, 100, 'studio_contest.errors.round_number_invalid')),
	prediction_prompt: v.pipe(text(LIMITS.prompt, 'studio_contest.errors.prompt_too_long'), v.transform((s) => s || null)),
	prediction_truth: optionalNumber(integer(0, LIMITS.truth, 'studio_contest.errors.truth_invalid'))
});
export type RoundInput = v.InferOutput<typeof roundForm>;

export const removeRoundForm = v.object({ round_id: id('errors.not_found') });

// ── form values as the page shows them back (strings; a ticked box is "on") ──
export function formValues(form: FormData): Record<string, string> {
	return Object.fromEntries([...form.entries()].filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

/** A stored quiz or contest as form values: times in the province's zone, a time limit in minutes. */
export function storedValues(record: Record<string, unknown>): Record<string, string> {
	const values: Record<string, string> = {};
	for (const [key, value] of Object.entries(record)) {
		if (value instanceof Date) values[key] = localInput(value);
		else if (typeof value === 'boolean') values[key] = value ? 'on' : '';
		else if (typeof value === 'string' || typeof value === 'number') values[key] = String(value);
	}
	if (typeof record.time_limit_seconds === 'number') values.time_limit_minutes = String(record.time_limit_seconds / 60);
	return values;
}
