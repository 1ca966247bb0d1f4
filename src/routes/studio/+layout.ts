import { loadLocale } from '#lib/i18n/index.ts';
import type { LayoutLoad } from './$types';

/** Authoring and administration pages use the locale's staff part too, which learners' pages never download. */
export const load: LayoutLoad = async ({ parent }) => {
	const { locale } = await parent();
	await loadLocale(locale, 'staff');
};
