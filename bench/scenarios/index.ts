// Every scenario, in the order they run: signed out first, then signed in, then sign-in, so that a slow
// signed-in path (whose backlog the server works through after the run) cannot disturb the others; then
// the quiz writes (their attempts, started by the generator, expire 10 minutes later) and the contest
// leaderboard, the heaviest pages, last; then the targets dashboard (group `dashboard`: BENCH_SCENARIOS=dashboard
// selects its four). A scenario that needs data of its own creates it in setup(); the others use the data set
// generated before the server started.
import type { Scenario } from '../lib/types.ts';
import { catalogueSearchAnonymous } from './catalogue-search.ts';
import { catalogueSearchSignedIn } from './catalogue-search-signed-in.ts';
import { catalogueSearchUncached } from './catalogue-search-uncached.ts';
import { contestLeaderboard } from './contest-leaderboard.ts';
import { dashboardAdmin, dashboardAnonymous, dashboardCommune, dashboardReaggregated } from './dashboard.ts';
import { homeAnonymous } from './home-anonymous.ts';
import { homeSignedIn } from './home-signed-in.ts';
import { lessonPageAnonymous } from './lesson-page.ts';
import { lessonPageSignedIn } from './lesson-page-signed-in.ts';
import { quizSubmit } from './quiz-submit.ts';
import { signIn } from './sign-in.ts';

export const scenarios: Scenario<unknown>[] = [
	homeAnonymous,
	catalogueSearchAnonymous,
	catalogueSearchUncached,
	lessonPageAnonymous,
	homeSignedIn,
	catalogueSearchSignedIn,
	lessonPageSignedIn,
	signIn,
	quizSubmit,
	contestLeaderboard,
	dashboardAnonymous,
	dashboardAdmin,
	dashboardCommune,
	dashboardReaggregated
] as Scenario<unknown>[];
