// Reads Moodle XML question files (https://docs.moodle.org/en/Moodle_XML_format) into question drafts,
// following Moodle's own reader (question/format/xml/format.php) for defaults such as text formats.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { ImportResult } from './result.ts';
import { choiceBody, matchingBody, readNumber, shortTextBody, toChoices, type Body, type Failure } from './drafts.ts';
import { htmlToText } from './html.ts';
import { checkFileSize, collect, fileError, type Parsed, type ParsedAt } from './validate.ts';

type XmlNode = Record<string | symbol, unknown>;

const parser = new XMLParser({
	ignoreAttributes: false,
	attributeNamePrefix: '@_',
	// Texts stay strings ("007" is not 7) and keep their spacing; we trim where it matters.
	parseTagValue: false,
	trimValues: false,
	// Character references (&#233;) outside CDATA are part of XML, but the parser decodes them only with this.
	htmlEntities: true,
	isArray: (name) => name === 'question' || name === 'answer' || name === 'subquestion',
	captureMetaData: true
});
const META = XMLParser.getMetaDataSymbol() as unknown as symbol;

function isNode(value: unknown): value is XmlNode {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function child(node: XmlNode | undefined, name: string): XmlNode | undefined {
	const value = node?.[name];
	return isNode(value) ? value : undefined;
}

function children(node: XmlNode, name: string): XmlNode[] {
	const value = node[name];
	return Array.isArray(value) ? value.filter(isNode) : [];
}

function attribute(node: XmlNode | undefined, name: string): string | undefined {
	const value = node?.[`@_${name}`];
	return typeof value === 'string' ? value : undefined;
}

/** The text of an element: its own (<single>true</single>) or that of its <text> child. */
function textOf(node: XmlNode | undefined, name = 'text'): string {
	const value = node?.[name];
	if (typeof value === 'string') return value;
	// An element with attributes or stray markup inside keeps its text under #text.
	return isNode(value) && typeof value['#text'] === 'string' ? value['#text'] : '';
}

/** Plain text of a <text> written in the given Moodle format. */
function toPlain(text: string, format: string): string {
	if (format === 'html') return htmlToText(text);
	// Moodle's auto-format turns line breaks into <br> and lets HTML through, so read it as HTML the same way.
	if (format === 'moodle_auto_format') return htmlToText(text.replace(/\r?\n/g, '<br>'));
	return text.trim();
}

/** A formatted text element (<questiontext format="html"><text>…</text></questiontext>) as plain text. */
function formatted(node: XmlNode | undefined, inherited: string): string {
	return toPlain(textOf(node), attribute(node, 'format') ?? inherited);
}

function credit(answer: XmlNode): number {
	return readNumber(attribute(answer, 'fraction') ?? '0') ?? 0;
}

function multichoice(question: XmlNode, format: string): Body | Failure {
	const answers = children(question, 'answer');
	const single = textOf(question, 'single').trim().toLowerCase();
	// Moodle makes a question single-answer unless <single> says false.
	return choiceBody(
		answers.map((answer) => formatted(answer, format)),
		answers.map(credit),
		single !== 'false' && single !== '0'
	);
}

function truefalse(question: XmlNode): Body | Failure {
	// As Moodle does: the answer texts say which is "true"; failing that, the first answer is.
	const right = children(question, 'answer').find((answer) => credit(answer) > 0);
	if (!right) return { code: 'no_correct_answer' };
	const text = textOf(right).trim().toLowerCase();
	const correct = text === 'true' || (text !== 'false' && children(question, 'answer')[0] === right);
	return { kind: 'true_false', content: { kind: 'true_false' }, key: { kind: 'true_false', correct } };
}

function shortanswer(question: XmlNode): Body | Failure {
	// <usecase> is not kept: our grading never minds case. Partly right answers earn nothing here.
	const answers = children(question, 'answer').filter((answer) => credit(answer) >= 100);
	return shortTextBody(answers.map((answer) => textOf(answer).trim()));
}

function numerical(question: XmlNode): Body | Failure {
	let found: { value: number; tolerance: number } | null = null;
	for (const answer of children(question, 'answer')) {
		const text = textOf(answer).trim();
		if (text === '*') continue; // Moodle's catch-all answer for feedback
		const value = readNumber(text);
		const tolerance = textOf(answer, 'tolerance').trim() === '' ? 0 : readNumber(textOf(answer, 'tolerance'));
		if (value === null || tolerance === null) return { code: 'invalid_number' };
		// Units (<units>) are not kept: the learner answers the number alone.
		if (found === null && credit(answer) >= 100) found = { value, tolerance };
	}
	if (found === null) return { code: 'no_correct_answer' };
	return { kind: 'numeric', content: { kind: 'numeric' }, key: { kind: 'numeric', ...found } };
}

function matching(question: XmlNode, format: string): Body | Failure {
	return matchingBody(
		children(question, 'subquestion').map((sub): [string, string] => [
			formatted(sub, format),
			textOf(children(sub, 'answer')[0]).trim()
		])
	);
}

function ordering(question: XmlNode, format: string): Body | Failure {
	// qtype_ordering lists the items in their right order.
	const items = toChoices(children(question, 'answer').map((answer) => formatted(answer, format)));
	return { kind: 'ordering', content: { kind: 'ordering', items }, key: { kind: 'ordering', order: items.map((i) => i.id) } };
}

function readBody(question: XmlNode, type: string, format: string): Body | Failure {
	switch (type) {
		case 'multichoice':
			return multichoice(question, format);
		case 'truefalse':
			return truefalse(question);
		case 'shortanswer':
			return shortanswer(question);
		case 'numerical':
			return numerical(question);
		case 'matching':
			return matching(question, format);
		case 'ordering':
			return ordering(question, format);
		default:
			return { code: 'unsupported_question_type', detail: type || '?' };
	}
}

/**
 * Whether some <text> holds elements: HTML neither escaped nor in CDATA, which the parser splits into child
 * elements so that words would go missing. Such a question is refused rather than imported with holes.
 */
function hasRawMarkup(node: XmlNode): boolean {
	return Object.entries(node).some(([name, value]) =>
		(Array.isArray(value) ? value : [value]).some((item) => {
			if (!isNode(item)) return false;
			if (name === 'text' && Object.keys(item).some((key) => key !== '#text' && !key.startsWith('@_'))) return true;
			return hasRawMarkup(item);
		})
	);
}

function readQuestion(question: XmlNode): Parsed {
	const type = attribute(question, 'type') ?? '';
	const text = child(question, 'questiontext');
	const format = attribute(text, 'format') ?? 'moodle_auto_format';
	const body = readBody(question, type, format);
	if ('code' in body && body.code === 'unsupported_question_type') return body;
	if (hasRawMarkup(question)) return { code: 'unescaped_html' };
	if ('code' in body) return body;
	const grade = textOf(question, 'defaultgrade').trim();
	const points = grade === '' ? 1 : readNumber(grade);
	if (points === null) return { code: 'invalid_points' };
	return {
		draft: {
			kind: body.kind,
			title: textOf(child(question, 'name')).trim() || null,
			prompt: formatted(text, 'moodle_auto_format'),
			explanation: formatted(child(question, 'generalfeedback'), format) || null,
			// points are stored with two decimals; Moodle writes defaultgrade with seven.
			points: Math.round(points * 100) / 100,
			content: body.content,
			key: body.key
		}
	};
}

/** 1-based line of each character offset, for offsets given in increasing order. */
function lineCounter(text: string): (offset: number | undefined) => number | null {
	let line = 1;
	let at = 0;
	return (offset) => {
		if (offset === undefined || offset < at) return null;
		for (; at < offset; at++) if (text.charCodeAt(at) === 10) line++;
		return line;
	};
}

/** Declarations the parser would expand (entities, external DTDs); no real Moodle export has one. */
function hasDoctype(text: string): boolean {
	const outsideCdata = text.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '').replace(/<!--[\s\S]*?-->/g, '');
	return /<!(DOCTYPE|ENTITY)/i.test(outsideCdata);
}

