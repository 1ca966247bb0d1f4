// Searching with LIKE/ILIKE for what a person typed: their `%` and `_` are letters to find, not wildcards
// (a search for "%" matched every course). Every LIKE on user input goes through these.

/** The text with LIKE's escape character and wildcards escaped (Postgres's default escape is `\`). */
export function escapeLike(text: string): string {
	return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** A LIKE pattern matching any text that contains this text. */
export function containsPattern(text: string): string {
	return `%${escapeLike(text)}%`;
}
