// Turns the HTML of Moodle question texts into the plain text we store: tags dropped, entities decoded.
// Not a sanitiser: the result is text, shown escaped like any other text.

/** The named entities Moodle's editors write; others are rare enough to stay as they are. */
const NAMED: Record<string, string> = {
	nbsp: ' ',
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: "'",
	hellip: '…',
	ndash: '–',
	mdash: '—',
	lsquo: '‘',
	rsquo: '’',
	ldquo: '“',
	rdquo: '”',
	laquo: '«',
	raquo: '»',
	bull: '•',
	middot: '·',
	deg: '°',
	times: '×',
	divide: '÷',
	plusmn: '±',
	le: '≤',
	ge: '≥',
	ne: '≠',
	rarr: '→',
	larr: '←',
	copy: '©',
	reg: '®',
	trade: '™',
	euro: '€',
	shy: ''
};

// Older editors wrote Vietnamese letters of the Latin-1 range as &agrave;, &Ecirc;, …
const ACCENTED: Record<string, string> = { grave: '\u0300', acute: '\u0301', circ: '\u0302', tilde: '\u0303', uml: '\u0308' };
for (const base of 'aeiouyAEIOUY') {
	for (const [accent, mark] of Object.entries(ACCENTED)) {
		const letter = (base + mark).normalize('NFC');
		if (letter.length === 1) NAMED[base + accent] = letter;
	}
}

function fromCodePoint(code: number): string | null {
	return Number.isInteger(code) && code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : null;
}

/** Decodes &name;, &#123; and &#x7b; references; unknown or invalid ones are left as written. */
export function decodeEntities(text: string): string {
	return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});/gi, (whole, ref: string) => {
		if (ref[0] !== '#') return NAMED[ref] ?? NAMED[ref.toLowerCase()] ?? whole;
		const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
		return fromCodePoint(code) ?? whole;
	});
}

/** Plain text of an HTML fragment: block ends and <br> become line breaks, other whitespace collapses. */
export function htmlToText(html: string): string {
	const text = html
		.replace(/<!--[\s\S]*?-->/g, '')
		.replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '')
		.replace(/\s+/g, ' ')
		.replace(/<br\b[^>]*>/gi, '\n')
		.replace(/<\/(p|div|li|tr|h[1-6]|blockquote|pre|table|ul|ol)\s*>/gi, '\n')
		.replace(/<\/?[a-z][^>]*>/gi, '');
	return decodeEntities(text)
		.replace(/[ \t\u00a0]+/g, ' ')
		.replace(/ ?\n ?/g, '\n')
		.replace(/\n{3,}/g, '\n\n')
		.trim();
}

const TRIVIAL_TAGS = new Set(['p', 'br']);
const MEDIA_TAGS = new Set(['img', 'picture', 'svg', 'video', 'audio', 'source', 'track', 'iframe', 'object', 'embed']);

/**
 * What htmlToText leaves out of a fragment: media (images, videos, frames), and formatting (any tag but the
 * paragraphs and line breaks that plain text keeps as line breaks).
 */
export function htmlLosses(html: string): { media: boolean; formatting: boolean } {
	const losses = { media: false, formatting: false };
	for (const [, name] of html.replace(/<!--[\s\S]*?-->/g, '').matchAll(/<\/?([a-z][a-z0-9]*)\b[^>]*>/gi)) {
		const tag = name.toLowerCase();
		if (MEDIA_TAGS.has(tag)) losses.media = true;
		else if (!TRIVIAL_TAGS.has(tag)) losses.formatting = true;
	}
	return losses;
}
