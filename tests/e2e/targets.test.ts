// Targets, end to end: the province admin sets an (unpublished) target; the commune's admin reports a
// figure with evidence, which does not count until the province admin approves it; then the commune's
// "N of M targets met" goes up by one. Another commune's admin sees nothing of that target. The public
// dashboard on a phone: short, opening on a target with progress, communes furthest behind first, figures
// rounded (on the page and in the exports), all of it without JavaScript too.
import { expect, test } from './support/fixtures.ts';
import { expectAccessible } from './support/axe.ts';
import { field, signOut } from './support/flows.ts';
import { t } from './support/i18n.ts';
import type { Page } from '@playwright/test';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

/** The "N of M targets met" of the dashboard on the page. */
async function headline(page: Page): Promise<{ met: number; total: number }> {
	const text = await page.getByRole('status').filter({ hasText: /\d+\/\d+/ }).first().innerText();
	const [, met, total] = /(\d+)\/(\d+)/.exec(text)!;
	return { met: Number(met), total: Number(total) };
}

/** The numbers a text shows, read the Vietnamese way ("1.234,5 %" is 1234.5). */
const numbers = (text: string) => [...text.matchAll(/\d[\d.]*(?:,\d+)?/g)].map((m) => Number(m[0].replaceAll('.', '').replace(',', '.')));

/** The rows of the dashboard's breakdown (the first table), and the link that lists all of them. */
const breakdownRows = (page: Page) => page.getByRole('table').first().locator('tbody tr');
const allUnits = (page: Page) => page.getByRole('link', { name: new RegExp(`^${t('vi', 'dashboard.all_units', { count: '\\d+' })}$`) });

/** Where each commune's dashboard is, once found in the province's list of every commune. */
const communePages = new Map<string, string>();

async function openCommuneDashboard(page: Page, commune: string) {
	const known = communePages.get(commune);
	if (known) {
		await page.goto(known);
	} else {
		// Every commune, not only the first few.
		await page.goto('/dashboard?all=1');
		await expectAccessible(page);
		await page.getByRole('table').first().getByRole('link', { name: commune, exact: true }).click();
	}
	await expect(page.getByRole('heading', { level: 1 })).toContainText(commune);
	communePages.set(commune, page.url());
	await expectAccessible(page);
}

test('a commune admin reports a figure with evidence; once approved, the commune meets one more target', async ({ page, signedInAs }) => {
	// Seventeen pages, each checked by axe: minutes on a busy machine.
	test.setTimeout(240_000);
	const code = `E2E-${Date.now().toString(36).toUpperCase()}`;
	const name = `Tỷ lệ thử nghiệm ${code}`;

	await signedInAs('admin');
	await page.goto('/admin/targets/new');
	await expectAccessible(page);
	await field(page, t('vi', 'admin_targets.field_code')).fill(code);
	await field(page, t('vi', 'admin_targets.field_name_vi')).fill(name);
	await field(page, t('vi', 'admin_targets.field_name_en')).fill(`Trial share ${code}`);
	await field(page, t('vi', 'admin_targets.field_year')).fill('2026');
	await field(page, t('vi', 'admin_targets.field_target_value')).fill('80');
	await field(page, t('vi', 'admin_targets.field_responsible')).fill('Ủy ban nhân dân xã Bác Ái');
	await page.getByRole('button', { name: t('vi', 'admin_targets.create') }).click();
	await expect(page.getByRole('cell', { name: code, exact: true })).toBeVisible();
	await expectAccessible(page);
	await signOut(page);

	// The commune's admin: the new target has no figure yet.
	await signedInAs('unitadmin');
	await openCommuneDashboard(page, 'Xã Bác Ái');
	const before = await headline(page);
	const card = page.getByRole('article').filter({ hasText: code });
	await expect(card.getByText(t('vi', 'dashboard.state.no_data'))).toBeVisible();

	await page.goto('/admin/reports?year=2026');
	await expectAccessible(page);
	const target = field(page, t('vi', 'reports.target'));
	await target.selectOption((await target.locator('option', { hasText: code }).getAttribute('value'))!);
	await field(page, t('vi', 'reports.unit')).selectOption({ label: 'Xã Bác Ái' });
	await field(page, t('vi', 'reports.numerator')).fill('90');
	await field(page, t('vi', 'reports.denominator')).fill('100');
	await field(page, t('vi', 'reports.note')).fill('Số liệu thử nghiệm');
	await field(page, t('vi', 'reports.evidence')).setInputFiles({ name: 'bien-ban.pdf', mimeType: 'application/pdf', buffer: PDF });
	await page.getByRole('button', { name: t('vi', 'reports.submit') }).click();
	await expect(page.getByText(t('vi', 'reports.submitted'))).toBeVisible();
	const row = page.getByRole('row').filter({ hasText: code });
	await expect(row.getByText(t('vi', 'reports.status.submitted'))).toBeVisible();
	await expectAccessible(page);
	const evidence = await page.request.get((await row.getByRole('link', { name: 'bien-ban.pdf' }).getAttribute('href'))!);
	expect(evidence.status()).toBe(200);
	expect(evidence.headers()['content-type']).toBe('application/pdf');

	// Not counted while it waits.
	await openCommuneDashboard(page, 'Xã Bác Ái');
	expect(await headline(page)).toEqual(before);
	await signOut(page);

	// The province admin approves it.
	await signedInAs('admin');
	await page.goto('/admin/reports');
	await expectAccessible(page);
	const waiting = page.getByRole('listitem').filter({ hasText: code });
	await expect(waiting).toContainText('Xã Bác Ái');
	await waiting.getByRole('button', { name: t('vi', 'reports.approve') }).click();
	await expect(page.getByText(t('vi', 'reports.approved'))).toBeVisible();
	await expectAccessible(page);
	await signOut(page);

	await signedInAs('unitadmin');
	await openCommuneDashboard(page, 'Xã Bác Ái');
	expect(await headline(page)).toEqual({ met: before.met + 1, total: before.total });
	await expect(page.getByRole('article').filter({ hasText: code }).getByText(t('vi', 'dashboard.state.met'))).toBeVisible();
	const targetLink = await page.getByRole('link', { name }).getAttribute('href');

	// Another commune: that target does not exist for her there, breakdown included.
	await openCommuneDashboard(page, 'Phường Nha Trang');
	await expect(page.getByRole('article').filter({ hasText: code })).toHaveCount(0);
	const elsewhere = new URL(targetLink!, 'http://x');
	await page.goto(`/dashboard?unit=${new URL(page.url()).searchParams.get('unit')}&target=${elsewhere.searchParams.get('target')}`);
	await expect(page.getByRole('heading', { level: 2 }).filter({ hasText: code })).toHaveCount(0);
	await expect(page.getByText(name)).toHaveCount(0);
	await expectAccessible(page);
});

