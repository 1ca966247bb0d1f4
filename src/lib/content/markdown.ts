// Markdown (question prompts imported from Moodle, written by authors) as a lesson document, so that it is
// shown by the same renderer, with the same escaping and URL rules, as every lesson body. Raw HTML is never
// passed through: markdown-it runs with html off, so "<script>" stays text.
import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import type { JSONContent } from '@tiptap/core';
import { isSafeUrl, validateDocument } from './document.ts';
import { renderLessonBody } from './render.ts';

// Tables have no node in the lesson schema: their source stays readable as text. linkify and typographer
// stay off so that text is shown as written.
const md = new MarkdownIt('default', { html: false, linkify: false, typographer: false }).disable(['table']);
// markdown-it would leave "[text](javascript:…)" as literal source; every target is parsed instead and judged
// below by the rule lesson bodies follow (isSafeUrl), which keeps the link's text only. Images never become nodes.
md.validateLink = () => true;

type Mark = NonNullable<JSONContent['marks']>[number];

/** The schema's order of marks: ProseMirror refuses a text node whose marks are listed in another order. */
const MARK_ORDER = ['link', 'bold', 'italic', 'strike', 'underline'];
const MARK_OF: Record<string, string> = { strong_open: 'bold', em_open: 'italic', s_open: 'strike' };

export interface ConvertedMarkdown {
	doc: JSONContent;
	/** images were left out: the site shows only its own images, and an imported file's live elsewhere */
	droppedMedia: boolean;
	/** the text has formatting (more than plain paragraphs), which a plain-text field would lose */
	formatted: boolean;
	/** what a reader sees, as plain text: blocks and hard breaks on their own lines */
	text: string;
}

interface State {
	droppedMedia: boolean;
	formatted: boolean;
}

function sameMarks(a: Mark[] = [], b: Mark[] = []): boolean {
	return JSON.stringify(a) === JSON.stringify(b);
}

function addText(nodes: JSONContent[], text: string, marks: Mark[]): void {
	if (text === '') return;
	const last = nodes.at(-1);
	if (last?.type === 'text' && sameMarks(last.marks, marks)) {
		last.text += text;
		return;
	}
	const sorted = [...marks].sort((a, b) => MARK_ORDER.indexOf(a.type) - MARK_ORDER.indexOf(b.type));
	nodes.push(sorted.length ? { type: 'text', text, marks: sorted } : { type: 'text', text });
}

/** The inline content of a paragraph or heading. */
function inline(tokens: Token[], state: State): JSONContent[] {
	const nodes: JSONContent[] = [];
	// One entry per open mark token; null for a link whose URL is unsafe (its text stays, unlinked).
	const open: (Mark | null)[] = [];
	const marks = () => open.filter((mark): mark is Mark => mark !== null);
	for (const token of tokens) {
		if (token.type === 'text' || token.type === 'text_special' || token.type === 'code_inline') {
			addText(nodes, token.content, marks());
			if (token.type === 'code_inline') state.formatted = true;
		} else if (token.type === 'softbreak') {
			addText(nodes, ' ', marks());
		} else if (token.type === 'hardbreak') {
			nodes.push({ type: 'hardBreak' });
			state.formatted = true;
		} else if (token.type === 'image') {
			// The alt text keeps what the image was meant to say.
			state.droppedMedia = true;
			addText(nodes, token.content, marks());
		} else if (token.type === 'link_open') {
			const href = token.attrGet('href');
			open.push(isSafeUrl(href, true) ? { type: 'link', attrs: { href } } : null);
			state.formatted = true;
		} else if (MARK_OF[token.type]) {
			open.push({ type: MARK_OF[token.type] });
			state.formatted = true;
		} else if (token.nesting === -1) {
			open.pop();
		}
	}
	return nodes;
}

function headingLevel(tag: string): number {
	// The lesson schema has levels 2 and 3 only: h1 and h2 become 2, smaller ones 3.
	return Number(tag.slice(1)) <= 2 ? 2 : 3;
}

