// An organiser builds a question bank from the files teachers already have: a GIFT file with a mistake is
// refused whole, with the question and line at fault next to the field; the corrected file is imported;
// the bank exports back to GIFT.
import { expect, test } from './support/fixtures.ts';
import { expectAccessible } from './support/axe.ts';
import { field, header } from './support/flows.ts';
import { t } from './support/i18n.ts';

const GOOD = [
	'::Mã OTP:: Có nên đọc mã OTP cho người gọi tự xưng là nhân viên ngân hàng? {F ####Ngân hàng không bao giờ hỏi mã OTP.}',
	'',
	'::Dấu hiệu:: Dấu hiệu nào cho thấy một tin nhắn là lừa đảo? {=Giục bấm vào đường link lạ ~Ghi rõ tên người gửi quen ~Không có đường link nào}',
	'',
	'::Ứng dụng:: Tệp cài đặt ứng dụng lạ trên Android thường có đuôi là gì? {=apk =.apk}'
].join('\n');
const BROKEN = GOOD.replace('{=Giục bấm vào đường link lạ', 'Giục bấm vào đường link lạ');

test('an organiser imports a GIFT file: a broken one is refused with the line at fault, the fixed one is imported', async ({ page, signedInAs }) => {
	await signedInAs('organizer');
	await header(page).getByRole('link', { name: t('vi', 'nav.studio') }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('vi', 'studio.banks_title'));
	await expectAccessible(page);

	const title = `Ngân hàng thử ${Date.now()}`;
	await field(page, t('vi', 'studio.bank_title')).fill(title);
	await page.getByRole('button', { name: t('vi', 'studio.create_bank') }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
	await expect(page.getByText(t('vi', 'studio.no_questions'))).toBeVisible();
	await expectAccessible(page);

	const upload = field(page, t('vi', 'studio.import_file'));
	await upload.setInputFiles({ name: 'cau-hoi.gift', mimeType: 'text/plain', buffer: Buffer.from(BROKEN) });
	await page.getByRole('button', { name: t('vi', 'studio.import_button') }).click();
	await expect(page.getByText(t('vi', 'studio.errors.file_has_errors'))).toBeVisible();
	const problem = page.locator('#file-error li');
	await expect(problem).toHaveCount(1);
	await expect(problem).toContainText(t('vi', 'studio.problem_at_line', { question: 2, line: 3 }));
	await expect(upload).toHaveAttribute('aria-invalid', 'true');
	await expect(page.getByText(t('vi', 'studio.no_questions'))).toBeVisible();
	await expectAccessible(page);

	await upload.setInputFiles({ name: 'cau-hoi.gift', mimeType: 'text/plain', buffer: Buffer.from(GOOD) });
	await page.getByRole('button', { name: t('vi', 'studio.import_button') }).click();
	await expect(page.getByRole('status')).toHaveText(t('vi', 'studio.imported_other', { count: 3 }));
	const rows = page.getByRole('table').getByRole('row');
	await expect(rows).toHaveCount(4);
	await expect(rows.nth(1)).toContainText(t('vi', 'quiz.kinds.true_false'));
	await expect(rows.nth(3)).toContainText(t('vi', 'quiz.kinds.short_text'));
	await expectAccessible(page);

	const exported = await page.request.get(await page.getByRole('link', { name: t('vi', 'studio.export_gift') }).getAttribute('href') ?? '');
	expect(exported.status()).toBe(200);
	const gift = await exported.text();
	expect(gift).toContain('::Mã OTP::');
	expect(gift).toContain('=apk');
	expect(gift.split(/\n\s*\n/).filter((block) => block.trim())).toHaveLength(3);
});

test('a citizen cannot open the question banks', async ({ page, signedInAs }) => {
	await signedInAs('citizen');
	await expect(header(page).getByRole('link', { name: t('vi', 'nav.studio') })).toHaveCount(0);
	const response = await page.goto('/studio/banks');
	expect(response?.status()).toBe(403);
	await expectAccessible(page);
});