test('the public dashboard works without signing in, on a phone, with its table twins and exports', async ({ page }) => {
	test.setTimeout(60_000);
	await page.setViewportSize({ width: 360, height: 740 });
	await page.goto('/dashboard');
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Tỉnh Khánh Hòa');
	await expect(page.getByRole('status').filter({ hasText: /\d+\/\d+/ })).toBeVisible();
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
	// A phone's page, not thirteen screens of it (it was 13 000 px with every commune in a bar chart).
	expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(4600);
	await expectAccessible(page);

	// It opens on a target with progress: its first ten communes, furthest behind first, each above zero.
	const rows = breakdownRows(page);
	await expect(rows).toHaveCount(10);
	const values = (await rows.locator('td').allInnerTexts()).map((text) => numbers(text)[0]);
	expect(values.every((value) => value > 0)).toBe(true);
	expect(values).toEqual([...values].sort((a, b) => a - b));
	// Whole people and one decimal at most: no "3.597,937".
	expect(await page.locator('main').innerText()).not.toMatch(/\d,\d{2,}/);

	const csv = await page.request.get((await page.getByRole('link', { name: t('vi', 'dashboard.export_csv'), exact: true }).getAttribute('href'))!);
	expect(csv.status()).toBe(200);
	expect(await csv.text()).toContain(t('vi', 'dashboard.columns.code'));
	const xlsx = await page.request.get((await page.getByRole('link', { name: t('vi', 'dashboard.export_xlsx') }).getAttribute('href'))!);
	expect(xlsx.status()).toBe(200);
	expect((await xlsx.body()).subarray(0, 2).toString()).toBe('PK');

	// 2024 on the units of its time, then moved onto today's communes.
	await field(page, t('vi', 'dashboard.year')).selectOption('2024');
	await page.getByRole('button', { name: t('vi', 'dashboard.show') }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Tỉnh Ninh Thuận');
	await expect(page.getByText(t('vi', 'dashboard.note_then'))).toBeVisible();
	await expectAccessible(page);
	await field(page, t('vi', 'dashboard.hierarchy')).selectOption('now');
	await page.getByRole('button', { name: t('vi', 'dashboard.show') }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Tỉnh Khánh Hòa');
	await expect(page.getByText(t('vi', 'dashboard.note_now'))).toBeVisible();
	await expectAccessible(page);
	// Split communes' figures are apportioned by population, fractional in the database: rounded on the
	// page, and in the export, whose columns say so.
	await expect(breakdownRows(page).first()).toBeVisible();
	expect(await page.locator('main').innerText()).not.toMatch(/\d,\d{2,}/);
	const byUnit = await page.request.get((await page.getByRole('link', { name: t('vi', 'dashboard.export_csv_breakdown'), exact: true }).getAttribute('href'))!);
	const table = await byUnit.text();
	expect(table).toContain(t('vi', 'dashboard.columns.denominator'));
	expect(table.split('\r\n').slice(1).join('\n')).not.toMatch(/\d\.\d{2,}/);
});

test.describe('JavaScript off', () => {
	test.use({ javaScriptEnabled: false });

	test('the dashboard lists every commune on asking, and a target without progress says what that means', async ({ page }) => {
		test.setTimeout(60_000);
		await page.goto('/dashboard');
		await expectAccessible(page);
		await expect(breakdownRows(page)).toHaveCount(10);
		await allUnits(page).click();
		await expect(page).toHaveURL(/[?&]all=1/);
		expect(await breakdownRows(page).count()).toBeGreaterThan(10);
		await expect(page.getByRole('link', { name: t('vi', 'dashboard.fewer_units', { count: 10 }) })).toBeVisible();
		await expectAccessible(page);

		// The demo's first target is learned on the platform, where no commune has made progress yet.
		await page.getByRole('link', { name: 'Tỷ lệ người dân trưởng thành có kỹ năng số cơ bản' }).click();
		await expect(page.getByRole('heading', { level: 2, name: 'Tỷ lệ người dân trưởng thành có kỹ năng số cơ bản' })).toBeVisible();
		await expect(page.getByText(t('vi', 'dashboard.empty_progress_title'))).toBeVisible();
		await expect(page.getByText(t('vi', 'dashboard.empty_progress.automatic', { count: 65 }))).toBeVisible();
		await expect(page.getByRole('table')).toHaveCount(1);
		await expectAccessible(page);
	});
});
