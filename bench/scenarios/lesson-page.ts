// A lesson page, GET /learn/<course>/<lesson>, rotating over every lesson of the generated catalogue
// (about 2 250): the course outline with the reader's progress, the lesson body (tiptap JSON rendered to
// HTML on the server) and, signed in, the enrolment upsert that remembers the place. Each response must
// show the lesson's title as its h1 and its course in the breadcrumbs.
import { escapeText, pageProblem } from '../lib/html.ts';
import type { Scenario } from '../lib/types.ts';

type Target = { path: string; lessonTitle: string; courseTitle: string };

export function lessonPage(signedIn: boolean): Scenario<Target[]> {
	return {
		name: signedIn ? 'lesson-page-signed-in' : 'lesson-page',
		description: `GET /learn/<course>/<lesson>${signedIn ? ' with a session cookie (upserts the enrolment)' : ''}`,
		budget: { p95Ms: 50, zeroErrors: true, modes: ['postgres'] },
		async setup(context) {
			const targets = context.dataset.catalogue.flatMap((course) =>
				course.lessons.map((lesson) => ({ path: `/learn/${course.slug}/${lesson.slug}`, lessonTitle: lesson.title, courseTitle: course.title }))
			);
			if (targets.length === 0) throw new Error('the data set has no lessons');
			return targets;
		},
		async run(context, targets) {
			const { accounts } = context;
			return context.load({
				path: targets[0].path,
				headers: { accept: 'text/html', 'user-agent': 'hoc-so-bench' },
				connections: context.options.pageConnections,
				expect: { status: 200 },
				request: (n) => {
					// A stride prime to the count walks through the courses rather than along one.
					const target = targets[(n * 7919) % targets.length];
					const account = signedIn ? accounts[n % accounts.length] : null;
					return {
						path: target.path,
						headers: account ? { cookie: account.cookie } : undefined,
						expect: {
							status: 200,
							check: ({ body }) => {
								const problem = pageProblem(body, account?.displayName ?? null);
								if (problem) return problem;
								if (!body.includes(`<h1>${escapeText(target.lessonTitle)}</h1>`)) return `no h1 "${target.lessonTitle}"`;
								if (!body.includes(`>${escapeText(target.courseTitle)}</a>`)) return `no course "${target.courseTitle}" in the breadcrumbs`;
								return null;
							}
						}
					};
				}
			});
		}
	};
}

export const lessonPageAnonymous = lessonPage(false);
