// The home page, signed in: every request resolves the session cookie in the database (one query
// joining session, user, profile and roles) before rendering. Connections rotate over the bench
// accounts, and each response must greet the account whose cookie was sent.
import type { Scenario } from '../lib/types.ts';

export const homeSignedIn: Scenario = {
	name: 'home-signed-in',
	description: 'GET / with a session cookie',
	async run(context) {
		const { accounts } = context;
		return context.load({
			path: '/',
			headers: { accept: 'text/html', 'user-agent': 'hoc-so-bench' },
			connections: context.options.pageConnections,
			expect: { status: 200 },
			request: (n) => {
				const account = accounts[n % accounts.length];
				return {
					headers: { cookie: account.cookie },
					expect: {
						status: 200,
						check: ({ body }) => {
							if (!body.includes('</html>')) return 'incomplete page';
							if (!body.includes('class="signed-in"')) return 'rendered as signed out';
							if (!body.includes(account.displayName)) return `does not greet ${account.displayName}`;
							return null;
						}
					}
				};
			}
		});
	}
};
