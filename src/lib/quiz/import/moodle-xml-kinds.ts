// The question types of Moodle XML, each read into the kind-specific part of a draft as Moodle's own
// importer reads it (question/format/xml/format.php), keeping weights and feedback and noting what it cannot keep.
import type { TextFormat } from '#lib/quiz/question.ts';
import { extractGaps } from './cloze.ts';
import {
	BLANK,
	choiceBody,
	essayBody,
	gapMarker,
	matchingBody,
	numericBody,
	readNumber,
	shortTextBody,
	toChoices,
	trueFalseBody,
	type Body,
	type Failure,
	type NumericSource
} from './drafts.ts';
import type { NotKeptList } from './not-kept.ts';
import { readGappedText } from './text-format.ts';
import { attribute, child, children, isNode, plainOf, source, textOf, type XmlNode } from './xml-node.ts';

function credit(answer: XmlNode): number {
	return readNumber(attribute(answer, 'fraction') ?? '0') ?? 0;
}

function feedbackOf(answer: XmlNode, format: string, lost: NotKeptList): string | null {
	return plainOf(child(answer, 'feedback'), format, lost) || null;
}

function multichoice(question: XmlNode, format: string, lost: NotKeptList): Body | Failure {
	const answers = children(question, 'answer').map((answer) => ({
		text: plainOf(answer, format, lost),
		weight: credit(answer),
		feedback: feedbackOf(answer, format, lost)
	}));
	const single = textOf(question, 'single').trim().toLowerCase();
	// Moodle makes a question single-answer unless <single> says false.
	return choiceBody(answers, single !== 'false' && single !== '0');
}

function truefalse(question: XmlNode, format: string, lost: NotKeptList): Body | Failure {
	// As Moodle does: the answer texts say which is "true"; failing that, the first answer is.
	const answers = children(question, 'answer');
	const saysTrue = (answer: XmlNode, i: number) => {
		const text = textOf(answer).trim().toLowerCase();
		return text === 'true' || (text !== 'false' && i === 0);
	};
	const right = answers.findIndex((answer) => credit(answer) > 0);
	if (right < 0) return { code: 'no_correct_answer' };
	const feedback = { true: null as string | null, false: null as string | null };
	answers.forEach((answer, i) => (feedback[saysTrue(answer, i) ? 'true' : 'false'] = feedbackOf(answer, format, lost)));
	return trueFalseBody(saysTrue(answers[right], right), feedback);
}

function shortanswer(question: XmlNode, format: string, lost: NotKeptList): Body | Failure {
	// Our grading never minds case: a case-sensitive question accepts more than its author meant.
	if (textOf(question, 'usecase').trim() === '1') lost.add('case_sensitivity');
	const answers = children(question, 'answer').map((answer) => ({
		text: textOf(answer).trim(),
		weight: credit(answer),
		feedback: feedbackOf(answer, format, lost)
	}));
	return shortTextBody(answers, lost);
}

function units(question: XmlNode): string[] {
	const unit = child(question, 'units')?.unit;
	return (Array.isArray(unit) ? unit : [unit]).filter(isNode).map((u) => textOf(u, 'unit_name').trim()).filter((name) => name !== '');
}

function numerical(question: XmlNode, format: string, lost: NotKeptList): Body | Failure {
	const answers: NumericSource[] = [];
	for (const answer of children(question, 'answer')) {
		const text = textOf(answer).trim();
		const feedback = feedbackOf(answer, format, lost);
		if (text === '*') {
			answers.push({ catchAll: true, feedback }); // Moodle's catch-all answer for feedback
			continue;
		}
		const value = readNumber(text);
		const tolerance = textOf(answer, 'tolerance').trim() === '' ? 0 : readNumber(textOf(answer, 'tolerance'));
		if (value === null || tolerance === null) return { code: 'invalid_number' };
		answers.push({ value, tolerance, weight: credit(answer), feedback });
	}
	// The learner answers the number alone: units, and the credit they carry, are not kept.
	for (const unit of units(question)) lost.add('numeric_units', unit);
	return numericBody(answers, lost);
}

function matching(question: XmlNode, format: string, lost: NotKeptList): Body | Failure {
	return matchingBody(
		children(question, 'subquestion').map((sub): [string, string] => [plainOf(sub, format, lost), textOf(children(sub, 'answer')[0]).trim()])
	);
}

