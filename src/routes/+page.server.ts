import * as courses from '#lib/server/courses.ts';
import type { PageServerLoad } from './$types';

const FEATURED = 6;

export const load: PageServerLoad = async ({ locals }) => {
	const [{ courses: list }, areas] = await Promise.all([
		courses.search(locals.claims, locals.locale, { q: '', audience: null, area: null, level: null, page: 1 }),
		courses.listAreas(locals.claims, locals.locale)
	]);
	return { featured: list.slice(0, FEATURED), areaNames: Object.fromEntries(areas.map((area) => [area.code, `${area.code}. ${area.name}`])) };
};
