// Reads Moodle XML question files (https://docs.moodle.org/en/Moodle_XML_format) into question drafts,
// following Moodle's own reader (question/format/xml/format.php) for defaults such as text formats, keeping
// weights, feedback, categories and cloze gaps, and noting the settings it cannot keep.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { ImportResult } from './result.ts';
import { readCategoryPath } from './category.ts';
import { readNumber } from './drafts.ts';
import { hasFiles, noteSettings, readBody, readCloze } from './moodle-xml-kinds.ts';
import { NotKeptList } from './not-kept.ts';
import { checkFileSize, collect, fileError, type Parsed, type ParsedAt } from './validate.ts';
import { attribute, child, isNode, plainOf, promptOf, textOf, type XmlNode } from './xml-node.ts';

const parser = new XMLParser({
	ignoreAttributes: false,
	attributeNamePrefix: '@_',
	// Texts stay strings ("007" is not 7) and keep their spacing; we trim where it matters.
	parseTagValue: false,
	trimValues: false,
	// Character references (&#233;) outside CDATA are part of XML, but the parser decodes them only with this.
	htmlEntities: true,
	isArray: (name) => name === 'question' || name === 'answer' || name === 'subquestion' || name === 'hint',
	captureMetaData: true
});
const META = XMLParser.getMetaDataSymbol() as unknown as symbol;

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

function readQuestion(question: XmlNode, category: string[]): Parsed {
	const type = attribute(question, 'type') ?? '';
	const text = child(question, 'questiontext');
	const format = attribute(text, 'format') ?? 'moodle_auto_format';
	const lost = new NotKeptList();
	const read = type === 'cloze' ? readCloze(text, lost) : readBody(question, type, format, lost);
	if ('code' in read && read.code === 'unsupported_question_type') return read;
	if (hasRawMarkup(question)) return { code: 'unescaped_html' };
	if ('code' in read) return read;
	const { body, prompt, promptFormat } = 'body' in read ? read : { body: read, ...promptOf(text, format, lost) };
	// Moodle weighs a cloze question by its gaps (qtype_multianswer_extract_question); others by defaultgrade.
	const grade = textOf(question, 'defaultgrade').trim() || '1';
	const points = body.key.kind === 'cloze' ? body.key.gaps.reduce((sum, gap) => sum + gap.points, 0) : readNumber(grade);
	if (points === null) return { code: 'invalid_points' };
	noteSettings(question, lost);
	if (hasFiles(question)) lost.add('embedded_media');
	return {
		draft: {
			kind: body.kind,
			title: textOf(child(question, 'name')).trim() || null,
			prompt,
			promptFormat,
			explanation: plainOf(child(question, 'generalfeedback'), format, lost) || null,
			// points are stored with two decimals; Moodle writes defaultgrade with seven.
			points: Math.round(points * 100) / 100,
			content: body.content,
			key: body.key,
			category,
			notKept: lost.list()
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
	const questions: ParsedAt[] = [];
	// A category "question" puts the questions after it, up to the next one, in that category; it is not counted.
	let category: string[] = [];
	for (const item of Array.isArray(quiz.question) ? quiz.question : []) {
		// A self-closed <question/> reads as an empty string: keep it so that it is counted and reported.
		const question: XmlNode = isNode(item) ? item : {};
		if (attribute(question, 'type') === 'category') {
			category = readCategoryPath(textOf(child(question, 'category')));
			continue;
		}
		const meta = question[META];
		const offset = isNode(meta) && typeof meta.startIndex === 'number' ? meta.startIndex : undefined;
		questions.push({ line: lineOf(offset), parsed: readQuestion(question, category) });
	}
	return collect(questions);
}
