// The home page, signed out: SSR of the layout and the page, no session lookup (no cookie).
import type { Scenario } from '../lib/types.ts';

export const homeAnonymous: Scenario = {
	name: 'home-anonymous',
	description: 'GET / signed out',
	async run(context) {
		return context.load({
			path: '/',
			headers: { accept: 'text/html', 'user-agent': 'hoc-so-bench' },
			connections: context.options.pageConnections,
			expect: {
				status: 200,
				check: ({ body }) => {
					if (!body.includes('</html>')) return 'incomplete page';
					if (body.includes('class="signed-in"')) return 'rendered as signed in';
					if (!body.includes('href="/login"')) return 'no sign-in link';
					return null;
				}
			}
		});
	}
};
