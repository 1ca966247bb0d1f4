// Renders a lesson body to HTML on the server with the shared extension list. Text and attributes are
// escaped by the renderer; nodes it does not know are replaced by a placeholder (see document.ts).
import { renderToHTMLString } from '@tiptap/static-renderer/pm/html-string';
import { lessonExtensions } from './extensions.ts';
import { PLACEHOLDER_TEXT, sanitizeDocument, type DocNode } from './document.ts';

export function renderLessonBody(body: unknown, placeholder: string): string {
	const doc = sanitizeDocument((body && typeof body === 'object' ? body : { type: 'doc', content: [] }) as DocNode);
	const html = renderToHTMLString({ extensions: lessonExtensions, content: doc as never });
	return html.replaceAll(`<p>${PLACEHOLDER_TEXT}</p>`, `<p class="placeholder">${escapeHtml(placeholder)}</p>`);
}

function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