function ordering(question: XmlNode, format: string, lost: NotKeptList): Body | Failure {
	// qtype_ordering lists the items in their right order.
	const items = toChoices(children(question, 'answer').map((answer) => plainOf(answer, format, lost)));
	return { kind: 'ordering', content: { kind: 'ordering', items }, key: { kind: 'ordering', order: items.map((i) => i.id) } };
}

function essay(question: XmlNode, lost: NotKeptList): Body {
	// What the learner is asked to hand in beyond a text has no counterpart: they always write a text.
	if (textOf(child(question, 'responsetemplate')).trim() !== '') lost.add('moodle_setting', 'responsetemplate');
	if (Number(textOf(question, 'attachments').trim() || 0) !== 0) lost.add('moodle_setting', 'attachments');
	if (textOf(question, 'responseformat').trim() === 'noinline') lost.add('moodle_setting', 'responseformat');
	for (const limit of ['minwordlimit', 'maxwordlimit']) if (Number(textOf(question, limit).trim() || 0) > 0) lost.add('moodle_setting', limit);
	return essayBody(plainOf(child(question, 'graderinfo'), 'html', lost));
}

export function readBody(question: XmlNode, type: string, format: string, lost: NotKeptList): Body | Failure {
	switch (type) {
		case 'multichoice':
			return multichoice(question, format, lost);
		case 'truefalse':
			return truefalse(question, format, lost);
		case 'shortanswer':
			return shortanswer(question, format, lost);
		case 'numerical':
			return numerical(question, format, lost);
		case 'matching':
			return matching(question, format, lost);
		case 'ordering':
			return ordering(question, format, lost);
		case 'essay':
			return essay(question, lost);
		default:
			return { code: 'unsupported_question_type', detail: type || '?' };
	}
}

// While a cloze question's text is converted, each gap is held by a pair of private-use characters around its
// number: they pass through the HTML reader untouched, and nothing an author writes can look like them.
const GAP_OPEN = '\uE00A';
const GAP_CLOSE = '\uE00B';
const HELD_GAP = /\uE00A(\d+)\uE00B/g;

/** A cloze question (Moodle's multianswer): its text, the gaps in it, and the prompt showing them as blanks. */
export function readCloze(text: XmlNode | undefined, lost: NotKeptList): { body: Body; prompt: string; promptFormat: TextFormat } | Failure {
	const held = textOf(text).replace(/[\uE00A\uE00B]/g, '');
	const gaps = extractGaps(held, (n) => `${GAP_OPEN}${n}${GAP_CLOSE}`, lost);
	if ('code' in gaps) return gaps;
	const read = source(gaps.text, attribute(text, 'format') ?? 'moodle_auto_format');
	const { prompt, promptFormat } = readGappedText(read.text, read.format, lost);
	// "{#n}" marks the gaps in the stored text: one the author wrote would be taken for another.
	if (prompt.includes('{#')) return { code: 'invalid_gap_markers' };
	const content = { kind: 'cloze' as const, text: prompt.replace(HELD_GAP, (_, n: string) => gapMarker(Number(n))), gaps: gaps.gaps };
	return { body: { kind: 'cloze', content, key: { kind: 'cloze', gaps: gaps.keys } }, prompt: prompt.replace(HELD_GAP, BLANK), promptFormat };
}

/** Moodle settings a question may carry that have no counterpart here, by the XML element that holds them. */
export function noteSettings(question: XmlNode, lost: NotKeptList): void {
	if (children(question, 'hint').some((hint) => textOf(hint).trim() !== '')) lost.add('moodle_setting', 'hint');
	if (child(question, 'tags')?.tag !== undefined) lost.add('moodle_setting', 'tags');
	if (textOf(question, 'idnumber').trim() !== '') lost.add('moodle_setting', 'idnumber');
}

/** Whether the question embeds files (images, sounds) as <file> elements, which we do not store. */
export function hasFiles(node: XmlNode): boolean {
	return Object.entries(node).some(([name, value]) => name === 'file' || (Array.isArray(value) ? value : [value]).some((item) => isNode(item) && hasFiles(item)));
}
