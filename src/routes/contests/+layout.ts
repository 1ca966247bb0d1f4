import { loadLocale } from '#lib/i18n/index.ts';
import type { LayoutLoad } from './$types';

/** Quizzes, contests and the dashboard use the locale's activities part too, which the lesson player never downloads. */
export const load: LayoutLoad = async ({ parent }) => {
	const { locale } = await parent();
	await loadLocale(locale, 'activities');
};
