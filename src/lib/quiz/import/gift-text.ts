// The text layer of GIFT: escapes and [format] markers, as Moodle's reader (question/format/gift/format.php)
// handles them.
import type { NotKeptList } from './not-kept.ts';
import { readPlain, type SourceFormat } from './text-format.ts';

export type GiftFormat = 'html' | 'moodle' | 'markdown' | 'plain';

// Escaped characters are swapped for private-use characters before the structure is read, as Moodle does
// with its &&058; placeholders, so that "\=" never starts an answer; they are put back in each text.
const ESCAPED = '\\:#={}~n';
const HIDE: Record<string, string> = Object.fromEntries([...ESCAPED].map((char, i) => [char, String.fromCharCode(0xe000 + i)]));
const SHOW: Record<string, string> = Object.fromEntries([...ESCAPED].map((char) => [HIDE[char], char === 'n' ? '\n' : char]));

/** Where the answer block of a missing-word question stood, while its sentence is converted to text. */
export const GAP_MARK = '\uE010';

export function hideEscapes(text: string): string {
	// Private-use characters mean nothing in a question; dropping any already there keeps the swaps and the
	// gap mark unambiguous.
	return text.replace(/[\uE000-\uE01F]/g, '').replace(/\\([\\:#={}~n])/g, (_, char: string) => HIDE[char]);
}

export function showEscapes(text: string): string {
	return text.replace(/[\uE000-\uE007]/g, (hidden) => SHOW[hidden]);
}

const FORMAT = /^\[(html|moodle|markdown|plain)\]/;

/** A text's own [format] marker, or the one it inherits (answers take the question's format). */
export function readFormat(text: string, inherited: GiftFormat): { format: GiftFormat; text: string } {
	const marker = FORMAT.exec(text);
	return marker ? { format: marker[1] as GiftFormat, text: text.slice(marker[0].length) } : { format: inherited, text };
}

/** Moodle's own format lets HTML through as written; we keep its text as written, as for [plain]. */
export function sourceFormat(format: GiftFormat): SourceFormat {
	return format === 'moodle' ? 'plain' : format;
}

/** An answer's or feedback's plain text, read in its own format if it names one. */
export function giftPlain(raw: string, inherited: GiftFormat, lost: NotKeptList): string {
	const { format, text } = readFormat(raw.trim(), inherited);
	// Escapes belong to GIFT, a layer above the HTML: "&\#58;" is the entity &#58; once unescaped.
	return readPlain(showEscapes(text), sourceFormat(format), lost);
}

/** Feedback after the first "#" of an answer (Moodle's commentparser), null when there is none or it is blank. */
export function splitFeedback(text: string): [answer: string, feedback: string | null] {
	const hash = text.indexOf('#');
	if (hash < 0) return [text, null];
	const feedback = text.slice(hash + 1);
	return [text.slice(0, hash), feedback.trim() === '' ? null : feedback];
}
