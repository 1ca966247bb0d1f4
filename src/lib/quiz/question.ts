// The shape of a question as the database stores it: what a learner may see (content) and the answer key
// (key), which only the grading functions and the bank's authors read. Import, export, authoring and
// the SQL check private.check_question_shape() all follow these types.

export const QUESTION_KINDS = ['single', 'multiple', 'true_false', 'ordering', 'matching', 'short_text', 'numeric'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

/** A choice, an item to order, or one side of a matching pair. Ids are short and stable within a question ('a', 'b', …). */
export interface Choice {
	id: string;
	text: string;
}

export type QuestionContent =
	| { kind: 'single' | 'multiple'; options: Choice[] }
	| { kind: 'true_false' }
	| { kind: 'ordering'; items: Choice[] }
	| { kind: 'matching'; left: Choice[]; right: Choice[] }
	| { kind: 'short_text' }
	| { kind: 'numeric' };

export type QuestionKey =
	| { kind: 'single'; correct: string }
	| { kind: 'multiple'; correct: string[] }
	| { kind: 'true_false'; correct: boolean }
	/** item ids in the right order */
	| { kind: 'ordering'; order: string[] }
	/** left id → right id; right may have extra distractors */
	| { kind: 'matching'; pairs: Record<string, string> }
	/** accepted answers; case and spacing never matter; accents optionally */
	| { kind: 'short_text'; answers: string[]; accentInsensitive: boolean }
	/** correct when |response − value| ≤ tolerance */
	| { kind: 'numeric'; value: number; tolerance: number };

export type QuestionResponse =
	| { kind: 'single'; choice: string }
	| { kind: 'multiple'; choices: string[] }
	| { kind: 'true_false'; value: boolean }
	| { kind: 'ordering'; order: string[] }
	| { kind: 'matching'; pairs: Record<string, string> }
	| { kind: 'short_text'; text: string }
	| { kind: 'numeric'; value: number };

/** A question ready to be stored in a bank: the output of import and of the authoring form. */
export interface QuestionDraft {
	kind: QuestionKind;
	/** optional short name (GIFT ::title::), shown to authors only */
	title: string | null;
	prompt: string;
	/** shown at review, when the quiz's review policy allows */
	explanation: string | null;
	points: number;
	content: QuestionContent;
	key: QuestionKey;
}

export const QUESTION_LIMITS = {
	promptMax: 2000,
	titleMax: 200,
	explanationMax: 2000,
	choiceMax: 500,
	choicesMin: 2,
	choicesMax: 10,
	answersMax: 20,
	pointsMax: 100,
	importBytesMax: 1_000_000,
	importQuestionsMax: 500
} as const;
