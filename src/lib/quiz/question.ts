// The shape of a question as the database stores it: what a learner may see (content) and the answer key
// (key), which only the grading functions and the bank's authors read. Import, export, authoring and
// the SQL check private.check_question_shape() all follow these types.
//
// Ids in a bank's content ('a', 'b', …) are the author's. A learner never sees them: each attempt gets its
// own copy of content and key with fresh random ids and its own order (private.disguise_question), so
// nothing in a page can encode the key.

export const QUESTION_KINDS = ['single', 'multiple', 'true_false', 'ordering', 'matching', 'short_text', 'numeric', 'essay', 'cloze'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

/** The kinds a gap of a cloze question may be. */
export const GAP_KINDS = ['single', 'multiple', 'short_text', 'numeric'] as const;
export type GapKind = (typeof GAP_KINDS)[number];

/** How the prompt is written: plain text, or Markdown (rendered through the lesson document model, never raw HTML). */
export type TextFormat = 'plain' | 'markdown';

/** A choice, an item to order, or one side of a matching pair. Ids are short and stable within a question ('a', 'b', …). */
export interface Choice {
	id: string;
	text: string;
}

/** Credit in percent (−100…100) per choice id, as Moodle's answer fractions; absent: the default rule. */
export type Weights = Record<string, number>;
/** Feedback shown at review next to the choice the learner picked (Moodle's per-answer feedback). */
export type ChoiceFeedback = Record<string, string>;

export type GapContent =
	| { kind: 'single' | 'multiple'; options: Choice[] }
	| { kind: 'short_text' }
	| { kind: 'numeric' };

export type GapKey = { points: number } & (
	| { kind: 'single'; correct: string; weights?: Weights; feedback?: ChoiceFeedback }
	| { kind: 'multiple'; correct: string[]; weights?: Weights; feedback?: ChoiceFeedback }
	| { kind: 'short_text'; answers: string[]; accentInsensitive: boolean; weights?: number[]; feedback?: (string | null)[] }
	| { kind: 'numeric'; value: number; tolerance: number; feedback?: string; partial?: NumericAnswer[] }
);

export interface NumericAnswer {
	value: number;
	tolerance: number;
	/** percent, 1…99 */
	weight: number;
	feedback?: string;
}

export type QuestionContent =
	| { kind: 'single' | 'multiple'; options: Choice[] }
	| { kind: 'true_false' }
	| { kind: 'ordering'; items: Choice[] }
	| { kind: 'matching'; left: Choice[]; right: Choice[] }
	| { kind: 'short_text' }
	| { kind: 'numeric' }
	| { kind: 'essay' }
	/** text holds one "{#n}" marker per gap (n from 1), where the gap's field is shown */
	| { kind: 'cloze'; text: string; gaps: GapContent[] };

export type QuestionKey =
	/** weights: when present, the chosen choice earns its weight (negative counts as 0); weights[correct] = 100 */
	| { kind: 'single'; correct: string; weights?: Weights; feedback?: ChoiceFeedback }
	/**
	 * Without weights: each correct choice ticked earns 1/C, each wrong one takes 1/C away (C = correct choices).
	 * With weights: the sum of the ticked choices' weights, between 0 and 100 %; correct = the ids weighted > 0.
	 */
	| { kind: 'multiple'; correct: string[]; weights?: Weights; feedback?: ChoiceFeedback }
	| { kind: 'true_false'; correct: boolean; feedback?: { true?: string; false?: string } }
	/** item ids in the right order */
	| { kind: 'ordering'; order: string[] }
	/** left id → right id; right may have extra distractors */
	| { kind: 'matching'; pairs: Record<string, string> }
	/**
	 * accepted answers; case and spacing never matter; accents optionally. weights (aligned with answers, percent
	 * 1…100, at least one 100) give partial credit; feedback (aligned) is shown when that answer was given.
	 */
	| { kind: 'short_text'; answers: string[]; accentInsensitive: boolean; weights?: number[]; feedback?: (string | null)[] }
	/** correct when |response − value| ≤ tolerance; partial answers earn their weight */
	| { kind: 'numeric'; value: number; tolerance: number; feedback?: string; partial?: NumericAnswer[] }
	/** graded by a person; graderInfo is shown to the grader only */
	| { kind: 'essay'; graderInfo?: string }
	/** one key per gap, in order; a gap's points weigh it within the question's points */
	| { kind: 'cloze'; gaps: GapKey[] };

export type GapResponse =
	| { choice: string }
	| { choices: string[] }
	| { text: string }
	| { value: number };

export type QuestionResponse =
	| { kind: 'single'; choice: string }
	| { kind: 'multiple'; choices: string[] }
	| { kind: 'true_false'; value: boolean }
	| { kind: 'ordering'; order: string[] }
	| { kind: 'matching'; pairs: Record<string, string> }
	| { kind: 'short_text'; text: string }
	| { kind: 'numeric'; value: number }
	| { kind: 'essay'; text: string }
	/** one per gap, null where the gap was left empty */
	| { kind: 'cloze'; gaps: (GapResponse | null)[] };

/** A question ready to be stored in a bank: the output of import and of the authoring form. */
export interface QuestionDraft {
	kind: QuestionKind;
	/** optional short name (GIFT ::title::), shown to authors only */
	title: string | null;
	/** plain text, or Markdown source when promptFormat is 'markdown' (a cloze's prompt shows its gaps as "_____") */
	prompt: string;
	promptFormat: TextFormat;
	/** shown at review, when the quiz's review policy allows (Moodle's general feedback) */
	explanation: string | null;
	points: number;
	content: QuestionContent;
	key: QuestionKey;
	/** the category path in the bank (GIFT $CATEGORY:, Moodle XML category), outermost first; [] for the bank's top */
	category: string[];
	/** what the file said that this draft could not keep (shown to the author before the import is confirmed) */
	notKept: NotKept[];
}

/** Something of the source an import had to leave out or change; a message under quiz_import.not_kept. */
export interface NotKept {
	code: NotKeptCode;
	/** shown in the message as {{detail}} */
	detail?: string;
}

export const NOT_KEPT_CODES = [
	// formatting in answers or feedback reduced to plain text
	'answer_formatting',
	// HTML formatting of a prompt reduced to plain text
	'html_formatting',
	// an image or other media embedded in the text
	'embedded_media',
	// a Moodle wildcard/regular-expression answer, case-sensitive short answers, …
	'case_sensitivity',
	// Moodle numeric units
	'numeric_units',
	// hints, penalty, tags, id numbers: Moodle settings with no counterpart
	'moodle_setting',
	// feedback for a wrong typed answer (a 0 % or "*" short or numeric answer): only right answers are kept
	'wrong_answer_feedback',
	// Markdown formatting of a text with gaps reduced to plain text (its fields sit inside the sentence)
	'cloze_formatting'
] as const;
export type NotKeptCode = (typeof NOT_KEPT_CODES)[number];

export const QUESTION_LIMITS = {
	promptMax: 2000,
	titleMax: 200,
	explanationMax: 2000,
	feedbackMax: 1000,
	choiceMax: 500,
	choicesMin: 2,
	choicesMax: 10,
	answersMax: 20,
	gapsMax: 20,
	gapPointsMax: 100,
	essayMax: 10000,
	categoryDepthMax: 5,
	categoryNameMax: 100,
	pointsMax: 100,
	importBytesMax: 1_000_000,
	importQuestionsMax: 500
} as const;
