// Checks and cleans lesson bodies (ProseMirror JSON) against the schema of the shared extension list.
import { getSchema } from '@tiptap/core';
import { lessonExtensions } from './extensions.ts';

export type DocNode = { type: string; attrs?: Record<string, unknown>; content?: DocNode[]; marks?: { type: string; attrs?: Record<string, unknown> }[]; text?: string };

const schema = getSchema(lessonExtensions);

/** Safe link and media targets: site-relative paths, https, and mailto for links. */
export function isSafeUrl(value: unknown, allowMailto = false): boolean {
	if (typeof value !== 'string' || value.length > 2000) return false;
	if (value.startsWith('/') && !value.startsWith('//')) return true;
	if (/^[a-z0-9][a-z0-9._-]*$/i.test(value)) return true; // a file name next to the lesson's assets
	try {
		const url = new URL(value);
		return url.protocol === 'https:' || (allowMailto && url.protocol === 'mailto:');
	} catch {
		return false;
	}
}

function unsafeUrlIn(node: DocNode): string | null {
	if (node.type === 'image' && !isSafeUrl(node.attrs?.src)) return 'image.src';
	if (node.type === 'video' && !isSafeUrl(node.attrs?.src)) return 'video.src';
	if (node.type === 'fileAttachment' && !isSafeUrl(node.attrs?.href)) return 'fileAttachment.href';
	if (node.marks?.some((mark) => mark.type === 'link' && !isSafeUrl(mark.attrs?.href, true))) return 'link.href';
	for (const child of node.content ?? []) {
		const found = unsafeUrlIn(child);
		if (found) return found;
	}
	return null;
}

/** Whether a body may be saved: a valid document of known node types, with safe URLs only. */
export function validateDocument(json: unknown): { ok: true } | { ok: false; reason: string } {
	if (!json || typeof json !== 'object' || (json as DocNode).type !== 'doc') return { ok: false, reason: 'not a document' };
	try {
		schema.nodeFromJSON(json).check();
	} catch (error) {
		return { ok: false, reason: error instanceof Error ? error.message : String(error) };
	}
	const unsafe = unsafeUrlIn(json as DocNode);
	return unsafe ? { ok: false, reason: `unsafe URL in ${unsafe}` } : { ok: true };
}

const PLACEHOLDER = 'unsupportedContent';

/**
 * A copy of a stored body that the renderer can always show: unknown nodes and marks, and unsafe URLs,
 * become a placeholder paragraph (or are dropped, for marks), never raw content.
 */
export function sanitizeDocument(node: DocNode): DocNode {
	const known = node.type === 'text' || schema.nodes[node.type] !== undefined;
	const marks = node.marks?.filter((mark) => schema.marks[mark.type] !== undefined && (mark.type !== 'link' || isSafeUrl(mark.attrs?.href, true)));
	if (!known || (node.type !== 'text' && unsafeUrlIn({ type: node.type, attrs: node.attrs }))) {
		return { type: 'paragraph', content: [{ type: 'text', text: PLACEHOLDER }] };
	}
	return { ...node, ...(marks ? { marks } : {}), ...(node.content ? { content: node.content.map(sanitizeDocument) } : {}) };
}

export const PLACEHOLDER_TEXT = PLACEHOLDER;
