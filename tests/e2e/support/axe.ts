// The accessibility gate: axe (WCAG 2.1 A and AA) on every page a test visits. Each page's navigations
// are counted; a test that reaches a page without checking it fails in teardown.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

class Tracker {
	readonly navigations: string[] = [];
	readonly checked = new Set<number>();
	private twinContext?: BrowserContext;
	private twinPage?: Page;
	private twinHtml = '';
	private readonly page: Page;
	private readonly browser: Browser;
	readonly scripted: boolean;

	constructor(page: Page, browser: Browser, scripted: boolean) {
		this.page = page;
		this.browser = browser;
		this.scripted = scripted;
		// A page is a new document (a navigation request of the main frame, even to the same address) or
		// a client-side route change to another address. History updates to the same address and moves
		// to a fragment (the skip link) are not new pages.
		let documentRequested = false;
		page.on('request', (request) => {
			if (request.isNavigationRequest() && request.frame() === page.mainFrame()) documentRequested = true;
		});
		page.on('framenavigated', (frame) => {
			if (frame !== page.mainFrame()) return;
			const url = frame.url();
			const previous = this.navigations.at(-1);
			if (documentRequested || !previous || previous.split('#')[0] !== url.split('#')[0]) this.navigations.push(url);
			documentRequested = false;
		});
	}

	/**
	 * axe runs on timers, which do not fire where JavaScript is off. The page as it is (serialised DOM,
	 * scripts left out) is then shown at the same address and size in a page with JavaScript on.
	 */
	async twin(): Promise<Page> {
		if (!this.twinPage) {
			this.twinContext = await this.browser.newContext({ viewport: this.page.viewportSize(), javaScriptEnabled: true });
			this.twinPage = await this.twinContext.newPage();
			await this.twinPage.route('**/*', (route) =>
				route.request().isNavigationRequest()
					? route.fulfill({ contentType: 'text/html; charset=utf-8', body: this.twinHtml })
					: route.continue()
			);
		}
		this.twinHtml = (await this.page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, '');
		await this.twinPage.goto(this.page.url());
		return this.twinPage;
	}

	async close() {
		await this.twinContext?.close();
	}

	unchecked(): string[] {
		return this.navigations.filter((_, index) => !this.checked.has(index));
	}
}

const trackers = new WeakMap<Page, Tracker>();

export function trackNavigations(page: Page, browser: Browser, scripted: boolean): Tracker {
	const tracker = new Tracker(page, browser, scripted);
	trackers.set(page, tracker);
	return tracker;
}

/**
 * Reasons axe gives for an undecided contrast that say nothing about the colours: a table cell scrolled out
 * of its scrolling box (its neighbours, same styles, are judged), text of one or two characters, and a
 * symbol such as the lesson outline's ✓ (non-text contrast, beyond what axe measures).
 */
const NOT_ABOUT_COLOUR = new Set(['elmPartiallyObscured', 'shortTextContent', 'nonBmp']);
const reason = (check: { data?: unknown }) => (check.data as { messageKey?: string } | null)?.messageKey ?? '';

/**
 * Asserts that axe finds no WCAG 2.1 A/AA violation on the page as it is now, and no colour contrast it
 * could not decide: axe reports text it cannot measure (white on a white button whose colour comes from
 * a later rule, text over an image or a gradient) as "incomplete", which would otherwise pass unseen.
 */
export async function expectAccessible(page: Page): Promise<void> {
	await page.waitForLoadState();
	const tracker = trackers.get(page);
	const current = (tracker?.navigations.length ?? 0) - 1;
	const target = tracker && !tracker.scripted ? await tracker.twin() : page;
	// Legacy mode runs axe in the page itself instead of finishing in a new blank page: several times
	// faster, and the app has no cross-origin frames, the only thing it would miss.
	const { violations, incomplete } = await new AxeBuilder({ page: target }).withTags(TAGS).setLegacyMode().analyze();
	const undecidedContrast = incomplete
		.filter((result) => result.id === 'color-contrast')
		.map((result) => ({ ...result, nodes: result.nodes.filter((node) => !node.any.every((check) => NOT_ABOUT_COLOUR.has(reason(check)))) }))
		.filter((result) => result.nodes.length > 0);
	const report = [...violations, ...undecidedContrast].map(
		(result) =>
			`${result.id} (${result.impact ?? 'undecided'}): ${result.help}\n` +
			result.nodes.map((node) => `    ${node.target.join(' ')}: ${node.failureSummary?.split('\n').slice(1).join('; ') || node.any.map((check) => `${check.message} [${reason(check)}]`).join('; ')}`).join('\n')
	);
	expect(report, `axe violations and undecided contrast on ${page.url()}`).toEqual([]);
	if (tracker && current >= 0) tracker.checked.add(current);
}
