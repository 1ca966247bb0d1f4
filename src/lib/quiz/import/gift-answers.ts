// The answer block of a GIFT question ("{…}", general feedback already taken off), read as Moodle reads it:
// the same rules decide the kind, in the same order, and weights and per-answer feedback are kept.
import {
	choiceBody,
	essayBody,
	matchingBody,
	numericBody,
	readNumber,
	shortTextBody,
	tidyNumber,
	trueFalseBody,
	type Answer,
	type Body,
	type Failure,
	type NumericSource
} from './drafts.ts';
import { giftPlain, showEscapes, splitFeedback, type GiftFormat } from './gift-text.ts';
import type { NotKeptList } from './not-kept.ts';

/** A leading "%50%" credit, as a percentage, and the text after it (Moodle's answerweightparser). */
function readWeight(text: string): { weight: number; text: string } | null {
	const match = /^%(-?\d+(?:\.\d*)?)%/.exec(text);
	return match ? { weight: Number(match[1]), text: text.slice(match[0].length) } : null;
}

/** Splits an answer block before each marker character; text before the first marker counts if not blank. */
function splitAnswers(block: string, markers: string): Array<{ mark: string; text: string }> {
	const parts: Array<{ mark: string; text: string }> = [];
	let mark = '';
	let start = 0;
	for (let i = 0; i < block.length; i++) {
		if (!markers.includes(block[i])) continue;
		parts.push({ mark, text: block.slice(start, i).trim() });
		mark = block[i];
		start = i + 1;
	}
	parts.push({ mark, text: block.slice(start).trim() });
	if (parts[0].mark === '' && parts[0].text === '') parts.shift();
	return parts;
}

/** An answer's text and feedback, each in the question's format unless it names its own. */
function answer(text: string, weight: number, format: GiftFormat, lost: NotKeptList): Answer {
	const [body, feedback] = splitFeedback(text);
	return { text: giftPlain(body, format, lost), weight, feedback: feedback === null ? null : giftPlain(feedback, format, lost) || null };
}

function choices(block: string, format: GiftFormat, lost: NotKeptList): Body | Failure {
	const answers: Answer[] = [];
	let hasEquals = false;
	for (const part of splitAnswers(block, '~=')) {
		// As in Moodle, "=" means full credit and is never followed by a weight; only "~" answers carry one.
		const weighted = part.mark === '=' ? null : readWeight(part.text);
		hasEquals ||= part.mark === '=';
		answers.push(answer(weighted ? weighted.text : part.text, part.mark === '=' ? 100 : (weighted?.weight ?? 0), format, lost));
	}
	// Moodle makes a choice with an "=" answer single; without one, the weights say which answers are right.
	return choiceBody(answers, hasEquals);
}

function matching(block: string, format: GiftFormat, lost: NotKeptList): Body | Failure {
	const pairs: Array<[string, string]> = [];
	for (const part of splitAnswers(block, '=')) {
		const arrow = part.text.indexOf('->');
		if (arrow < 0) return { code: 'unmatched_pair' };
		pairs.push([giftPlain(part.text.slice(0, arrow), format, lost), showEscapes(part.text.slice(arrow + 2)).trim()]);
	}
	return matchingBody(pairs);
}

function shortText(block: string, format: GiftFormat, lost: NotKeptList): Body | Failure {
	const answers = splitAnswers(block, '=').map((part) => {
		const weighted = readWeight(part.text);
		return answer(weighted ? weighted.text : part.text, weighted?.weight ?? 100, format, lost);
	});
	return shortTextBody(answers, lost);
}

/** "3.14:0.01", "1..5" or "3.14" as value and tolerance; null when not numbers. */
function readNumeric(text: string): { value: number; tolerance: number } | null {
	const range = text.indexOf('..');
	if (range > 0) {
		const min = readNumber(text.slice(0, range));
		const max = readNumber(text.slice(range + 2));
		if (min === null || max === null) return null;
		const value = tidyNumber((min + max) / 2);
		return { value, tolerance: tidyNumber(max - value) };
	}
	const colon = text.indexOf(':');
	const value = readNumber(colon > 0 ? text.slice(0, colon) : text);
	const tolerance = colon > 0 ? readNumber(text.slice(colon + 1)) : 0;
	return value === null || tolerance === null ? null : { value, tolerance };
}

function numeric(block: string, format: GiftFormat, lost: NotKeptList): Body | Failure {
	// "~" starts the feedback for any other answer, after a "#" as Moodle writes it ("~#Chưa đúng").
	const tilde = block.indexOf('~');
	const answers: NumericSource[] = [];
	for (const part of splitAnswers(tilde < 0 ? block : block.slice(0, tilde), '=')) {
		const weighted = readWeight(part.text);
		const [text, feedbackText] = splitFeedback(weighted ? weighted.text : part.text);
		const feedback = feedbackText === null ? null : giftPlain(feedbackText, format, lost) || null;
		if (text.trim() === '*') {
			answers.push({ catchAll: true, feedback }); // Moodle's catch-all answer for feedback
			continue;
		}
		const number = readNumeric(text.trim());
		if (number === null) return { code: 'invalid_number' };
		answers.push({ ...number, weight: weighted?.weight ?? 100, feedback });
	}
	if (tilde >= 0) answers.push({ catchAll: true, feedback: splitFeedback(block.slice(tilde + 1))[1] });
	return numericBody(answers, lost);
}

/**
 * True/false: "{T#wrong#right}". As in Moodle, the first feedback is shown to a learner who answers wrongly
 * and the second to one who answers rightly; we key them by the answer given.
 */
function trueFalse(block: string, correct: boolean, format: GiftFormat, lost: NotKeptList): Body {
	// Moodle's explode('#', $answer, 3): a third "#" belongs to the second feedback.
	const [, wrongText, ...rightParts] = block.split('#');
	const plain = (text: string | undefined) => (text?.trim() ? giftPlain(text, format, lost) || null : null);
	const wrong = plain(wrongText);
	const right = plain(rightParts.length ? rightParts.join('#') : undefined);
	return trueFalseBody(correct, { true: correct ? right : wrong, false: correct ? wrong : right });
}

/** Decides the kind as Moodle does, in the same order: the first rule that fits wins. */
export function readAnswers(block: string, format: GiftFormat, lost: NotKeptList): Body | Failure {
	if (block === '') return essayBody('');
	if (block.startsWith('#')) return numeric(block.slice(1), format, lost);
	if (block.includes('~')) return choices(block, format, lost);
	if (block.includes('=') && block.includes('->')) return matching(block, format, lost);
	const truth = splitFeedback(block)[0].trim().toUpperCase();
	if (truth === 'T' || truth === 'TRUE' || truth === 'F' || truth === 'FALSE') return trueFalse(block, truth.startsWith('T'), format, lost);
	return shortText(block, format, lost);
}
