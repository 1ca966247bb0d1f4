// A round's prediction question as a reader sees it. The studio fills the field with the platform's default
// question in the contest's language, and most organisers keep it: that text is the platform's, not theirs,
// so it is shown in the reader's language. Anything else is the organiser's own words, shown as written, in
// the contest's language.
import { LOCALES, translator } from '#lib/i18n/index.ts';

/** `custom` null: the default question, to show as t('contest.prediction_default'). */
export type ShownPrompt = { custom: string | null };

let defaultPrompts: Set<string> | undefined;

/**
 * The default question in every language, as the studio offers it and as the reader's pages say it (server
 * only). Made once: every attempt page of a contest round asks.
 */
function defaults(): Set<string> {
	const keys = ['contest.prediction_default', 'studio_contest.default_prompt'];
	defaultPrompts ??= new Set(LOCALES.flatMap((locale) => keys.map((key) => normalise(translator(locale)(key)))));
	return defaultPrompts;
}

const normalise = (text: string) => text.normalize('NFC').trim().replace(/\s+/g, ' ');

/** null when the round asks no prediction. */
export function shownPrompt(prompt: string | null): ShownPrompt | null {
	if (prompt === null || prompt.trim() === '') return null;
	return defaults().has(normalise(prompt)) ? { custom: null } : { custom: prompt };
}