/** Reads a Moodle XML file: every question, or every error found (an import is all or nothing). */
export function parseMoodleXml(source: string): ImportResult {
	const tooLarge = checkFileSize(source);
	if (tooLarge) return tooLarge;
	const text = source.replace(/^\uFEFF/, '');
	if (text.trim() === '') return fileError('empty_file');
	if (hasDoctype(text)) return fileError('forbidden_doctype');
	// The parser itself is lenient about unclosed tags, so the well-formedness check comes first.
	const valid = XMLValidator.validate(text);
	if (valid !== true) return fileError('invalid_xml', valid.err.msg, valid.err.line);
	let document: unknown;
	try {
		document = parser.parse(text);
	} catch (error) {
		// What the validator lets through but the parser's own limits refuse (nesting deeper than 100 tags).
		return fileError('invalid_xml', error instanceof Error ? error.message : String(error));
	}
	const roots = isNode(document) ? Object.keys(document).filter((name) => name !== '?xml') : [];
	if (!isNode(document) || roots.length !== 1 || roots[0] !== 'quiz') return fileError('not_moodle_xml');
	const quiz = child(document, 'quiz') ?? {};
	const lineOf = lineCounter(text);
	const questions: ParsedAt[] = (Array.isArray(quiz.question) ? quiz.question : [])
		// A self-closed <question/> reads as an empty string: keep it so that it is counted and reported.
		.map((question: unknown) => (isNode(question) ? question : {}))
		// Categories organise a Moodle bank; ours has none, so they are skipped and not counted.
		.filter((question) => attribute(question, 'type') !== 'category')
		.map((question) => {
			const meta = question[META];
			const offset = isNode(meta) && typeof meta.startIndex === 'number' ? meta.startIndex : undefined;
			return { line: lineOf(offset), parsed: readQuestion(question) };
		});
	return collect(questions);
}
