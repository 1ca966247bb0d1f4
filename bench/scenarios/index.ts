// Every scenario, in the order they run. Later ones (catalogue search, lesson page, quiz submission)
// go here too; a scenario that needs data of its own creates it in setup().
import type { Scenario } from '../lib/types.ts';
import { homeAnonymous } from './home-anonymous.ts';
import { homeSignedIn } from './home-signed-in.ts';
import { signIn } from './sign-in.ts';

export const scenarios: Scenario<unknown>[] = [homeAnonymous, homeSignedIn, signIn];
