import * as contests from '#lib/server/contests.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({ contests: await contests.list(locals.claims), now: new Date() });
