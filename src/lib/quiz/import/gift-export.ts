// Writes question drafts as GIFT, to take a bank to Moodle or edit it as text; parseGift reads it back
// unchanged. GIFT has no ordering questions and no points, so those are lost (ordering ones are listed).
import type { QuestionDraft } from '#lib/quiz/question.ts';

export type ExportQuestion = QuestionDraft;

/** Every character GIFT gives a meaning to, escaped; line breaks as \n so that a text stays on one line. */
function escape(text: string): string {
	return text.replace(/[\\~=#{}:]/g, '\\$&').replaceAll('\n', '\\n');
}

/** A leading [html], [plain]… would be read as a format marker: an explicit [plain] keeps it as text. */
function escapeText(text: string): string {
	return /^\[(html|moodle|markdown|plain)\]/.test(text) || text.startsWith('//') ? `[plain]${escape(text)}` : escape(text);
}

/**
 * The prompt keeps its line breaks where that is safe, for people who edit the file: a blank line would end
 * the question and a line starting with // would be a comment, so those breaks are written as \n.
 */
function escapePrompt(prompt: string): string {
	const lines = prompt.split('\n');
	return lines.reduce((written, line, i) => {
		if (i === 0) return escapeText(line);
		const breakable = line.trim() !== '' && !line.trim().startsWith('//');
		return written + (breakable ? '\n' : '\\n') + escape(line);
	}, '');
}

/** A choice or answer starting with "%" would be read as a weight ("%50%"), so give it an explicit one. */
function weighted(text: string, weight: number): string {
	return text.startsWith('%') ? `%${weight}%${escapeText(text)}` : escapeText(text);
}

/** The answer lines of a question, or null when GIFT cannot say it. */
function answerLines(question: QuestionDraft): string[] | null {
	const { content, key } = question;
	if (content.kind === 'single' && key.kind === 'single') {
		return content.options.map((o) => (o.id === key.correct ? `=${escapeText(o.text)}` : `~${weighted(o.text, 0)}`));
	}
	if (content.kind === 'multiple' && key.kind === 'multiple') {
		// Each right choice earns an equal share and each wrong one takes a share away, as our grading does;
		// five decimals give the shares Moodle accepts (33.33333, 16.66667, …).
		const share = Number((100 / key.correct.length).toFixed(5));
		return content.options.map((o) => `~%${key.correct.includes(o.id) ? share : -share}%${escapeText(o.text)}`);
	}
	if (content.kind === 'matching' && key.kind === 'matching') {
		// The first "->" separates the sides, so a left side cannot contain one.
		if (content.left.some((l) => l.text.includes('->'))) return null;
		const paired = new Set(Object.values(key.pairs));
		const pairs = content.left.map((l) => {
			const right = content.right.find((r) => r.id === key.pairs[l.id]);
			return `=${escapeText(l.text)} -> ${escape(right?.text ?? '')}`;
		});
		return [...pairs, ...content.right.filter((r) => !paired.has(r.id)).map((r) => `= -> ${escape(r.text)}`)];
	}
	if (key.kind === 'short_text') {
		// "->" would make it a matching question; a star is written \* since a bare one means "anything".
		if (key.answers.some((a) => a.includes('->'))) return null;
		return key.answers.map((a) => `=${weighted(a, 100).replaceAll('*', '\\*')}`);
	}
	return null;
}

/** The {…} answer block, on one line for the kinds whose answer is a single word or number. */
function answerBlock(question: QuestionDraft): string | null {
	const general = question.explanation ? `####${escapeText(question.explanation)}` : '';
	const { key } = question;
	if (key.kind === 'true_false') return `{${key.correct ? 'TRUE' : 'FALSE'}${general}}`;
	if (key.kind === 'numeric') return `{#${key.value}${key.tolerance > 0 ? `:${key.tolerance}` : ''}${general}}`;
	const lines = answerLines(question);
	if (lines === null) return null;
	return ['{', ...lines.map((line) => `\t${line}`), ...(general ? [`\t${general}`] : []), '}'].join('\n');
}

/** What a skipped question is listed as: its title or the start of its prompt. */
function label(question: QuestionDraft): string {
	return Array.from(question.title || question.prompt)
		.slice(0, 60)
		.join('');
}

/** GIFT text for the questions GIFT can express, one blank line apart, and the labels of those it cannot. */
export function exportGift(questions: ExportQuestion[]): { text: string; skipped: string[] } {
	const written: string[] = [];
	const skipped: string[] = [];
	for (const question of questions) {
		const block = answerBlock(question);
		if (block === null) {
			skipped.push(label(question));
			continue;
		}
		const title = question.title ? `::${escape(question.title)}::` : '';
		written.push(`${title}${escapePrompt(question.prompt)} ${block}`);
	}
	return { text: written.length > 0 ? `${written.join('\n\n')}\n` : '', skipped };
}
