// How a text written in one of Moodle's formats is stored: prompts keep Markdown as Markdown and reduce HTML
// to plain text; answers and feedback are always plain text. What that loses is noted, never dropped silently.
import type { TextFormat } from '#lib/quiz/question.ts';
import { convertMarkdown } from '#lib/content/markdown.ts';
import { htmlLosses, htmlToText } from './html.ts';
import type { NotKeptList } from './not-kept.ts';

/** The formats we read: Moodle's "moodle" (auto) format is mapped to one of them by each parser. */
export type SourceFormat = 'html' | 'markdown' | 'plain';

function noteHtml(html: string, lost: NotKeptList, formatting: 'html_formatting' | 'answer_formatting'): string {
	const losses = htmlLosses(html);
	if (losses.media) lost.add('embedded_media');
	if (losses.formatting) lost.add(formatting);
	return htmlToText(html);
}

/** A question's text as a stored prompt. */
export function readPrompt(text: string, format: SourceFormat, lost: NotKeptList): { prompt: string; promptFormat: TextFormat } {
	if (format === 'html') return { prompt: noteHtml(text, lost, 'html_formatting'), promptFormat: 'plain' };
	const prompt = text.trim();
	if (format === 'markdown') {
		// The source is kept and rendered through the lesson renderer, which shows no images (see markdown.ts).
		if (convertMarkdown(prompt).droppedMedia) lost.add('embedded_media');
		return { prompt, promptFormat: 'markdown' };
	}
	return { prompt, promptFormat: 'plain' };
}

/**
 * The text of a question with gaps. Its fields sit inside the sentence, which is shown as plain text, so
 * Markdown is reduced to what a reader would see (and the loss noted); HTML as for any prompt.
 */
export function readGappedText(text: string, format: SourceFormat, lost: NotKeptList): { prompt: string; promptFormat: TextFormat } {
	if (format !== 'markdown') return readPrompt(text, format, lost);
	const markdown = convertMarkdown(text.trim());
	if (markdown.droppedMedia) lost.add('embedded_media');
	if (markdown.formatted) lost.add('cloze_formatting');
	return { prompt: markdown.text, promptFormat: 'plain' };
}

/** An answer's, a feedback's or an explanation's plain text: what a reader of the formatted text would see. */
export function readPlain(text: string, format: SourceFormat, lost: NotKeptList): string {
	if (format === 'html') return noteHtml(text, lost, 'answer_formatting');
	if (format === 'markdown') {
		const markdown = convertMarkdown(text.trim());
		if (markdown.droppedMedia) lost.add('embedded_media');
		if (markdown.formatted) lost.add('answer_formatting');
		return markdown.text;
	}
	return text.trim();
}

/** Whether a plain text written where Markdown is read would come back changed (the exporter then marks it [plain]). */
export function changedAsMarkdown(text: string): boolean {
	const markdown = convertMarkdown(text);
	return markdown.formatted || markdown.droppedMedia || markdown.text !== text;
}
