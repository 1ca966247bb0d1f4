// Grading essays by hand: a quiz's authors see the essay answers of submitted attempts (blind: learners are
// not named) and give each its points and a comment. Who may grade, the range of points and what follows
// (the attempt's total, pass, course completion) are decided in SQL (public.grade_essay_answer).
import { asUser, type Claims } from './db/index.ts';
import { isPostgresError } from './db/errors.ts';

export type EssayAnswer = {
	attemptId: string;
	questionNumber: number;
	submittedAt: Date;
	prompt: string;
	graderInfo: string | null;
	answer: string;
	points: number;
	score: number | null;
	gradedAt: Date | null;
	comment: string | null;
};

/** The quiz's essay answers waiting for a grade (and, when asked, those graded already), waiting ones first. */
export function essayAnswers(claims: Claims, quizId: number, includeGraded: boolean): Promise<EssayAnswer[]> {
	return asUser(claims, (tx) => tx<EssayAnswer[]>`
		select attempt_id as "attemptId", question_number as "questionNumber", submitted_at as "submittedAt", prompt,
			grader_info as "graderInfo", answer, points::float, score::float, graded_at as "gradedAt", comment
		from public.quiz_essays_to_grade(${quizId}, ${includeGraded})`);
}

export const GRADING_REFUSALS = ['attempt_not_found', 'attempt_in_progress', 'not_an_essay', 'essay_points_range', 'essay_comment_too_long', 'essay_not_answered'] as const;
export type GradingRefusal = (typeof GRADING_REFUSALS)[number];

export class GradingError extends Error {
	readonly code: GradingRefusal;
	constructor(code: GradingRefusal) {
		super(code);
		this.name = 'GradingError';
		this.code = code;
	}
}

/** Gives an essay answer its points and comment (again, to correct a grade). */
export async function gradeEssay(claims: Claims, attemptId: string, questionNumber: number, points: number, comment: string): Promise<void> {
	try {
		await asUser(claims, (tx) => tx`select public.grade_essay_answer(${attemptId}, ${questionNumber}::smallint, ${points}, ${comment})`);
	} catch (error) {
		const hint = isPostgresError(error) ? error.hint : undefined;
		if (hint && (GRADING_REFUSALS as readonly string[]).includes(hint)) throw new GradingError(hint as GradingRefusal);
		if (isPostgresError(error, '22P02')) throw new GradingError('attempt_not_found');
		throw error;
	}
}

/** How many essay answers of the quiz wait for a grade (0 for someone who may not grade them). */
export async function waitingCount(claims: Claims, quizId: number): Promise<number> {
	const [row] = await asUser(claims, (tx) => tx<{ n: number }[]>`select count(*)::int as n from public.quiz_essays_to_grade(${quizId}, false)`);
	return row.n;
}
