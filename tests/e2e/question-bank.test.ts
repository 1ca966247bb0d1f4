// An organiser builds a question bank from the files teachers already have: a GIFT file with a mistake is
// refused whole, with the question and line at fault next to the field; the corrected file is read and
// listed question by question, with plainly what could not be kept, and imported only once confirmed, its
// categories, weights, feedback, fill-in-the-gap and essay questions kept; the bank exports back to GIFT.
import { expect, test } from './support/fixtures.ts';
import { expectAccessible } from './support/axe.ts';
import { field, header } from './support/flows.ts';
import { t } from './support/i18n.ts';

const GOOD = [
	'$CATEGORY: $course$/top/Lừa đảo/Tin nhắn',
	'',
	'::Mã OTP:: Có nên đọc mã OTP cho người gọi tự xưng là nhân viên ngân hàng? {F ####Ngân hàng không bao giờ hỏi mã OTP.}',
	'',
	'::Dấu hiệu:: Dấu hiệu nào cho thấy một tin nhắn là lừa đảo? {=Giục bấm vào đường link lạ#Đúng: kẻ gian luôn giục. ~%-50%Ghi rõ tên người gửi quen ~Không có đường link nào}',
	'',
	'::Ứng dụng:: Tệp cài đặt ứng dụng lạ trên Android thường có đuôi là gì? {=apk =.apk}',
	'',
	'::Điền từ:: Khi nhận cuộc gọi lạ, hãy {=xác minh ~tin ngay} trước khi làm theo.',
	'',
	'::Bài viết:: [html]<p>Hãy <b>kể lại</b> một lần bạn suýt bị lừa qua mạng.</p><table><tr><td>Gợi ý</td></tr></table> {}'
].join('\n');
const BROKEN = GOOD.replace('{=Giục bấm vào đường link lạ', 'Giục bấm vào đường link lạ');

test('an organiser imports a GIFT file: a broken one is refused with the line at fault, the fixed one is checked, then imported', async ({ page, signedInAs }) => {
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
	await page.getByRole('button', { name: t('vi', 'studio.import_check') }).click();
	await expect(page.getByText(t('vi', 'studio.errors.file_has_errors'))).toBeVisible();
	const problem = page.locator('#file-error li');
	await expect(problem).toHaveCount(1);
	await expect(problem).toContainText(t('vi', 'studio.problem_at_line', { question: 2, line: 5 }));
	await expect(upload).toHaveAttribute('aria-invalid', 'true');
	await expect(page.getByText(t('vi', 'studio.no_questions'))).toBeVisible();
	await expectAccessible(page);

	// The fixed file is read and listed, with what it cannot keep; nothing is saved yet.
	await field(page, t('vi', 'studio.import_file')).setInputFiles({ name: 'cau-hoi.gift', mimeType: 'text/plain', buffer: Buffer.from(GOOD) });
	await page.getByRole('button', { name: t('vi', 'studio.import_check') }).click();
	await expect(page.getByRole('heading', { name: t('vi', 'studio.preview_title', { name: 'cau-hoi.gift' }) })).toBeVisible();
	const listed = page.locator('.import-preview > li');
	await expect(listed).toHaveCount(5);
	await expect(listed.nth(0)).toContainText('Lừa đảo / Tin nhắn');
	await expect(listed.nth(3)).toContainText(t('vi', 'quiz.kinds.cloze'));
	await expect(listed.nth(3)).toContainText('Khi nhận cuộc gọi lạ, hãy _____ trước khi làm theo.');
	await expect(listed.nth(4)).toContainText(t('vi', 'quiz.kinds.essay'));
	await expect(listed.nth(4).locator('.not-kept li')).toHaveText([t('vi', 'quiz_import.not_kept.html_formatting')]);
	await expect(page.getByText(t('vi', 'studio.preview_losses_other', { count: 1 }))).toBeVisible();
	await expect(page.getByText(t('vi', 'studio.no_questions'))).toBeVisible();
	await expectAccessible(page);

	await page.getByRole('button', { name: t('vi', 'studio.import_confirm_other', { count: 5 }) }).click();
	await expect(page.getByRole('status')).toHaveText(t('vi', 'studio.imported_other', { count: 5 }));
	const rows = page.getByRole('table').getByRole('row');
	await expect(rows).toHaveCount(6);
	await expect(rows.nth(1)).toContainText(t('vi', 'quiz.kinds.true_false'));
	await expect(rows.nth(1)).toContainText('Lừa đảo / Tin nhắn');
	await expect(rows.nth(3)).toContainText(t('vi', 'quiz.kinds.short_text'));
	await expect(rows.nth(4)).toContainText(t('vi', 'quiz.kinds.cloze'));
	await expect(rows.nth(5)).toContainText(t('vi', 'quiz.kinds.essay'));
	await expectAccessible(page);

	const exported = await page.request.get(await page.getByRole('link', { name: t('vi', 'studio.export_gift') }).getAttribute('href') ?? '');
	expect(exported.status()).toBe(200);
	const gift = await exported.text();
	expect(gift).toContain('$CATEGORY: $course$/top/Lừa đảo/Tin nhắn');
	expect(gift).toContain('::Mã OTP::');
	expect(gift).toContain('=apk');
	expect(gift).toContain('%-50%Ghi rõ tên người gửi quen');
	expect(gift).toContain('#Đúng\\: kẻ gian luôn giục.'); // ":" escaped, as GIFT wants
	expect(gift).toMatch(/Khi nhận cuộc gọi lạ, hãy \{[^}]*=xác minh[^}]*\} trước khi làm theo\./);
	expect(gift).toMatch(/::Bài viết::[^{]*\{\}/);
});

test('a citizen cannot open the question banks', async ({ page, signedInAs }) => {
	await signedInAs('citizen');
	await expect(header(page).getByRole('link', { name: t('vi', 'nav.studio') })).toHaveCount(0);
	const response = await page.goto('/studio/banks');
	expect(response?.status()).toBe(403);
	await expectAccessible(page);
	// Nor import into one by posting the form: the bank is not found for her, and nothing is written.
	const write = await page.request.post('/studio/banks/1?/import', {
		multipart: { name: 'x.gift', source: '::X:: Có nên đọc mã OTP cho người lạ? {F}' },
		headers: { origin: new URL(page.url()).origin },
		maxRedirects: 0
	});
	expect(write.status()).toBe(404);
});
