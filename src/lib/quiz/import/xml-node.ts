// Reading the elements of a Moodle XML file as fast-xml-parser gives them, and their formatted texts.
import type { TextFormat } from '#lib/quiz/question.ts';
import type { NotKeptList } from './not-kept.ts';
import { readPlain, readPrompt, type SourceFormat } from './text-format.ts';

export type XmlNode = Record<string | symbol, unknown>;

export function isNode(value: unknown): value is XmlNode {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function child(node: XmlNode | undefined, name: string): XmlNode | undefined {
	const value = node?.[name];
	return isNode(value) ? value : undefined;
}

export function children(node: XmlNode, name: string): XmlNode[] {
	const value = node[name];
	return Array.isArray(value) ? value.filter(isNode) : [];
}

export function attribute(node: XmlNode | undefined, name: string): string | undefined {
	const value = node?.[`@_${name}`];
	return typeof value === 'string' ? value : undefined;
}

/** The text of an element: its own (<single>true</single>) or that of its <text> child. */
export function textOf(node: XmlNode | undefined, name = 'text'): string {
	const value = node?.[name];
	if (typeof value === 'string') return value;
	// An element with attributes or stray markup inside keeps its text under #text.
	return isNode(value) && typeof value['#text'] === 'string' ? value['#text'] : '';
}

/** Moodle's text formats as the ones we read. Auto-format turns line breaks into <br> and lets HTML through. */
export function source(text: string, format: string): { text: string; format: SourceFormat } {
	if (format === 'html') return { text, format: 'html' };
	if (format === 'moodle_auto_format') return { text: text.replace(/\r?\n/g, '<br>'), format: 'html' };
	return { text, format: format === 'markdown' ? 'markdown' : 'plain' };
}

/** A formatted element (<feedback format="html"><text>…</text></feedback>) as plain text. */
export function plainOf(node: XmlNode | undefined, inherited: string, lost: NotKeptList): string {
	const read = source(textOf(node), attribute(node, 'format') ?? inherited);
	return readPlain(read.text, read.format, lost);
}

/** A question's text as its prompt, Markdown kept as Markdown and HTML reduced to plain text. */
export function promptOf(text: XmlNode | undefined, format: string, lost: NotKeptList): { prompt: string; promptFormat: TextFormat } {
	const read = source(textOf(text), format);
	return readPrompt(read.text, read.format, lost);
}