/** The node a block token opens, or null for one that has no counterpart (its content is kept). */
function openBlock(token: Token): JSONContent | null {
	switch (token.type) {
		case 'paragraph_open':
			return { type: 'paragraph', content: [] };
		case 'heading_open':
			return { type: 'heading', attrs: { level: headingLevel(token.tag) }, content: [] };
		case 'blockquote_open':
			return { type: 'blockquote', content: [] };
		case 'bullet_list_open':
			return { type: 'bulletList', content: [] };
		case 'ordered_list_open':
			return { type: 'orderedList', attrs: { start: Number(token.attrGet('start') ?? 1) }, content: [] };
		case 'list_item_open':
			return { type: 'listItem', content: [] };
		default:
			return null;
	}
}

/** Fixes what Markdown allows and the schema does not: empty containers, a list item not starting with text. */
function close(node: JSONContent): JSONContent {
	const content = node.content ?? [];
	if (node.type === 'listItem' && content[0]?.type !== 'paragraph') content.unshift({ type: 'paragraph' });
	if ((node.type === 'blockquote' || node.type === 'doc') && content.length === 0) content.push({ type: 'paragraph' });
	// Inline nodes never come here: a block without children is written without "content", as ProseMirror does.
	const { type, attrs } = node;
	if (content.length === 0) return attrs ? { type, attrs } : { type };
	return { ...node, content };
}

/** Code has no node in the schema: its lines become a paragraph of plain text. */
function codeParagraph(code: string): JSONContent {
	const content: JSONContent[] = [];
	code.replace(/\n$/, '').split('\n').forEach((line, i) => {
		if (i > 0) content.push({ type: 'hardBreak' });
		if (line !== '') content.push({ type: 'text', text: line });
	});
	return close({ type: 'paragraph', content });
}

const CLOSES = new Set(['paragraph_close', 'heading_close', 'blockquote_close', 'bullet_list_close', 'ordered_list_close', 'list_item_close']);

function build(source: string, state: State): JSONContent {
	const stack: JSONContent[] = [{ type: 'doc', content: [] }];
	const top = () => stack[stack.length - 1];
	for (const token of md.parse(source, {})) {
		if (token.type === 'inline') {
			top().content!.push(...inline(token.children ?? [], state));
		} else if (token.type === 'fence' || token.type === 'code_block') {
			top().content!.push(codeParagraph(token.content));
			state.formatted = true;
		} else if (token.type === 'hr') {
			top().content!.push({ type: 'horizontalRule' });
			state.formatted = true;
		} else if (token.nesting === 1) {
			const node = openBlock(token);
			if (node) stack.push(node);
			if (node && node.type !== 'paragraph') state.formatted = true;
		} else if (CLOSES.has(token.type) && stack.length > 1) {
			const node = close(stack.pop()!);
			top().content!.push(node);
		}
	}
	return close(stack[0]);
}

/** Paragraphs of the source as plain text: what is shown should conversion ever produce an invalid document. */
function plainDocument(source: string): JSONContent {
	const paragraphs = source.split(/\n\s*\n/).map((text) => text.trim()).filter((text) => text !== '');
	return close({ type: 'doc', content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) });
}

function plainText(node: JSONContent): string {
	if (node.type === 'text') return node.text ?? '';
	if (node.type === 'hardBreak') return '\n';
	const inline = node.type === 'paragraph' || node.type === 'heading';
	return (node.content ?? []).map(plainText).join(inline ? '' : '\n');
}

export function convertMarkdown(source: string): ConvertedMarkdown {
	const state: State = { droppedMedia: false, formatted: false };
	let doc = build(source, state);
	// A guard, not a path the tests know a way into: the document must pass the same check as a saved lesson.
	if (!validateDocument(doc).ok) {
		doc = plainDocument(source);
		state.formatted = true;
	}
	return { doc, ...state, text: plainText(doc).trim() };
}

/** Markdown as a lesson document (tiptap JSON) holding only the schema's nodes and marks, and safe links. */
export function markdownToDocument(source: string): JSONContent {
	return convertMarkdown(source).doc;
}

/** Markdown as HTML, through the lesson renderer: escaped and sanitised as lesson bodies are. */
export function renderMarkdown(source: string): string {
	// The placeholder is only shown for unknown nodes, which a converted document never has.
	return renderLessonBody(markdownToDocument(source), '');
}
