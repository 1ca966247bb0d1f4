// Moodle's embedded answers (the "cloze" or multianswer question, https://docs.moodle.org/en/Embedded_Answers_(Cloze)_question_type):
// "{1:SHORTANSWER:=Berlin#Right!~%50%Berlin, Germany#Partly}" in a question's text. The regular expressions
// are those of qtype_multianswer_extract_question (question/type/multianswer/questiontype.php).
import { QUESTION_LIMITS, type GapContent, type GapKey } from '#lib/quiz/question.ts';
import { choiceBody, numericBody, shortTextBody, toGap, tidyNumber, type Answer, type Body, type Failure, type NumericSource } from './drafts.ts';
import type { NotKeptList } from './not-kept.ts';
import { validPoints } from './shape.ts';
import { readPlain } from './text-format.ts';

const FRACTION = String.raw`=|%(-?[0-9]+(?:[.,][0-9]*)?)%`;
// An answer ends before an unescaped "~", "#" or "}" (an "&" before "#" is an HTML character reference).
const ANSWER = String.raw`.+?(?<!\\|&|&amp;)(?=[~#}]|$)`;
const FEEDBACK = String.raw`.*?(?<!\\)(?=[~}]|$)`;
const ALTERNATIVE = `(${FRACTION})?(${ANSWER})(#(${FEEDBACK}))?`;

type GapType = 'numeric' | 'short_text' | 'short_text_case' | 'single' | 'multiple';

/** Every type name Moodle knows, long and short; layout and shuffling variants have no counterpart (we always shuffle). */
const TYPES: Record<string, GapType> = {
	NUMERICAL: 'numeric',
	NM: 'numeric',
	SHORTANSWER: 'short_text',
	SA: 'short_text',
	MW: 'short_text',
	SHORTANSWER_C: 'short_text_case',
	SAC: 'short_text_case',
	MWC: 'short_text_case',
	...Object.fromEntries(
		['MULTICHOICE', 'MC', 'MULTICHOICE_V', 'MCV', 'MULTICHOICE_H', 'MCH', 'MULTICHOICE_S', 'MCS', 'MULTICHOICE_VS', 'MCVS', 'MULTICHOICE_HS', 'MCHS'].map((t) => [t, 'single' as const])
	),
	...Object.fromEntries(['MULTIRESPONSE', 'MR', 'MULTIRESPONSE_H', 'MRH', 'MULTIRESPONSE_S', 'MRS', 'MULTIRESPONSE_HS', 'MRHS'].map((t) => [t, 'multiple' as const]))
};

