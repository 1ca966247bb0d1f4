import { frameworkSources } from '#lib/server/about.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({ frameworks: await frameworkSources(locals.locale) });
