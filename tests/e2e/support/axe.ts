// The accessibility gate: axe (WCAG 2.1 A and AA) on every page a test visits. The tracker counts the
// page's navigations; a test that reaches a page without checking it fails in teardown.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

type Tracker = { navigations: string[]; checked: Set<number> };
const trackers = new WeakMap<Page, Tracker>();

/** Starts counting the page's document navigations (a change of fragment only is not one). */
export function trackNavigations(page: Page): Tracker {
	const tracker: Tracker = { navigations: [], checked: new Set() };
	page.on('framenavigated', (frame) => {
		if (frame !== page.mainFrame()) return;
		const previous = tracker.navigations.at(-1);
		const url = frame.url();
		if (previous && previous !== url && previous.split('#')[0] === url.split('#')[0]) return;
		tracker.navigations.push(url);
	});
	trackers.set(page, tracker);
	return tracker;
}

/** The pages that were navigated to and never checked with axe. */
export function uncheckedPages(tracker: Tracker): string[] {
	return tracker.navigations.filter((_, index) => !tracker.checked.has(index));
}

/** Asserts that axe finds no WCAG 2.1 A/AA violation on the page as it is now. */
export async function expectAccessible(page: Page): Promise<void> {
	await page.waitForLoadState();
	const tracker = trackers.get(page);
	const current = (tracker?.navigations.length ?? 0) - 1;
	const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
	const report = violations.map(
		(violation) =>
			`${violation.id} (${violation.impact}): ${violation.help}\n` +
			violation.nodes.map((node) => `    ${node.target.join(' ')}: ${node.failureSummary?.split('\n').slice(1).join('; ')}`).join('\n')
	);
	expect(report, `axe violations on ${page.url()}`).toEqual([]);
	if (tracker && current >= 0) tracker.checked.add(current);
}
