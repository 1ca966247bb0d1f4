// Quizzes as a learner meets them: the quiz page (rules, own attempts), starting or resuming an attempt,
// saving and submitting answers, and the review. Drawing, deadlines and grading happen in SQL
// (public.start_quiz_attempt and friends); this module only calls them as the signed-in person.
import { asUser, type Claims, type Tx } from './db/index.ts';
import { isPostgresError } from './db/errors.ts';
import { localized, type Localized } from './db/localized.ts';
import type { Camel, OneOf, Row } from './db/rows.ts';
import type { Locale } from '../i18n/index.ts';
import type { Choice, GapKind, QuestionKind, TextFormat } from '../quiz/question.ts';
import { renderMarkdown } from '../content/markdown.ts';
import type { ShownQuestion } from '../quiz/answers.ts';

/** Refusals the database explains with a hint; routes show them as messages or statuses. */
export const QUIZ_REFUSALS = [
	'quiz_not_found', 'quiz_not_open', 'quiz_closed', 'quiz_no_attempts_left', 'quiz_empty', 'quiz_sign_in',
	'attempt_not_found', 'attempt_submitted', 'attempt_time_up', 'question_not_in_attempt', 'invalid_response',
	'invalid_prediction'
] as const;
export type QuizRefusal = (typeof QUIZ_REFUSALS)[number];

export class QuizError extends Error {
	readonly code: QuizRefusal;
	constructor(code: QuizRefusal) {
		super(code);
		this.name = 'QuizError';
		this.code = code;
	}
}

/** Runs fn as the user, turning the database's refusals into QuizErrors. */
async function asLearner<T>(claims: Claims, fn: (tx: Tx) => Promise<T>): Promise<T> {
	try {
		return await asUser(claims, fn);
	} catch (error) {
		const hint = isPostgresError(error) ? error.hint : undefined;
		if (hint && (QUIZ_REFUSALS as readonly string[]).includes(hint)) throw new QuizError(hint as QuizRefusal);
		if (isPostgresError(error, '22P02')) throw new QuizError('attempt_not_found');
		// Anonymous readers may not call the attempt functions at all.
		if (claims.role === 'anon' && isPostgresError(error, '42501')) throw new QuizError('quiz_sign_in');
		throw error;
	}
}

type Quiz = Row<'quiz'>;

export type QuizSettings = Camel<Quiz, 'id' | 'title' | 'description' | 'language' | 'time_limit_seconds' | 'max_attempts' | 'pass_percent' | 'opens_at' | 'closes_at'> & {
	questionCount: number;
	counting: OneOf<Quiz['counting'], 'best' | 'last'>;
	reviewPolicy: OneOf<Quiz['review_policy'], 'after_submit' | 'after_close' | 'never'>;
	course: (Pick<Row<'course'>, 'slug'> & { title: Localized<'course', 'title'> }) | null;
	round: (Camel<Row<'contest_round'>, 'number' | 'prediction_prompt'> & { contestSlug: Row<'contest'>['slug']; contestTitle: Row<'contest'>['title'] }) | null;
};

/** gradingPending: submitted with essays not graded yet, so the score is partial and passed unknown. */
export type AttemptSummary = Camel<
	Row<'quiz_attempt'>,
	'id' | 'number' | 'started_at' | 'deadline_at' | 'submitted_at' | 'score' | 'max_score' | 'passed' | 'duration_ms' | 'grading_pending'
>;

export type QuizPage = QuizSettings & { attempts: AttemptSummary[]; inProgress: AttemptSummary | null; passed: boolean };

const settingsQuery = (tx: Tx, locale: Locale, where: ReturnType<Tx>) => tx<QuizSettings[]>`
	select q.id::int, q.title, q.description, q.language,
		public.quiz_question_count(q.id) as "questionCount",
		q.time_limit_seconds as "timeLimitSeconds", q.max_attempts as "maxAttempts", q.pass_percent::float as "passPercent",
		q.counting, q.review_policy as "reviewPolicy", q.opens_at as "opensAt", q.closes_at as "closesAt",
		(select json_build_object('slug', c.slug, 'title', ${localized(tx, locale, 'c.title')})
			from public.course c where c.id = q.course_id) as course,
		(select json_build_object('number', r.number, 'contestSlug', k.slug, 'contestTitle', k.title, 'predictionPrompt', r.prediction_prompt)
			from public.contest_round r join public.contest k on k.id = r.contest_id where r.quiz_id = q.id) as round
	from public.quiz q ${where}`;

const attemptColumns = (tx: Tx) => tx`
	a.id, a.number, a.started_at as "startedAt", a.deadline_at as "deadlineAt", a.submitted_at as "submittedAt",
	a.score::float, a.max_score::float as "maxScore", a.passed, a.duration_ms as "durationMs", a.grading_pending as "gradingPending"`;

/** A published quiz (or one the reader authors) with the reader's own attempts (none for anonymous readers). */
export function getQuiz(claims: Claims, locale: Locale, quizId: number): Promise<QuizPage | undefined> {
	return asLearner(claims, async (tx) => {
		const [quiz] = await settingsQuery(tx, locale, tx`where q.id = ${quizId}`);
		if (!quiz) return undefined;
		const attempts =
			claims.role === 'authenticated'
				? await tx<AttemptSummary[]>`
					select ${attemptColumns(tx)} from public.quiz_attempt a
					where a.quiz_id = ${quizId} and a.person_id = (select auth.uid()) order by a.number`
				: [];
		const [passed] = claims.role === 'authenticated'
			? await tx<{ passed: boolean }[]>`select private.passed_quiz((select auth.uid()), ${quizId}) as passed`
			: [{ passed: false }];
		const inProgress = attempts.find((a) => a.submittedAt === null && (a.deadlineAt === null || a.deadlineAt > new Date())) ?? null;
		return { ...quiz, attempts, inProgress, passed: passed.passed };
	});
}

