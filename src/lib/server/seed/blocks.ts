// Turns the compact block format of supabase/seed/courses/*.json (see FORMAT.md there) into tiptap JSON.
import type { DocNode } from '../../content/document.ts';

export type Block =
	| { type: 'paragraph' | 'blockquote'; text: string }
	| { type: 'heading'; level: 2 | 3; text: string }
	| { type: 'bulletList' | 'orderedList'; items: string[] }
	| { type: 'callout'; tone: 'tip' | 'warning' | 'info'; text: string }
	| { type: 'image'; src: string; alt: string };

/** `**bold**` and `*italic*` become marks; everything else is plain text. */
export function inline(text: string): DocNode[] {
	const nodes: DocNode[] = [];
	for (const part of text.split(/(\*\*[^*]+\*\*|\*[^*]+\*)/)) {
		if (!part) continue;
		if (part.startsWith('**')) nodes.push({ type: 'text', text: part.slice(2, -2), marks: [{ type: 'bold' }] });
		else if (part.startsWith('*') && part.length > 2) nodes.push({ type: 'text', text: part.slice(1, -1), marks: [{ type: 'italic' }] });
		else nodes.push({ type: 'text', text: part });
	}
	return nodes;
}

const paragraph = (text: string): DocNode => ({ type: 'paragraph', content: inline(text) });

function toNode(block: Block, mediaBase: string): DocNode {
	switch (block.type) {
		case 'paragraph':
			return paragraph(block.text);
		case 'blockquote':
			return { type: 'blockquote', content: [paragraph(block.text)] };
		case 'heading':
			return { type: 'heading', attrs: { level: block.level }, content: inline(block.text) };
		case 'bulletList':
		case 'orderedList':
			return { type: block.type, content: block.items.map((item) => ({ type: 'listItem', content: [paragraph(item)] })) };
		case 'callout':
			return { type: 'callout', attrs: { tone: block.tone }, content: [paragraph(block.text)] };
		case 'image':
			return { type: 'image', attrs: { src: `${mediaBase}/${block.src}`, alt: block.alt } };
	}
}

export function blocksToDocument(blocks: Block[], mediaBase = '/media/courses'): DocNode {
	return { type: 'doc', content: blocks.map((block) => toNode(block, mediaBase)) };
}
