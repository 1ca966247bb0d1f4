// The one rule for text people send, applied by parseForm (every form field) and by the request hook
// (every address): control characters are refused — Postgres cannot store NUL, and the others only
// serve to hide or garble text — and Vietnamese is kept in one Unicode form (NFC), so that a name typed
// with a decomposing keyboard ("Unicode tổ hợp") is the same text as the same name typed precomposed.

const TAB = 0x09;
const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;

/** C0 controls, DEL and C1 controls; tab and line breaks only where lineBreaks allows them (text areas). */
export function hasControlCharacters(text: string, options: { lineBreaks: boolean }): boolean {
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		if (code >= 0x20 && code < 0x7f) continue;
		if (options.lineBreaks && (code === TAB || code === LINE_FEED || code === CARRIAGE_RETURN)) continue;
		if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return true;
	}
	return false;
}

/** Text in one form: a lone surrogate (not valid UTF-8) becomes U+FFFD, then NFC composition. */
export function normaliseText(text: string): string {
	return text.toWellFormed().normalize('NFC');
}

/** The field key under `errors.` that parseForm gives a field holding control characters. */
export const CONTROL_CHARACTERS_ERROR = 'errors.control_characters';