/** Starts an attempt (or resumes the one in progress) and returns its id. */
export function start(claims: Claims, quizId: number): Promise<string> {
	return asLearner(claims, async (tx) => {
		const [row] = await tx<{ id: string }[]>`select public.start_quiz_attempt(${quizId}) as id`;
		return row.id;
	});
}

/** A gap of a cloze question as shown: its kind, and the choices of a choice gap. */
export type ShownGap = { kind: GapKind; options?: Choice[] };

export type AttemptQuestion = {
	number: number;
	kind: QuestionKind;
	prompt: string;
	promptFormat: TextFormat;
	/** the prompt rendered to safe HTML when it is Markdown; null for plain text */
	promptHtml: string | null;
	imageUrl: string | null;
	imageAlt: string | null;
	/** the attempt's own ids and order; a cloze's text marks gap n as {#n} */
	content: { options?: Choice[]; items?: Choice[]; left?: Choice[]; right?: Choice[]; text?: string; gaps?: ShownGap[] };
	points: number;
	response: Record<string, unknown> | null;
	/** an answered essay of a submitted attempt that nobody has graded yet */
	awaitingGrade: boolean;
	/** only once review is open */
	score: number | null;
	key: Record<string, unknown> | null;
	explanation: string | null;
	graderComment: string | null;
};

export type AttemptView = {
	quiz: QuizSettings;
	attempt: AttemptSummary & Pick<Row<'quiz_attempt'>, 'prediction'>;
	questions: AttemptQuestion[];
	/** milliseconds left, measured by the database's clock (null: no deadline) */
	remainingMs: number | null;
	reviewOpen: boolean;
};

/** The signed-in person's attempt with its questions as shown to them (keys only once review is open). */
export function getAttempt(claims: Claims, locale: Locale, attemptId: string): Promise<AttemptView | undefined> {
	return asLearner(claims, async (tx) => {
		const [own] = await tx<Camel<Row<'quiz_attempt'>, 'quiz_id'>[]>`
			select quiz_id::int as "quizId" from public.quiz_attempt where id = ${attemptId} and person_id = (select auth.uid())`;
		if (!own) return undefined;
		// Reading the questions first finishes an attempt whose deadline passed.
		const rows = await tx<Omit<AttemptQuestion, 'promptHtml'>[]>`
			select number, kind, prompt, prompt_format as "promptFormat", image_url as "imageUrl", image_alt as "imageAlt", content,
				points::float, response, awaiting_grade as "awaitingGrade", score::float, key, explanation, grader_comment as "graderComment"
			from public.quiz_attempt_questions(${attemptId})`;
		const questions = rows.map((q) => ({ ...q, promptHtml: q.promptFormat === 'markdown' ? renderMarkdown(q.prompt) : null }));
		const [attempt] = await tx<(AttemptView['attempt'] & { remainingMs: number | null })[]>`
			select ${attemptColumns(tx)}, a.prediction::float,
				case when a.deadline_at is not null then greatest(0, extract(epoch from a.deadline_at - now()) * 1000)::int end as "remainingMs"
			from public.quiz_attempt a where a.id = ${attemptId}`;
		const [quiz] = await settingsQuery(tx, locale, tx`where q.id = ${own.quizId}`);
		const { remainingMs, ...summary } = attempt;
		return { quiz, attempt: summary, questions, remainingMs, reviewOpen: questions.some((q) => q.key !== null) };
	});
}

/** The attempt's questions as its form names them (no texts): what an action needs to read a posted page. */
export function attemptShapes(claims: Claims, attemptId: string): Promise<ShownQuestion[]> {
	return asLearner(claims, (tx) => tx<ShownQuestion[]>`select number, kind, content from public.quiz_attempt_shapes(${attemptId})`);
}

/** Saves (and grades, invisibly) answers of an attempt in progress; refused after submission or the deadline. */
export function saveAnswers(claims: Claims, attemptId: string, answers: Record<string, unknown>): Promise<number> {
	return asLearner(claims, async (tx) => {
		const [row] = await tx<{ saved: number }[]>`select public.save_quiz_answers(${attemptId}, ${tx.json(answers as never)}) as saved`;
		return row.saved;
	});
}

/** passed is null while essay answers wait for a grade. */
export type SubmitResult = { score: number; maxScore: number; passed: boolean | null; submittedAt: Date };

/** Submits once: a repeat (double click, retry) returns the first submission's result. */
export function submit(claims: Claims, attemptId: string, answers: Record<string, unknown>, prediction: number | null): Promise<SubmitResult> {
	return asLearner(claims, async (tx) => {
		const [row] = await tx<SubmitResult[]>`
			select score::float, max_score::float as "maxScore", passed, submitted_at as "submittedAt"
			from public.submit_quiz_attempt(${attemptId}, ${tx.json(answers as never)}, ${prediction})`;
		return row;
	});
}
