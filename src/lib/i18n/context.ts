// Gives components the translator of the current page's locale without importing server code.
import { getContext, setContext } from 'svelte';
import type { TFunction } from 'i18next';
import { translator, type Locale } from './index.ts';

const KEY = Symbol('i18n');

type I18n = { t: TFunction; locale: () => Locale };

/** Called once in the root layout with a getter, so a change of language re-renders. */
export function setI18n(locale: () => Locale) {
	const t = ((key: string, options?: object) => translator(locale())(key, options as never)) as unknown as TFunction;
	setContext<I18n>(KEY, { t, locale });
}

export function useI18n(): I18n {
	return getContext<I18n>(KEY);
}
