// Steps of an organiser in the studio, done through its pages, each page checked with axe.
import { expect, type Page } from '@playwright/test';
import { expectAccessible } from './axe.ts';
import { field } from './flows.ts';
import { t, type Locale } from './i18n.ts';

/** A message with a count, as i18next picks it: the plural form the language uses for that count, else the plain key. */
export function counted(locale: Locale, key: string, count: number, values: Record<string, string | number> = {}): string {
	const form = new Intl.PluralRules(locale).select(count);
	for (const candidate of [`${key}_${form}`, `${key}_other`, key]) {
		try {
			return t(locale, candidate, { ...values, count });
		} catch {
			// that form is not in the locale file; try the next
		}
	}
	throw new Error(`no ${locale} message for ${key}`);
}

/** Creates a question bank from /studio/banks and lands on its page. */
export async function createBank(page: Page, title: string) {
	await page.goto('/studio/banks');
	await expectAccessible(page);
	await field(page, t('vi', 'studio.bank_title')).fill(title);
	await page.getByRole('button', { name: t('vi', 'studio.create_bank') }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
	await expectAccessible(page);
}

/** On a bank's page, imports a question file in the studio's two steps (read and check, then confirm). */
export async function importQuestions(page: Page, file: { name: string; mimeType: string; buffer: Buffer }, count: number) {
	await field(page, t('vi', 'studio.import_file')).setInputFiles(file);
	await page.getByRole('button', { name: t('vi', 'studio.import_check') }).click();
	await expect(page.getByRole('status')).toContainText(counted('vi', 'studio.preview_count', count));
	await expectAccessible(page);
	await page.getByRole('button', { name: counted('vi', 'studio.import_confirm', count) }).click();
	await expect(page.getByRole('status')).toHaveText(counted('vi', 'studio.imported', count));
	await expectAccessible(page);
}
