import * as contests from '#lib/server/contests.ts';
import * as courses from '#lib/server/courses.ts';
import * as targets from '#lib/server/targets.ts';
import type { PageServerLoad } from './$types';

const FEATURED = 6;
/** What a citizen came for comes first: courses for everyone at the basic level, then the rest. */
const forCitizens = (course: { audience: string; level: string }) =>
	(['citizen', 'everyone'].includes(course.audience) ? 0 : 2) + (course.level === 'basic' ? 0 : 1);

export const load: PageServerLoad = async ({ locals }) => {
	const [{ courses: list }, areas, progress, running] = await Promise.all([
		courses.search(locals.claims, locals.locale, { q: '', audience: null, area: null, level: null, page: 1 }),
		courses.listAreas(locals.claims, locals.locale),
		targets.atAGlance(locals.locale),
		contests.list(locals.claims)
	]);
	const now = new Date();
	// Stable: within each group the catalogue's own order (newest first) stays.
	const ordered = list.map((course, index) => ({ course, index })).sort((a, b) => forCitizens(a.course) - forCitizens(b.course) || a.index - b.index).map(({ course }) => course);
	return {
		featured: ordered.slice(0, FEATURED),
		areaNames: Object.fromEntries(areas.map((area) => [area.code, `${area.code}. ${area.name}`])),
		progress,
		contests: running.filter((contest) => contest.closesAt && contest.closesAt > now && contest.opensAt && contest.opensAt <= now)
	};
};