const GAP = new RegExp(String.raw`\{([0-9]*):(${Object.keys(TYPES).join('|')}):(${ALTERNATIVE}(?:~${ALTERNATIVE})*)\}`, 'gs');
const ONE_ALTERNATIVE = new RegExp(`~?${ALTERNATIVE}`, 's');
/** What is left of an embedded answer Moodle could not read either: a type it does not know, or a broken one. */
const LEFTOVER = /\{[0-9]*:([A-Za-z_]+):/;
const NUMBER = String.raw`-?(?:[0-9]+[.,]?[0-9]*|[.,][0-9]+)(?:[eE][-+]?[0-9]+)?`;
const NUMERIC_ANSWER = new RegExp(`^(${NUMBER})(?::(${NUMBER}))?$`);

interface Alternative {
	weight: number;
	/** a "%n%" fraction was written (Moodle's $hasspecificfraction; "%0%" does not count, as in PHP) */
	specific: boolean;
	answer: string;
	feedback: string | null;
}

/** Moodle's escapes inside an embedded answer; "\~" too, which Moodle's regular expression already honours. */
function unescape(text: string): string {
	return text.replace(/\\([}#~\\])/g, '$1');
}

/** The alternatives of one gap, in order, as Moodle's loop over ANSWER_ALTERNATIVE_REGEX finds them. */
function alternatives(source: string): Alternative[] {
	const found: Alternative[] = [];
	let rest = source;
	for (let match = ONE_ALTERNATIVE.exec(rest); match !== null && rest !== ''; match = ONE_ALTERNATIVE.exec(rest)) {
		const [whole, fraction, percent, answer, , feedback] = match;
		const weight = fraction === '=' ? 100 : percent !== undefined ? Number(percent.replace(',', '.')) : 0;
		found.push({ weight, specific: percent !== undefined && percent !== '0', answer, feedback: feedback === undefined ? null : feedback });
		rest = rest.slice(rest.indexOf(whole) + whole.length);
	}
	return found;
}

function readNumber(text: string): number {
	return Number(text.replace(',', '.'));
}

/**
 * Moodle makes the right answers of a multiple-response gap share 100 % in proportion to their fractions, and,
 * when no fraction was written, makes each wrong answer take one right answer's share away.
 */
function multipleWeights(found: Alternative[]): number[] {
	const total = found.reduce((sum, alt) => sum + Math.max(alt.weight, 0), 0);
	if (total === 0) return found.map((alt) => alt.weight);
	const specific = found.some((alt) => alt.specific);
	return found.map((alt) => {
		if (alt.weight > 0) return tidyNumber(Number(((alt.weight / total) * 100).toFixed(5)));
		return specific ? alt.weight : tidyNumber(Number((-(100 / total) * 100).toFixed(5)));
	});
}

function gapBody(type: GapType, found: Alternative[], lost: NotKeptList): Body | Failure {
	// Moodle reads the answers of a gap as HTML, whatever the question's format.
	const plain = (text: string) => readPlain(unescape(text), 'html', lost);
	const feedback = (alt: Alternative) => (alt.feedback === null ? null : plain(alt.feedback) || null);
	if (type === 'numeric') {
		const answers: NumericSource[] = [];
		for (const alt of found) {
			const text = alt.answer.trim();
			if (text === '*') {
				answers.push({ catchAll: true, feedback: feedback(alt) });
				continue;
			}
			const number = NUMERIC_ANSWER.exec(text);
			if (number === null) return { code: 'invalid_number' };
			answers.push({ value: readNumber(number[1]), tolerance: number[2] === undefined ? 0 : readNumber(number[2]), weight: alt.weight, feedback: feedback(alt) });
		}
		return numericBody(answers, lost);
	}
	const weights = type === 'multiple' ? multipleWeights(found) : found.map((alt) => alt.weight);
	const answers: Answer[] = found.map((alt, i) => ({ text: plain(alt.answer), weight: weights[i], feedback: feedback(alt) }));
	if (type === 'single' || type === 'multiple') return choiceBody(answers, type === 'single');
	// Our short answers never mind case: a case-sensitive gap accepts more than its author meant.
	if (type === 'short_text_case') lost.add('case_sensitivity');
	return shortTextBody(answers, lost);
}

export interface EmbeddedAnswers {
	/** the text with each gap replaced by mark(n), n from 1 */
	text: string;
	gaps: GapContent[];
	keys: GapKey[];
}

/** Takes the embedded answers out of a question's text (HTML as Moodle stores it), or says why it cannot. */
export function extractGaps(text: string, mark: (n: number) => string, lost: NotKeptList): EmbeddedAnswers | Failure {
	const gaps: GapContent[] = [];
	const keys: GapKey[] = [];
	const failures: Failure[] = [];
	const replaced = text.replace(GAP, (_whole, norm: string, type: string, source: string) => {
		const body = gapBody(TYPES[type], alternatives(source), lost);
		if ('code' in body) {
			failures.push(body);
			return '';
		}
		// The leading number weighs the gap within the question; Moodle's default is 1.
		const points = norm === '' ? 1 : Number(norm);
		if (!validPoints(points, QUESTION_LIMITS.gapPointsMax)) {
			failures.push({ code: 'invalid_gap_points' });
			return '';
		}
		const gap = toGap(body, points)!;
		gaps.push(gap.content);
		keys.push(gap.key);
		return mark(gaps.length);
	});
	if (failures.length) return failures[0];
	const leftover = LEFTOVER.exec(replaced);
	if (leftover) return { code: 'invalid_gap', detail: leftover[1] };
	if (gaps.length === 0) return { code: 'no_gaps' };
	return { text: replaced, gaps, keys };
}
