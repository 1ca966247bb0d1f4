// What the checks look for in server-rendered pages: text as Svelte escapes it, and small extractions.

/** Text as Svelte writes it between tags (only & and < are escaped there). */
export function escapeText(text: string): string {
	return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;');
}

/** The first match of a pattern's first group, or null. */
export function extract(body: string, pattern: RegExp): string | null {
	return pattern.exec(body)?.[1] ?? null;
}

/** Checks every page must pass: complete, and greeting the right account (or nobody). */
export function pageProblem(body: string, signedInAs: string | null): string | null {
	if (!body.includes('</html>')) return 'incomplete page';
	if (signedInAs === null) {
		if (body.includes('class="signed-in"')) return 'rendered as signed in';
	} else {
		if (!body.includes('class="signed-in"')) return 'rendered as signed out';
		if (!body.includes(escapeText(signedInAs))) return `does not greet ${signedInAs}`;
	}
	return null;
}
